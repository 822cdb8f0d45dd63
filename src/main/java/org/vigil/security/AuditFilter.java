package org.vigil.security;

import java.time.Instant;

/**
 * What an auditor asks of the trail: a user (id, or part of the name), an action prefix
 * ({@code login} matches {@code login.failed}), a time range {@code [from, to)}; blank or null
 * means any. At most {@code limit} rows, oldest first.
 */
public record AuditFilter(String user, String action, Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 10_000;
    public static final AuditFilter ALL = new AuditFilter("", "", null, null, DEFAULT_LIMIT);

    public AuditFilter {
        user = user == null ? "" : user;
        action = action == null ? "" : action;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
