package org.vigil.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.Role;
import org.vigil.storage.AccountRow;
import org.vigil.storage.AccountStore;
import org.vigil.storage.VigilDatabase;

class AccountsTest {

    @TempDir
    Path dir;
    private VigilDatabase db;
    private AccountStore store;
    private Accounts accounts;
    private Instant now = Instant.parse("2026-03-02T08:00:00Z");
    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = VigilDatabase.open(dir.resolve("vigil.db"));
        store = db.accounts();
        accounts = new Accounts(store, new PasswordHasher(PasswordHasher.FAST_FOR_TESTS, new SecureRandom()), audit::add,
                () -> now);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private Actor admin() {
        assertTrue(accounts.createFirstAdmin("ada", "Ada Lovelace", "analytical engine", "2718").done());
        return accounts.logIn("ada", "analytical engine").actor();
    }

    private List<String> actions() {
        return audit.stream().map(AuditEntry::action).toList();
    }

    @Test
    void aNewStationAsksForTheFirstAdminOnceAndTheAdminLogsInWithPasswordOrPin() {
        assertTrue(accounts.firstRun());
        AccountResult made = accounts.createFirstAdmin("ada", "Ada Lovelace", "analytical engine", "2718");
        assertTrue(made.done(), made.message());
        assertFalse(accounts.firstRun());
        assertFalse(accounts.createFirstAdmin("eve", "Eve", "another password", null).done(), "only once");

        LoginResult byPassword = accounts.logIn("ADA", "analytical engine");
        assertTrue(byPassword.ok());
        assertEquals("Ada Lovelace", byPassword.actor().name());
        assertEquals(Role.ADMIN, byPassword.actor().role());
        assertEquals("login", byPassword.actor().how());
        assertEquals(now, byPassword.actor().authenticatedAt());
        assertEquals("pin", accounts.logIn("ada", "2718").actor().how());
        assertEquals(List.of("user.added", "login", "login"), actions());
        assertEquals(Actor.SYSTEM, audit.get(0).actor());
    }

    @Test
    void secretsAreStoredOnlyAsArgon2idHashes() {
        admin();
        AccountRow row = store.byLogin("ada").orElseThrow();
        assertTrue(row.passwordHash().startsWith("$argon2id$"));
        assertTrue(row.pinHash().startsWith("$argon2id$"));
        assertFalse(row.passwordHash().contains("analytical"));
        assertFalse(row.pinHash().contains("2718"));
    }

    @Test
    void anUnknownUserAndAWrongSecretGetTheSameAnswerAndAreAudited() {
        admin();
        audit.clear();
        assertEquals(Accounts.WRONG, accounts.logIn("nobody", "analytical engine").refusal());
        assertEquals(Accounts.WRONG, accounts.logIn("ada", "wrong").refusal());
        assertEquals(List.of("login.failed", "login.failed"), actions());
        assertEquals("unknown user", audit.get(0).detail().get("why"));
        assertEquals("wrong secret", audit.get(1).detail().get("why"));
    }

    @Test
    void repeatedFailuresLockTheAccountWithBackoffAndALoginResetsIt() {
        admin();
        for (int i = 1; i < Lockout.FREE_FAILURES; i++) {
            LoginResult r = accounts.logIn("ada", "guess " + i);
            assertNull(r.lockedUntil(), "failure " + i + " costs nothing");
        }
        LoginResult fifth = accounts.logIn("ada", "guess 5");
        assertEquals(now.plus(Lockout.FIRST_LOCK), fifth.lockedUntil());
        assertTrue(actions().contains("account.locked"));

        // while locked, even the right password is refused, without counting
        now = now.plusSeconds(29);
        LoginResult locked = accounts.logIn("ada", "analytical engine");
        assertFalse(locked.ok());
        assertTrue(locked.refusal().contains("locked for 1 s"), locked.refusal());

        // the next failure after the lock doubles it
        now = now.plusSeconds(1);
        assertEquals(now.plus(Lockout.FIRST_LOCK.multipliedBy(2)), accounts.logIn("ada", "guess 6").lockedUntil());
        now = now.plus(Lockout.FIRST_LOCK.multipliedBy(2));
        assertTrue(accounts.logIn("ada", "analytical engine").ok());
        AccountRow row = store.byLogin("ada").orElseThrow();
        assertEquals(0, row.failedAttempts());
        assertNull(row.lockedUntil());
    }

