package org.vigil.security;

import org.vigil.domain.Actor;

/**
 * What the screens need of the accounts: logging in (password or quick PIN), emergency access, the
 * first admin on a new station, and saying when someone logged out or the screen locked. Every
 * call may block on the disk and the password hash (a fraction of a second).
 */
public interface SignIn {

    /** True while no account exists: the station asks for the first admin. */
    boolean firstRun();

    LoginResult logIn(String login, String secret);

    LoginResult breakGlass(String name, String reason);

    AccountResult createFirstAdmin(String login, String name, String password, String pin);

    void loggedOut(Actor actor, String why);

    /** No accounts on this station (the database cannot be used): every login is refused with {@code why}. */
    static SignIn unavailable(String why) {
        return new SignIn() {
            @Override
            public boolean firstRun() {
                return false;
            }

            @Override
            public LoginResult logIn(String login, String secret) {
                return LoginResult.refused(why);
            }

            @Override
            public LoginResult breakGlass(String name, String reason) {
                return LoginResult.refused(why);
            }

            @Override
            public AccountResult createFirstAdmin(String login, String name, String password, String pin) {
                return AccountResult.refused(why);
            }

            @Override
            public void loggedOut(Actor actor, String reason) {
            }
        };
    }
}
