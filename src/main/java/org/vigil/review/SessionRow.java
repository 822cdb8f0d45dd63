package org.vigil.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

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

    // equals and hashCode written out: a record's generated ones are linked at their first call, which
    // took about 0.1 s of a Review click (the list compares each page with the rows it shows)

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SessionRow r && id == r.id && endedAbnormally == r.endedAbnormally
                && simulated == r.simulated && patientId == r.patientId && alarmsHigh == r.alarmsHigh
                && alarmsMedium == r.alarmsMedium && alarmsLow == r.alarmsLow && Objects.equals(chairId, r.chairId)
                && Objects.equals(start, r.start) && Objects.equals(end, r.end)
                && Objects.equals(patientName, r.patientName) && Objects.equals(mrn, r.mrn)
                && Objects.equals(phase, r.phase) && Objects.equals(doseMgPerKg, r.doseMgPerKg)
                && Objects.equals(totalMg, r.totalMg) && Objects.equals(peakSys, r.peakSys)
                && Objects.equals(minSpo2, r.minSpo2);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, chairId, start, end, endedAbnormally, simulated, patientId, patientName, mrn, phase,
                doseMgPerKg, totalMg, peakSys, minSpo2, alarmsHigh, alarmsMedium, alarmsLow);
    }
}
