package org.vigil.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;
import org.vigil.domain.Reading;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import org.vigil.domain.Vital;
import org.vigil.session.DoseCalculation;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.SessionRules;
import org.vigil.storage.EndReason;
import org.vigil.storage.NewSession;
import org.vigil.storage.SessionDevice;
import org.vigil.storage.SessionEvent;
import org.vigil.storage.VigilDatabase;

/**
 * Past sessions with known content for the review tests. {@link #session} writes one clinical
 * session of {@code minutes} minutes: HR 70, SpO2 97 and RR 14 every second, except a single
 * SpO2 sample of {@link #SPIKE_SPO2} at {@link #spikeAt} and an HR of {@link #SPIKE_HR} one
 * second later; a cuff every 5 minutes (sys 120 + minute/2, dia 75); phases baseline (check-in),
 * infusion (+10 min), recovery (+10 min + infusion), discharged (the end); a clinical event
 * (nausea) corrected once; a note; one high-priority SpO2 alarm of 3 s at the spike; the session
 * ended closed.
 */
public final class ArchiveFixture {

    public static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    public static final double SPIKE_SPO2 = 71;
    public static final double SPIKE_HR = 181;
    public static final int INFUSION_MIN = 40;

    private ArchiveFixture() {
    }

    public static VigilDatabase open(Path dir) {
        return VigilDatabase.open(dir.resolve("review.db"));
    }

    public static Patient patient(VigilDatabase db, String mrn, String name) {
        return db.sessions().patients().byMrn(mrn).orElseGet(() -> db.sessions().patients().create(
                new Patient(0, mrn, name, LocalDate.of(1980, 5, 1), 70.0, "")));
    }

    /** When the single-sample spike of session starting at {@code start} happens. */
    public static Instant spikeAt(Instant start, int minutes) {
        return start.plusSeconds(minutes * 60L * 2 / 3 + 17);
    }

    public static Instant infusionStart(Instant start) {
        return start.plus(Duration.ofMinutes(10));
    }

    /** Writes one session (see the class comment); returns its id. */
    public static long session(VigilDatabase db, Patient p, String chair, Instant start, int minutes) {
        InfusionOrder order = new InfusionOrder(70, 0.5, 1, INFUSION_MIN, "Dr. Test");
        long id = db.sessions().startSession(new NewSession(chair, start, "test", true, List.of(
                new SessionDevice("mon", "Monitor", "ivy", "/dev/null"))).withClinical(p,
                DoseCalculation.of(order, SessionRules.DEFAULTS), start));
        Instant end = start.plus(Duration.ofMinutes(minutes));
        Instant inf = infusionStart(start);
        Instant stop = inf.plus(Duration.ofMinutes(INFUSION_MIN));
        Instant spike = spikeAt(start, minutes);
        List<Reading> rows = new ArrayList<>();
        for (long s = 0; s < minutes * 60L; s++) {
            Instant t = start.plusSeconds(s);
            rows.add(new Reading(t, "mon", Vital.HR, t.equals(spike.plusSeconds(1)) ? SPIKE_HR : 70, Set.of()));
            rows.add(new Reading(t, "mon", Vital.SPO2, t.equals(spike) ? SPIKE_SPO2 : 97, Set.of()));
            rows.add(new Reading(t, "mon", Vital.RR, 14, Set.of()));
            if (s % 300 == 150) {
                rows.add(new Reading(t, "mon", Vital.NIBP_SYS, 120 + s / 120.0, Set.of()));
                rows.add(new Reading(t, "mon", Vital.NIBP_DIA, 75, Set.of()));
                rows.add(new Reading(t, "mon", Vital.NIBP_MEAN, 90, Set.of()));
            }
        }
        db.bulk().readings(id, rows.iterator());
        List<RecordedEvent> ev = new ArrayList<>();
        long[] seq = {0};
        java.util.function.BiFunction<Instant, Object[], RecordedEvent> e = (t, a) -> {
            Map<String, String> d = new LinkedHashMap<>();
            for (int i = 1; i < a.length; i += 2) {
                d.put((String) a[i], (String) a[i + 1]);
            }
            return new RecordedEvent(t, (SessionEventType) a[0], d, "nurse", t, ++seq[0], 0);
        };
        ev.add(e.apply(start, new Object[] {SessionEventType.CHECK_IN, "mrn", p.mrn()}));
        ev.add(e.apply(start, new Object[] {SessionEventType.PHASE, "phase", "baseline"}));
        ev.add(e.apply(start.plusSeconds(300), new Object[] {SessionEventType.BASELINE, "nibp", "121/76", "hr", "70",
            "spo2", "97", "source", "cuff"}));
        ev.add(e.apply(inf, new Object[] {SessionEventType.INFUSION, "action", "start", "rate_ml_h", "52.5"}));
        ev.add(e.apply(inf, new Object[] {SessionEventType.PHASE, "phase", "infusion"}));
        RecordedEvent nausea = e.apply(inf.plus(Duration.ofMinutes(15)), new Object[] {SessionEventType.EVENT, "kind",
            "nausea", "detail", "mild"});
        ev.add(nausea);
        ev.add(e.apply(inf.plus(Duration.ofMinutes(20)), new Object[] {SessionEventType.NOTE, "text", "calm"}));
        ev.add(new RecordedEvent(nausea.time(), SessionEventType.CORRECTION, Map.of("corrects", Long.toString(nausea.seq()),
                "reason", "wrong severity", "detail", "moderate"), "nurse", nausea.time().plusSeconds(600), ++seq[0],
                nausea.seq()));
        ev.add(e.apply(stop, new Object[] {SessionEventType.INFUSION, "action", "stop"}));
        ev.add(e.apply(stop, new Object[] {SessionEventType.PHASE, "phase", "recovery"}));
        ev.add(e.apply(end, new Object[] {SessionEventType.DISCHARGED, "by", "nurse"}));
        ev.add(e.apply(end, new Object[] {SessionEventType.PHASE, "phase", "discharged"}));
        ev.sort(java.util.Comparator.comparing(RecordedEvent::time));
        db.bulk().sessionEvents(id, ev.stream().map(SessionEvent::from).iterator());
        db.bulk().alarmEvents(id, List.of(
                new AlarmEvent(spike, AlarmEventType.RAISED, "spo2.low", Priority.HIGH, AlarmKind.PHYSIOLOGICAL, "spo2",
                        SPIKE_SPO2, 90.0, "SpO2 71 ≤ 90", null),
                new AlarmEvent(spike.plusSeconds(3), AlarmEventType.ENDED, "spo2.low", Priority.HIGH,
                        AlarmKind.PHYSIOLOGICAL, "spo2", null, null, null, null)).iterator());
        db.sessions().endSession(id, end, EndReason.CLOSED);
        return id;
    }
}
