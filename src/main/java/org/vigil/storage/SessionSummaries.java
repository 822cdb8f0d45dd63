package org.vigil.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The session list's summary columns ({@code session.sum_*}, schema step 4): written once when a
 * session ends (in the same transaction as its end), back-filled by step 4 for sessions that had
 * ended before it, and computed on the fly by the list query for a session still open. The list
 * then reads one row per session instead of every reading.
 *
 * <p>Peak systolic and lowest SpO2 count only readings with a value and no flag (artifacts and
 * invalid data are left out, as on the chair screen); alarms count {@code raised} rows by priority.
 */
final class SessionSummaries {

    /** The summary figures of session {@code s} as SQL expressions (s is the session row's alias). */
    static final String PEAK_SYS = "(SELECT max(r.value) FROM reading r WHERE r.session_id = s.id"
            + " AND r.vital = 'nibp_sys' AND r.value IS NOT NULL AND r.flags = '')";
    static final String MIN_SPO2 = "(SELECT min(r.value) FROM reading r WHERE r.session_id = s.id"
            + " AND r.vital = 'spo2' AND r.value IS NOT NULL AND r.flags = '')";

    static String alarms(String priority) {
        return "(SELECT count(*) FROM alarm_event a WHERE a.session_id = s.id AND a.event = 'raised'"
                + " AND a.priority = '" + priority + "')";
    }

    /** Fills the summary of every session matching {@code where} (SQL over alias s). */
    static String fill(String where) {
        return "UPDATE session AS s SET sum_peak_sys = " + PEAK_SYS + ", sum_min_spo2 = " + MIN_SPO2
                + ", sum_alarms_high = " + alarms("high") + ", sum_alarms_medium = " + alarms("medium")
                + ", sum_alarms_low = " + alarms("low") + ", sum_done = 1 WHERE " + where;
    }

    private SessionSummaries() {
    }

    /** Writes the summary of one session (call inside the transaction that ends it). */
    static void write(Connection c, long sessionId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(fill("s.id = ?"))) {
            p.setLong(1, sessionId);
            p.executeUpdate();
        }
    }
}