    @Test
    void theLockNeverExceedsFifteenMinutes() {
        assertEquals(null, Lockout.lockedUntil(4, now));
        assertEquals(now.plusSeconds(30), Lockout.lockedUntil(5, now));
        assertEquals(now.plusSeconds(60), Lockout.lockedUntil(6, now));
        assertEquals(now.plus(Duration.ofMinutes(15)), Lockout.lockedUntil(11, now));
        assertEquals(now.plus(Duration.ofMinutes(15)), Lockout.lockedUntil(1000, now));
    }

    @Test
    void onlyAnAdminManagesUsersAndEveryChangeIsAudited() {
        Actor ada = admin();
        Actor nurse = new Actor("user:99", "Bo", Role.NURSE, now, "login");
        assertFalse(accounts.add(nurse, "cy", "Cy", Role.NURSE, "password123", null).done());
        assertTrue(accounts.list(nurse).isEmpty());
        assertTrue(accounts.add(ada, "bo", "Bo Nurse", Role.NURSE, null, "4711").done());
        assertFalse(accounts.add(ada, "BO", "Bo Again", Role.NURSE, null, "4711").done(), "logins are unique");
        assertFalse(accounts.add(ada, "x", "Too short", Role.NURSE, null, "4711").done());
        assertFalse(accounts.add(ada, "cy", "Cy", Role.NURSE, "short", null).done(), "passwords need 8 characters");
        assertFalse(accounts.add(ada, "cy", "Cy", Role.NURSE, null, "12").done(), "PINs need 4");
        assertFalse(accounts.add(ada, "cy", "Cy", Role.SYSTEM, null, "1234").done());
        assertEquals(List.of("ada", "bo"), accounts.list(ada).stream().map(AccountRow::login).toList());

        assertTrue(accounts.setRole(ada, "bo", Role.PRESCRIBER).done());
        assertEquals(Role.PRESCRIBER, accounts.logIn("bo", "4711").actor().role());
        assertTrue(accounts.resetPin(ada, "bo", "8888").done());
        assertFalse(accounts.logIn("bo", "4711").ok());
        assertTrue(accounts.logIn("bo", "8888").ok());
        assertTrue(accounts.setEnabled(ada, "bo", false).done());
        assertEquals("bo is disabled: ask an admin", accounts.logIn("bo", "8888").refusal());
        assertFalse(accounts.setEnabled(ada, "ada", false).done(), "an admin cannot lock themself out");
        assertTrue(accounts.resetPassword(ada, "bo", "new password 1").done());
        assertEquals(4, actions().stream().filter("user.changed"::equals).count());
        assertEquals(2, actions().stream().filter("user.added"::equals).count());
    }

    @Test
    void theSharedAdminPinBecomesTheFirstAdminsPinOnlyOnANewStation() {
        assertTrue(accounts.adoptAdminPin("0815").done());
        LoginResult r = accounts.logIn("admin", "0815");
        assertTrue(r.ok());
        assertEquals(Role.ADMIN, r.actor().role());
        assertFalse(store.byLogin("admin").orElseThrow().pinHash().contains("0815"));
        assertFalse(accounts.adoptAdminPin("0815").done(), "once accounts exist the PIN is ignored");
    }

    @Test
    void emergencyAccessNeedsANameAndAReasonIsAuditedAndWaitsForAnAdminsReview() {
        Actor ada = admin();
        assertFalse(accounts.breakGlass("", "patient crashing, no login").ok());
        assertFalse(accounts.breakGlass("Kim", "hurry").ok());
        LoginResult r = accounts.breakGlass("Kim", "patient desaturating, charge nurse away");
        assertTrue(r.ok());
        assertEquals("break-glass", r.actor().how());
        assertEquals("Kim (emergency access)", r.actor().name());
        AuditEntry e = audit.get(audit.size() - 1);
        assertEquals("break_glass", e.action());
        assertEquals("patient desaturating, charge nurse away", e.detail().get("reason"));

        assertTrue(accounts.breakGlassToReview(new Actor("user:2", "Bo", Role.NURSE, now, "login")).isEmpty());
        var open = accounts.breakGlassToReview(ada);
        assertEquals(1, open.size());
        assertEquals("Kim", open.get(0).name());
        assertTrue(accounts.reviewBreakGlass(ada, open.get(0).id()).done());
        assertTrue(accounts.breakGlassToReview(ada).isEmpty());
    }
}
