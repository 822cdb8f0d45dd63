package org.vigil.security;

/** What became of a change to the accounts: done, or refused with the reason in words for the screen. */
public record AccountResult(boolean done, String message) {

    static AccountResult done(String message) {
        return new AccountResult(true, message);
    }

    static AccountResult refused(String why) {
        return new AccountResult(false, why);
    }
}
