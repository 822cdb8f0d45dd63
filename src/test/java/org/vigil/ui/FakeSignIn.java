package org.vigil.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigil.domain.Actor;
import org.vigil.domain.Role;
import org.vigil.security.Accounts;
import org.vigil.security.AccountResult;
import org.vigil.security.LoginResult;
import org.vigil.security.SignIn;

/**
 * Accounts for screen tests, without a database: {@code carol} is an admin (quick PIN
 * {@value #ADMIN_PIN}), {@code ana} a nurse (password {@value #NURSE_PASSWORD}). Lockout and hashing
 * are the real accounts' business (AccountsTest); this only answers.
 */
final class FakeSignIn implements SignIn {

    static final String ADMIN_PIN = "4321";
    static final String NURSE_PASSWORD = "correct horse";

    final List<String> loggedOut = new CopyOnWriteArrayList<>();
    volatile boolean firstRun;

    @Override
    public boolean firstRun() {
        return firstRun;
    }

    @Override
    public LoginResult logIn(String login, String secret) {
        if ("carol".equals(login) && ADMIN_PIN.equals(secret)) {
            return new LoginResult(new Actor("user:1", "carol", Role.ADMIN, null, "pin"), null, null);
        }
        if ("ana".equals(login) && NURSE_PASSWORD.equals(secret)) {
            return new LoginResult(new Actor("user:2", "Ana", Role.NURSE, null, "login"), null, null);
        }
        return new LoginResult(null, "wrong user name, password or PIN", null);
    }

    @Override
    public LoginResult breakGlass(String name, String reason) {
        if (name == null || name.isBlank() || reason == null || reason.strip().length() < Accounts.MIN_REASON) {
            return new LoginResult(null, "emergency access needs your name and a reason", null);
        }
        return new LoginResult(new Actor("break-glass:" + name, name + " (emergency access)", Role.NURSE, null,
                "break-glass"), null, null);
    }

    @Override
    public AccountResult createFirstAdmin(String login, String name, String password, String pin) {
        firstRun = false;
        return new AccountResult(true, "added");
    }

    @Override
    public void loggedOut(Actor actor, String why) {
        loggedOut.add(actor.name() + " " + why);
    }
}
