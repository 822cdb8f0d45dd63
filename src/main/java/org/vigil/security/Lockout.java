package org.vigil.security;

import java.time.Duration;
import java.time.Instant;

/**
 * Lockout with backoff after repeated failed logins: the first {@value #FREE_FAILURES} failures in
 * a row cost nothing; the {@value #FREE_FAILURES}th locks the account for {@link #FIRST_LOCK}, and
 * each further failure after a lock doubles it, up to {@link #LONGEST_LOCK}. A successful login
 * resets the count. Pure: the caller gives the time.
 */
public final class Lockout {

    public static final int FREE_FAILURES = 5;
    public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    public static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

    private Lockout() {
    }

    /** Until when an account is locked after {@code failures} failures in a row, the last at {@code now}; null when not locked. */
    public static Instant lockedUntil(int failures, Instant now) {
        if (failures < FREE_FAILURES) {
            return null;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration d = FIRST_LOCK.multipliedBy(1L << doublings);
        return now.plus(d.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : d);
    }
}
