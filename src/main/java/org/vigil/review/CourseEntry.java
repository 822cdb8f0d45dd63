package org.vigil.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.Priority;
import org.vigil.domain.SessionEventType;
import org.vigil.domain.Vital;
import org.vigil.session.CuffReading;

/**
 * One session of a patient's course, as the course view lists it: the date, the dose, the
 * baseline, the peak systolic, diastolic and heart rate with when they happened (minutes since
 * the infusion start), the lowest SpO2, the alarms by priority, the adverse events (clinical
 * events, corrections applied) and when the patient was discharged.
 *
 * @param peakSysAtMin minutes since the infusion start (since the session start without one); NaN without a value
 */
public record CourseEntry(SessionHeader header, double peakSys, double peakSysAtMin, double peakDia,
        double peakDiaAtMin, double peakHr, double peakHrAtMin, double minSpo2, int alarmsHigh, int alarmsMedium,
        int alarmsLow, List<String> adverseEvents) {

    public CourseEntry {
        adverseEvents = List.copyOf(adverseEvents);
    }

    /** Reads one session's entry (cuffs, heart rate and SpO2 streamed once; the alarm log; the events). */
    public static CourseEntry of(SessionArchive archive, SessionHeader h) {
        long id = h.id();
        Instant ref = h.reference();
        double sys = Double.NaN;
        double sysAt = Double.NaN;
        double dia = Double.NaN;
        double diaAt = Double.NaN;
        for (CuffReading c : archive.cuffs(id)) {
            if (Double.isNaN(sys) || c.sys() > sys) {
                sys = c.sys();
                sysAt = minutes(ref, c.time());
            }
            if (Double.isNaN(dia) || c.dia() > dia) {
                dia = c.dia();
                diaAt = minutes(ref, c.time());
            }
        }
        double[] hr = {Double.NaN, Double.NaN};
        double[] spo2 = {Double.NaN};
        Instant end = h.end() == null ? Instant.now() : h.end().plusMillis(1);
        archive.forEachReading(id, h.start(), end, Set.of(Vital.HR, Vital.SPO2), r -> {
            if (!r.isValid()) {
                return;
            }
            if (r.vital() == Vital.HR && (Double.isNaN(hr[0]) || r.value() > hr[0])) {
                hr[0] = r.value();
                hr[1] = minutes(ref, r.time());
            } else if (r.vital() == Vital.SPO2 && (Double.isNaN(spo2[0]) || r.value() < spo2[0])) {
                spo2[0] = r.value();
            }
        });
        int[] alarms = new int[Priority.values().length];
        for (AlarmEvent e : archive.alarmLog(id)) {
            if (e.type() == AlarmEventType.RAISED) {
                alarms[e.priority().ordinal()]++;
            }
        }
        List<String> adverse = new ArrayList<>();
        for (ArchivedEvent e : archive.events(id)) {
            if (e.event().type() == SessionEventType.EVENT) {
                String kind = e.effectiveDetail().getOrDefault("kind", "event");
                String detail = e.effectiveDetail().getOrDefault("detail", "");
                adverse.add(kind + (detail.isBlank() ? "" : " (" + detail + ")"));
            }
        }
        return new CourseEntry(h, sys, sysAt, dia, diaAt, hr[0], hr[1], spo2[0], alarms[Priority.HIGH.ordinal()],
                alarms[Priority.MEDIUM.ordinal()], alarms[Priority.LOW.ordinal()], adverse);
    }

    private static double minutes(Instant ref, Instant t) {
        return Duration.between(ref, t).toMillis() / 60_000.0;
    }
}
