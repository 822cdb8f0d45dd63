package org.vigil.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Who acts: travels with every command that changes something and with every read that the
 * audit trail records (design.md §3). {@code userId} is the account's unique id; {@code name}
 * is what screens, logs and exports show; {@code authenticatedAt} is when this person last
 * proved who they are (null for the station itself).
 *
 * @param how how the person is here: {@code "login"}, {@code "pin"}, {@code "lock-screen"}
 *            (anyone at the bedside, for acknowledge and pause audio only), {@code "break-glass"},
 *            or {@code "system"}
 */
public record Actor(String userId, String name, Role role, Instant authenticatedAt, String how) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(how, "how");
    }

    /** The station itself (recovery, records written without a person). */
    public static final Actor SYSTEM = new Actor("system", "station", Role.SYSTEM, null, "system");

    /** Someone at the bedside while the screen is locked: may acknowledge and pause audio only. */
    public static Actor atLockScreen(Instant at) {
        return new Actor("lock-screen", "at the lock screen", Role.NURSE, at, "lock-screen");
    }

    /** The name written beside an action (logs, exports, the session's events). */
    @Override
    public String toString() {
        return name;
    }
}
