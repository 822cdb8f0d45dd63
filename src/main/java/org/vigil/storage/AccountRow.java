package org.vigil.storage;

import java.time.Instant;
import java.util.Objects;
import org.vigil.domain.Role;

/**
 * One user account as stored ({@code user_account}, schema step 6): hashes only, never a secret.
 *
 * @param id             the account's unique id (never reused)
 * @param login          what the user types to log in (unique, case-insensitive)
 * @param lockedUntil    until when logging in is refused after repeated failures, or null
 */
public record AccountRow(long id, String login, String name, Role role, String passwordHash, String pinHash,
        boolean enabled, int failedAttempts, Instant lockedUntil, Instant createdAt) {

    public AccountRow {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** The same account with other lockout state. */
    public AccountRow withFailures(int failures, Instant until) {
        return new AccountRow(id, login, name, role, passwordHash, pinHash, enabled, failures, until, createdAt);
    }
}
