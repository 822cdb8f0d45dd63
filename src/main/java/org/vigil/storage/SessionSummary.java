package org.vigil.storage;

import java.time.Instant;

/**
 * One line of the session list.
 *
 * @param end          null while the session runs
 * @param endReason    null while the session runs
 * @param readingCount stored readings (absent values included)
 * @param alarmCount   alarms raised (alarm log rows with event {@code raised})
 */
public record SessionSummary(long id, String chairId, Instant start, Instant end, EndReason endReason,
        boolean simulated, long readingCount, long alarmCount) {

    public boolean isOpen() {
        return end == null;
    }
}
