package org.vigil.app;

import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.domain.Actor;
import org.vigil.security.AccountResult;
import org.vigil.security.Accounts;
import org.vigil.security.LoginResult;
import org.vigil.security.SignIn;

/**
 * The station's accounts as the window sees them: each call goes to the accounts the station has
 * at that moment, so a session database that opens after the window did is used; until then a
 * login is refused with the reason (alarms are handled at the lock screen without one).
 */
final class StationSignIn implements SignIn, org.vigil.security.UserAdmin {

    static final String UNAVAILABLE = "logins are unavailable now (the session database cannot be used);"
            + " alarms can still be acknowledged and paused";

    private final Supplier<Optional<Accounts>> current;
    private final org.vigil.domain.AuditSink audit;
    private final java.time.InstantSource clock;

    StationSignIn(Supplier<Optional<Accounts>> current, org.vigil.domain.AuditSink audit, java.time.InstantSource clock) {
        this.current = current;
        this.audit = audit;
        this.clock = clock;
    }

    private SignIn now() {
        return current.get().<SignIn>map(a -> a).orElse(SignIn.unavailable(UNAVAILABLE));
    }

    @Override
    public boolean firstRun() {
        return now().firstRun();
    }

    @Override
    public LoginResult logIn(String login, String secret) {
        return now().logIn(login, secret);
    }

    @Override
    public LoginResult breakGlass(String name, String reason) {
        Optional<Accounts> a = current.get();
        if (a.isPresent()) {
            return a.get().breakGlass(name, reason);
        }
        // emergency access never depends on the database: granted, audited, and in the log
        String n = name == null ? "" : name.strip();
        String r = reason == null ? "" : reason.strip();
        if (n.isEmpty() || r.length() < Accounts.MIN_REASON) {
            return new LoginResult(null, "emergency access needs your name and a reason of at least "
                    + Accounts.MIN_REASON + " characters", null);
        }
        java.time.Instant now = clock.instant();
        Actor actor = new Actor("break-glass:" + n, n + " (emergency access)", org.vigil.domain.Role.NURSE, now,
                "break-glass");
        audit.record(new org.vigil.domain.AuditEntry(now, actor, "break_glass", "",
                java.util.Map.of("name", n, "reason", r, "accounts", "unavailable")));
        org.slf4j.LoggerFactory.getLogger(StationSignIn.class).warn("EMERGENCY ACCESS by {} (accounts unavailable; the reason is in the audit trail)", n);
        return new LoginResult(actor, null, null);
    }

    @Override
    public AccountResult createFirstAdmin(String login, String name, String password, String pin) {
        return now().createFirstAdmin(login, name, password, pin);
    }

    @Override
    public void loggedOut(Actor actor, String why) {
        now().loggedOut(actor, why);
    }

    private <T> T withAccounts(java.util.function.Function<Accounts, T> f, T without) {
        return current.get().map(f).orElse(without);
    }

    private static AccountResult unavailable() {
        return new AccountResult(false, UNAVAILABLE);
    }

    @Override
    public java.util.List<UserSummary> users(Actor by) {
        return withAccounts(a -> a.users(by), java.util.List.of());
    }

    @Override
    public AccountResult add(Actor by, String login, String name, org.vigil.domain.Role role, String password, String pin) {
        return withAccounts(a -> a.add(by, login, name, role, password, pin), unavailable());
    }

    @Override
    public AccountResult setEnabled(Actor by, String login, boolean enabled) {
        return withAccounts(a -> a.setEnabled(by, login, enabled), unavailable());
    }

    @Override
    public AccountResult setRole(Actor by, String login, org.vigil.domain.Role role) {
        return withAccounts(a -> a.setRole(by, login, role), unavailable());
    }

    @Override
    public AccountResult resetPin(Actor by, String login, String pin) {
        return withAccounts(a -> a.resetPin(by, login, pin), unavailable());
    }

    @Override
    public java.util.List<EmergencyUse> emergencyUses(Actor by) {
        return withAccounts(a -> a.emergencyUses(by), java.util.List.of());
    }

    @Override
    public AccountResult reviewBreakGlass(Actor by, long id) {
        return withAccounts(a -> a.reviewBreakGlass(by, id), unavailable());
    }
}
