package org.vigil.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.Authorizer;
import org.vigil.access.Command;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.AuditSink;
import org.vigil.domain.Role;
import org.vigil.storage.AccountRow;
import org.vigil.storage.AccountStore;
import org.vigil.storage.BreakGlassUse;
import org.vigil.storage.StorageException;

/**
 * The station's user accounts: logging in with a password or a quick PIN (Argon2id hashes, never
 * the secrets), lockout with backoff ({@link Lockout}), the first admin, user management by admins
 * and emergency access ("break glass"). Every login, failed login, lockout, user change and use of
 * emergency access goes to the {@link AuditSink}. Every call blocks on the disk and on the hash
 * (a fraction of a second): screens call it off the FX thread. Thread-safe.
 */
public final class Accounts implements SignIn, UserAdmin {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD = 8;
    /** A quick PIN: 4 to 12 characters without spaces (usually digits). */
    public static final int MIN_PIN = 4;
    public static final int MAX_PIN = 12;
    /** The shortest reason accepted for emergency access. */
    public static final int MIN_REASON = 10;

    static final String WRONG = "wrong user name, password or PIN";
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._-]{2,32}");

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final AuditSink audit;
    private final InstantSource clock;

    public Accounts(AccountStore store, PasswordHasher hasher, AuditSink audit, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True until the first account exists: the station then asks for the first admin. */
    @Override
    public boolean firstRun() {
        return store.count() == 0;
    }

    /**
     * Creates the first admin; refused once any account exists. {@code password} or {@code pin}
     * may be null (not both).
     */
    @Override
    public synchronized AccountResult createFirstAdmin(String login, String name, String password, String pin) {
        if (!firstRun()) {
            return AccountResult.refused("the first admin exists already: an admin adds the other users");
        }
        return insert(Actor.SYSTEM, login, name, Role.ADMIN, password, pin, "first admin");
    }

    /**
     * The shared admin PIN of an older configuration ({@code station.admin_pin}) becomes the PIN of
     * the first admin, login {@code admin}, hashed; nothing happens once any account exists.
     */
    public synchronized AccountResult adoptAdminPin(String pin) {
        if (!firstRun()) {
            return AccountResult.refused("accounts exist already; the configured admin PIN is ignored");
        }
        return insert(Actor.SYSTEM, "admin", "Admin", Role.ADMIN, null, pin, "from station.admin_pin");
    }

    /** Adds a user; admins only. */
    @Override
    public synchronized AccountResult add(Actor by, String login, String name, Role role, String password, String pin) {
        Optional<String> no = Authorizer.refusal(by, Command.MANAGE_USERS);
        if (no.isPresent()) {
            return AccountResult.refused(no.get());
        }
        if (role == Role.SYSTEM) {
            return AccountResult.refused("the station's own role cannot be given to a person");
        }
        return insert(by, login, name, role, password, pin, null);
    }

    private AccountResult insert(Actor by, String login, String name, Role role, String password, String pin, String note) {
        String l = login == null ? "" : login.strip();
        String n = name == null ? "" : name.strip();
        if (!LOGIN.matcher(l).matches()) {
            return AccountResult.refused("the user name needs 2 to 32 letters, digits, dots, dashes or underscores");
        }
        if (n.isEmpty()) {
            return AccountResult.refused("the full name is empty");
        }
        if (password == null && pin == null) {
            return AccountResult.refused("give a password or a quick PIN");
        }
        Optional<String> bad = password == null ? Optional.empty() : passwordProblem(password);
        if (bad.isEmpty() && pin != null) {
            bad = pinProblem(pin);
        }
        if (bad.isPresent()) {
            return AccountResult.refused(bad.get());
        }
        Instant now = clock.instant();
        try {
            AccountRow row = store.insert(new AccountRow(0, l, n, role, password == null ? null : hasher.hash(password),
                    pin == null ? null : hasher.hash(pin), true, 0, null, now));
            Map<String, String> d = new LinkedHashMap<>();
            d.put("login", row.login());
            d.put("name", row.name());
            d.put("role", role.name().toLowerCase(java.util.Locale.ROOT));
            if (note != null) {
                d.put("note", note);
            }
            record(now, by, "user.added", "user:" + row.id(), d);
            log.info("user {} ({}) added by {}", row.login(), role.label(), by.name());
            return AccountResult.done("User " + row.login() + " added (" + role.label() + ")");
        } catch (StorageException e) {
            return AccountResult.refused(e.getMessage());
        }
    }

    /**
     * Logs in with a password or a quick PIN. Refused (and audited) for an unknown user, a wrong
     * secret, a disabled account, or an account locked after repeated failures.
     */
    @Override
    public synchronized LoginResult logIn(String login, String secret) {
        Instant now = clock.instant();
        String l = login == null ? "" : login.strip();
        Optional<AccountRow> found;
        try {
            found = l.isEmpty() ? Optional.empty() : store.byLogin(l);
        } catch (StorageException e) {
            log.warn("login of {} failed: {}", l, e.getMessage());
            return LoginResult.refused("the user list cannot be read now: " + e.getMessage());
        }
        if (found.isEmpty()) {
            // as long as a wrong secret takes, so the answer's time does not tell who has an account
            hasher.verify(secret == null ? "" : secret, decoy());
            record(now, Actor.SYSTEM, "login.failed", "", Map.of("login", l, "why", "unknown user"));
            return LoginResult.refused(WRONG);
        }
        AccountRow a = found.get();
        if (a.lockedUntil() != null && now.isBefore(a.lockedUntil())) {
            record(now, Actor.SYSTEM, "login.refused", "user:" + a.id(), Map.of("login", a.login(), "why", "locked"));
            return LoginResult.locked("too many failed attempts: " + a.login() + " is locked for "
                    + words(Duration.between(now, a.lockedUntil())), a.lockedUntil());
        }
        String how = null;
        if (secret != null && hasher.verify(secret, a.passwordHash())) {
            how = "login";
        } else if (secret != null && hasher.verify(secret, a.pinHash())) {
            how = "pin";
        }
        if (how == null) {
            int failures = a.failedAttempts() + 1;
            Instant until = Lockout.lockedUntil(failures, now);
            store.update(a.withFailures(failures, until));
            record(now, Actor.SYSTEM, "login.failed", "user:" + a.id(), Map.of("login", a.login(), "why", "wrong secret",
                    "failures", Integer.toString(failures)));
            if (until != null) {
                record(now, Actor.SYSTEM, "account.locked", "user:" + a.id(), Map.of("login", a.login(),
                        "until", until.toString(), "failures", Integer.toString(failures)));
                log.warn("user {} locked for {} after {} failed logins", a.login(), Duration.between(now, until), failures);
                return LoginResult.locked(WRONG + ". Too many failed attempts: " + a.login() + " is locked for "
                        + words(Duration.between(now, until)), until);
            }
            return LoginResult.refused(WRONG);
        }
        if (!a.enabled()) {
            record(now, Actor.SYSTEM, "login.refused", "user:" + a.id(), Map.of("login", a.login(), "why", "disabled"));
            return LoginResult.refused(a.login() + " is disabled: ask an admin");
        }
        if (a.failedAttempts() != 0 || a.lockedUntil() != null) {
            store.update(a.withFailures(0, null));
        }
        Actor actor = new Actor("user:" + a.id(), a.name(), a.role(), now, how);
        record(now, actor, "login", "user:" + a.id(), Map.of("login", a.login(), "with", how));
        return LoginResult.ok(actor);
    }

    /** Records that {@code actor} logged out or the screen locked ({@code why}: "logout", "auto-lock"). */
    @Override
    public void loggedOut(Actor actor, String why) {
        record(clock.instant(), actor, "logout", actor.userId(), Map.of("why", why));
    }

    /** Every account (hashes included: the caller shows only names, roles and states); admins only. */
    public List<AccountRow> list(Actor by) {
        if (!Authorizer.allows(by, Command.MANAGE_USERS)) {
            return List.of();
        }
        return store.all();
    }

    @Override
    public List<UserSummary> users(Actor by) {
        return list(by).stream().map(a -> new UserSummary(a.login(), a.name(), a.role(), a.enabled(), a.lockedUntil()))
                .toList();
    }

    @Override
    public List<EmergencyUse> emergencyUses(Actor by) {
        return breakGlassToReview(by).stream().map(u -> new EmergencyUse(u.id(), u.at(), u.name(), u.reason())).toList();
    }

    /** Enables or disables an account; admins only; an admin cannot disable themself. */
    @Override
    public synchronized AccountResult setEnabled(Actor by, String login, boolean enabled) {
        return change(by, login, a -> {
            if (!enabled && by.userId().equals("user:" + a.id())) {
                throw new IllegalArgumentException("you cannot disable your own account");
            }
            return new AccountRow(a.id(), a.login(), a.name(), a.role(), a.passwordHash(), a.pinHash(), enabled,
                    0, null, a.createdAt());
        }, enabled ? "enabled" : "disabled");
    }

    /** Gives an account another role; admins only. */
    @Override
    public synchronized AccountResult setRole(Actor by, String login, Role role) {
        return change(by, login, a -> {
            if (role == Role.SYSTEM) {
                throw new IllegalArgumentException("the station's own role cannot be given to a person");
            }
            return new AccountRow(a.id(), a.login(), a.name(), role, a.passwordHash(), a.pinHash(), a.enabled(),
                    a.failedAttempts(), a.lockedUntil(), a.createdAt());
        }, "role " + (role == null ? "?" : role.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** Sets a new quick PIN (and unlocks the account); admins only. */
    @Override
    public synchronized AccountResult resetPin(Actor by, String login, String pin) {
        return change(by, login, a -> {
            pinProblem(pin).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
            return new AccountRow(a.id(), a.login(), a.name(), a.role(), a.passwordHash(), hasher.hash(pin), a.enabled(),
                    0, null, a.createdAt());
        }, "PIN reset");
    }

    /** Sets a new password (and unlocks the account); admins only. */
    public synchronized AccountResult resetPassword(Actor by, String login, String password) {
        return change(by, login, a -> {
            passwordProblem(password).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
            return new AccountRow(a.id(), a.login(), a.name(), a.role(), hasher.hash(password), a.pinHash(), a.enabled(),
                    0, null, a.createdAt());
        }, "password reset");
    }

    private AccountResult change(Actor by, String login, java.util.function.UnaryOperator<AccountRow> how, String what) {
        Optional<String> no = Authorizer.refusal(by, Command.MANAGE_USERS);
        if (no.isPresent()) {
            return AccountResult.refused(no.get());
        }
        try {
            Optional<AccountRow> a = store.byLogin(login == null ? "" : login.strip());
            if (a.isEmpty()) {
                return AccountResult.refused("no user " + login);
            }
            AccountRow changed = how.apply(a.get());
            store.update(changed);
            record(clock.instant(), by, "user.changed", "user:" + changed.id(), Map.of("login", changed.login(),
                    "change", what));
            return AccountResult.done(changed.login() + ": " + what);
        } catch (IllegalArgumentException | StorageException e) {
            return AccountResult.refused(e.getMessage());
        }
    }

    /**
     * Emergency access: anyone may open the station with their name and a reason (at least
     * {@value #MIN_REASON} characters), as a nurse would, logged loudly and kept for the admins to
     * review. Refused only for a missing name or reason.
     */
    @Override
    public synchronized LoginResult breakGlass(String name, String reason) {
        String n = name == null ? "" : name.strip();
        String r = reason == null ? "" : reason.strip();
        if (n.isEmpty()) {
            return LoginResult.refused("emergency access needs your name");
        }
        if (r.length() < MIN_REASON) {
            return LoginResult.refused("emergency access needs a reason of at least " + MIN_REASON + " characters");
        }
        Instant now = clock.instant();
        Actor actor = new Actor("break-glass:" + n, n + " (emergency access)", Role.NURSE, now, "break-glass");
        record(now, actor, "break_glass", "", Map.of("name", n, "reason", r));
        try {
            store.addBreakGlass(now, n, r);
        } catch (StorageException e) {
            // the access is granted whatever the disk says: it is in the audit trail and the log
            log.error("emergency access by {} could not be stored for review: {}", n, e.getMessage());
        }
        log.warn("EMERGENCY ACCESS by {} (the reason is in the audit trail and the review list)", n);
        return LoginResult.ok(actor);
    }

    /** Uses of emergency access not yet reviewed; admins only. */
    public List<BreakGlassUse> breakGlassToReview(Actor by) {
        if (!Authorizer.allows(by, Command.REVIEW_BREAK_GLASS)) {
            return List.of();
        }
        return store.unreviewedBreakGlass();
    }

    /** An admin marks a use of emergency access as reviewed. */
    @Override
    public AccountResult reviewBreakGlass(Actor by, long id) {
        Optional<String> no = Authorizer.refusal(by, Command.REVIEW_BREAK_GLASS);
        if (no.isPresent()) {
            return AccountResult.refused(no.get());
        }
        Instant now = clock.instant();
        store.markReviewed(id, by.name(), now);
        record(now, by, "break_glass.reviewed", "break_glass:" + id, Map.of());
        return AccountResult.done("reviewed");
    }

    private String decoy;

    private String decoy() {
        if (decoy == null) {
            decoy = hasher.hash("no such user");
        }
        return decoy;
    }

    static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            return Optional.of("the password needs at least " + MIN_PASSWORD + " characters");
        }
        return Optional.empty();
    }

    static Optional<String> pinProblem(String pin) {
        if (pin == null || pin.length() < MIN_PIN || pin.length() > MAX_PIN) {
            return Optional.of("the quick PIN needs " + MIN_PIN + " to " + MAX_PIN + " characters");
        }
        if (pin.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("the quick PIN must not contain spaces");
        }
        return Optional.empty();
    }

    private void record(Instant at, Actor actor, String action, String target, Map<String, String> detail) {
        try {
            audit.record(new AuditEntry(at, actor, action, target, detail));
        } catch (RuntimeException e) {
            log.error("audit trail refused {} by {}", action, actor.name(), e);
        }
    }

    private static String words(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        return s < 120 ? s + " s" : ((s + 59) / 60) + " min";
    }
}
