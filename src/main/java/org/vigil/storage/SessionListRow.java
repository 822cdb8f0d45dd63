package org.vigil.storage;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of the review's session list.
 *
 * @param end        null while the session runs
 * @param endReason  null while the session runs
 * @param patientId  0 for a record without a patient (a chair between patients)
 * @param patientName null without a patient
 * @param phase      the last phase reached (key), null without a patient
 * @param doseMgPerKg null without a patient
 * @param totalMg    null without a patient
 * @param peakSys    highest valid systolic, mmHg; null when none was measured
 * @param minSpo2    lowest valid SpO2, %; null when none was measured
 */
public record SessionListRow(long id, String chairId, Instant start, Instant end, EndReason endReason,
        boolean simulated, long patientId, String patientName, String mrn, String phase, Double doseMgPerKg,
        Double totalMg, Double peakSys, Double minSpo2, int alarmsHigh, int alarmsMedium, int alarmsLow) {

    /** How long it ran (until {@code now} for a session still open). */
    public Duration duration(Instant now) {
        return Duration.between(start, end == null ? now : end);
    }

    public boolean endedAbnormally() {
        return endReason == EndReason.ENDED_ABNORMALLY;
    }
}
