package org.vigil.review;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of the session list.
 *
 * @param end             null while the session runs
 * @param endedAbnormally ended by a crash, power loss or lost rows (false while it runs)
 * @param patientId       0 for a chair's record between patients
 * @param patientName     null without a patient
 * @param phase           the last phase reached (key), null without a patient
 * @param doseMgPerKg     null without a patient
 * @param totalMg         null without a patient
 * @param peakSys         highest valid systolic, mmHg; null when none was measured
 * @param minSpo2         lowest valid SpO2, %; null when none was measured
 */
public record SessionRow(long id, String chairId, Instant start, Instant end, boolean endedAbnormally,
        boolean simulated, long patientId, String patientName, String mrn, String phase, Double doseMgPerKg,
        Double totalMg, Double peakSys, Double minSpo2, int alarmsHigh, int alarmsMedium, int alarmsLow) {

    /** How long it ran (until {@code now} for a session still open). */
    public Duration duration(Instant now) {
        return Duration.between(start, end == null ? now : end);
    }

    public boolean isOpen() {
        return end == null;
    }
}
