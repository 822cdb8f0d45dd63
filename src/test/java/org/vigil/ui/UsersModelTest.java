package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.chair.StationAdmin;
import org.vigil.domain.AuditSink;
import org.vigil.domain.Role;
import org.vigil.security.Accounts;
import org.vigil.security.PasswordHasher;
import org.vigil.storage.AccountStore;
import org.vigil.storage.VigilDatabase;

/** The admin's users panel on real accounts: add, role, disable, new PIN, and emergency access to review. */
class UsersModelTest {

    @TempDir
    Path dir;
    private VigilDatabase db;
    private AccountStore store;
    private Accounts accounts;
    private final Instant now = Instant.parse("2026-03-02T08:00:00Z");
    private AdminModel admin;
    private UsersModel m;

    @BeforeEach
    void open() {
        db = VigilDatabase.open(dir.resolve("vigil.db"));
        store = db.accounts();
        accounts = new Accounts(store, new PasswordHasher(PasswordHasher.FAST_FOR_TESTS, new SecureRandom()),
                AuditSink.NONE, () -> now);
        accounts.createFirstAdmin("ada", "Ada", "analytical engine", "2718");
        admin = new AdminModel(StationAdmin.DISABLED, accounts, accounts, () -> now);
        m = new UsersModel(accounts, admin, Runnable::run, Runnable::run);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    @Test
    void outsideAdminModeTheListIsEmptyAndChangesAreRefused() {
        m.refresh().join();
        assertTrue(m.users().isEmpty());
        assertFalse(m.setEnabled("ada", false).join());
        assertEquals(AdminModel.ADMIN_ONLY, m.messageProperty().get());
    }

    @Test
    void anAdminAddsAUserGivesARoleDisablesAndSetsANewPin() {
        assertEquals(java.util.Optional.empty(), admin.logIn("ada", "2718"));
        m.refresh().join();
        assertEquals(List.of("ada"), m.users().stream().map(u -> u.login()).toList());

        m.loginProperty().set("bo");
        m.nameProperty().set("Bo Nurse");
        m.secretProperty().set("4711");
        assertTrue(m.add().join(), m.messageProperty().get());
        assertEquals("", m.secretProperty().get(), "the secret leaves the form");
        assertEquals(List.of("ada", "bo"), m.users().stream().map(u -> u.login()).toList());
        assertTrue(accounts.logIn("bo", "4711").ok());

        assertTrue(m.setRole("bo", Role.PRESCRIBER).join());
        assertEquals(Role.PRESCRIBER, m.users().get(1).role());
        assertTrue(m.resetPin("bo", "8888").join());
        assertTrue(accounts.logIn("bo", "8888").ok());
        assertTrue(m.setEnabled("bo", false).join());
        assertFalse(m.users().get(1).enabled());
        assertFalse(accounts.logIn("bo", "8888").ok());
        assertFalse(m.resetPin("bo", "1").join());
        assertTrue(m.errorProperty().get());
    }

    @Test
    void emergencyAccessIsShownToTheAdminUntilReviewed() {
        accounts.breakGlass("Jo", "patient apnoeic, no login at hand");
        admin.logIn("ada", "2718");
        m.refresh().join();
        assertEquals(1, m.emergencies().size());
        assertEquals("Jo", m.emergencies().get(0).name());
        assertTrue(m.reviewed(m.emergencies().get(0).id()).join());
        assertTrue(m.emergencies().isEmpty());
    }
}
