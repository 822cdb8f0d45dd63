package org.vigil.export;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import org.vigil.domain.Vital;
import org.vigil.session.DoseCalculation;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.SessionRules;
import org.vigil.storage.NewSession;
import org.vigil.storage.RecordingWriter;
import org.vigil.storage.SessionDevice;
import org.vigil.storage.SessionEvent;
import org.vigil.storage.VigilDatabase;
import org.vigil.storage.WriterListener;

/**
 * A seeded, generated clinical session for golden files, the command-line tests and the export
 * benchmark: HR, PR, SpO2 and RR every second, a cuff every 5 minutes, a desaturation with a
 * medium alarm acknowledged by the nurse (at 40 % of the session), a technical alarm (at 70 %),
 * phases, infusion start and stop, scores, a note, a limit change and a discharge; the monitor
 * tells its identity (model, serial, software, EUI-64) and the oximeter its serial, which changes
 * when its probe is swapped after the technical alarm. The same seed
 * gives the same session, pass after pass; readings are computed as they stream, never held.
 */
public final class GeneratedSession {

    public static final Patient PATIENT = new Patient(0, "MRN-0042", "Doe, Jane", LocalDate.of(1980, 4, 12), 70.0, "");
    public static final InfusionOrder ORDER = new InfusionOrder(70, 0.5, 10, 40, "Dr. Rivera");
    public static final String NURSE = "nurse.kim";
    static final String MONITOR = "monitor";
    static final String OXIMETER = "oximeter";

    private final long seed;
    private final Instant start;
    private final Duration length;
    private final long step;

    /** HR, PR and SpO2 every second. */
    public GeneratedSession(long seed, Instant start, Duration length) {
        this(seed, start, length, Duration.ofSeconds(1));
    }

    /** HR, PR and SpO2 every {@code step}, RR every fifth step, a cuff every 5 minutes (small golden files). */
    public GeneratedSession(long seed, Instant start, Duration length, Duration step) {
        this.seed = seed;
        this.start = start;
        this.length = length;
        this.step = Math.max(1, step.toSeconds());
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return start.plus(length);
    }

    private Instant at(double fraction) {
        return start.plusSeconds((long) (length.toSeconds() * fraction));
    }

    /** The session as an export reads it, with {@code id} as its session number. */
    public SessionLog log(long id, ZoneId zone) {
        DoseCalculation d = DoseCalculation.of(ORDER, SessionRules.DEFAULTS);
        return new SessionLog(id, "chair1", start, end(), "closed", "1.0-test", false, zone,
                new SessionLog.PatientPart(PATIENT.mrn(), PATIENT.name(), PATIENT.birthDate(), ORDER.weightKg()),
                new SessionLog.OrderPart(ORDER.weightKg(), ORDER.doseMgPerKg(), ORDER.concentrationMgPerMl(),
                        ORDER.durationMin(), ORDER.prescriber(), d.totalMg(), d.volumeMl(), d.rateMlPerH()),
                devices().stream().map(x -> new SessionLog.DevicePart(x.deviceId(), x.label(), x.protocol(), x.endpoint(),
                        identities().stream().filter(c -> c.deviceId().equals(x.deviceId())).toList()))
                        .toList(), events(), alarms(), this::readings, false);
    }

    static List<SessionDevice> devices() {
        return List.of(new SessionDevice(MONITOR, "Bedside monitor", "intellivue", "/dev/ttyUSB0"),
                new SessionDevice(OXIMETER, "Pulse oximeter", "masimo", "/dev/ttyUSB1"));
    }

    /**
     * What the devices told about themselves, in time order: the monitor its MDS identity at the
     * start, the oximeter its serial at the start and another one once its probe was swapped (when
     * the technical alarm ends).
     */
    public List<DeviceIdentityChange> identities() {
        return List.of(
                new DeviceIdentityChange(MONITOR, start, new DeviceIdentity("Philips", "866062", "DE4200A042", "M.00.03",
                        "0009FBFFFF0042A1")),
                new DeviceIdentityChange(OXIMETER, start, DeviceIdentity.serialOnly("0000056661")),
                new DeviceIdentityChange(OXIMETER, at(0.7).plusSeconds(12), DeviceIdentity.serialOnly("0000071234")));
    }

    /** The typed events, in time order. */
    public List<RecordedEvent> events() {
        DoseCalculation d = DoseCalculation.of(ORDER, SessionRules.DEFAULTS);
        List<RecordedEvent> e = new ArrayList<>();
        long[] seq = {0};
        Adder add = (t, type, detail, user) -> e.add(new RecordedEvent(t, type, detail, user, t, ++seq[0], 0));
        Map<String, String> in = new LinkedHashMap<>();
        in.put("mrn", PATIENT.mrn());
        in.put("weight_kg", "70");
        add.add(start, SessionEventType.CHECK_IN, in, NURSE);
        Map<String, String> dose = new LinkedHashMap<>();
        dose.put("total_mg", DoseCalculation.number(d.totalMg()));
        dose.put("volume_ml", DoseCalculation.number(d.volumeMl()));
        dose.put("rate_ml_h", DoseCalculation.number(d.rateMlPerH()));
        dose.put("dose_mg_kg", "0.5");
        dose.put("weight_kg", "70");
        dose.put("concentration_mg_ml", "10");
        dose.put("duration_min", "40");
        dose.put("prescriber", ORDER.prescriber());
        add.add(start, SessionEventType.DOSE, dose, NURSE);
        add.add(start, SessionEventType.PHASE, map("phase", "baseline"), null);
        add.add(at(0.08), SessionEventType.BASELINE, map("nibp", "122/78", "hr", "72"), NURSE);
        add.add(at(0.1), SessionEventType.PHASE, map("phase", "infusion"), null);
        add.add(at(0.1), SessionEventType.INFUSION, map("action", "start", "rate_ml_h", DoseCalculation.number(d.rateMlPerH())), NURSE);
        add.add(at(0.3), SessionEventType.SCORE, map("sedation", "2", "dissociation", "3"), NURSE);
        add.add(at(0.35), SessionEventType.LIMIT_CHANGED, map("alarm", "spo2.low", "old", "90", "new", "88", "scope", "chair"), NURSE);
        add.add(at(0.4) .plusSeconds(30), SessionEventType.AUDIO_PAUSED, map("until", at(0.4).plusSeconds(150).toString()), NURSE);
        add.add(at(0.45), SessionEventType.NOTE, map("text", "Patient calm, says \"floaty\", eyes closed"), NURSE);
        add.add(at(0.5), SessionEventType.INFUSION, map("action", "stop"), NURSE);
        add.add(at(0.5), SessionEventType.PHASE, map("phase", "recovery"), null);
        add.add(at(0.9), SessionEventType.SCORE, map("aldrete", "10"), NURSE);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("by", NURSE);
        out.put("escort", "yes");
        out.put("monitoring_min", Long.toString(length.minusMinutes(1).toMinutes()));
        add.add(end().minusSeconds(60), SessionEventType.DISCHARGED, out, NURSE);
        add.add(end().minusSeconds(60), SessionEventType.PHASE, map("phase", "discharged"), null);
        return e;
    }

    /** An ordered detail map (Map.of has no stable order from one run to the next). */
    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private interface Adder {
        void add(Instant t, SessionEventType type, Map<String, String> detail, String user);
    }

    /** The alarm log, in time order. */
    public List<AlarmEvent> alarms() {
        Instant desat = at(0.4).plusSeconds(20);
        Instant tech = at(0.7);
        String id = "spo2.low";
        List<AlarmEvent> a = new ArrayList<>();
        a.add(new AlarmEvent(desat, AlarmEventType.RAISED, id, Priority.MEDIUM, AlarmKind.PHYSIOLOGICAL, "spo2", 86.0, 88.0,
                "SpO2 86 < 88", null));
        a.add(new AlarmEvent(desat.plusSeconds(20), AlarmEventType.ACKNOWLEDGED, id, Priority.MEDIUM, AlarmKind.PHYSIOLOGICAL,
                "spo2", null, null, "SpO2 86 < 88", NURSE));
        a.add(new AlarmEvent(desat.plusSeconds(40), AlarmEventType.ENDED, id, Priority.MEDIUM, AlarmKind.PHYSIOLOGICAL, "spo2",
                null, null, "SpO2 86 < 88", null));
        a.add(new AlarmEvent(desat.plusSeconds(40), AlarmEventType.CLEARED, id, Priority.MEDIUM, AlarmKind.PHYSIOLOGICAL,
                "spo2", null, null, "SpO2 86 < 88", null));
        String t = "oximeter.no_data";
        a.add(new AlarmEvent(tech, AlarmEventType.RAISED, t, Priority.LOW, AlarmKind.TECHNICAL, OXIMETER, null, null,
                "Pulse oximeter: no data", null));
        a.add(new AlarmEvent(tech.plusSeconds(12), AlarmEventType.ENDED, t, Priority.LOW, AlarmKind.TECHNICAL, OXIMETER, null,
                null, "Pulse oximeter: no data", null));
        a.add(new AlarmEvent(tech.plusSeconds(12), AlarmEventType.CLEARED, t, Priority.LOW, AlarmKind.TECHNICAL, OXIMETER,
                null, null, "Pulse oximeter: no data", null));
        return a;
    }

    /** Streams the readings, oldest first; the same every pass. */
    public void readings(SessionLog.ReadingSink sink) throws java.io.IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        long secs = length.toSeconds();
        long desatFrom = (long) (secs * 0.4);
        long techFrom = (long) (secs * 0.7);
        for (long s = 0; s < secs; s++) {
            if (s % step != 0 && s % 300 != 120) {
                continue;
            }
            Instant t = start.plusSeconds(s);
            if (s % step != 0) {
                cuff(sink, rnd, t, Math.sin(s / 600.0));
                continue;
            }
            double wave = Math.sin(s / 600.0);
            double hr = Math.round(74 + 8 * wave + rnd.nextInt(-2, 3));
            sink.accept(new Reading(t, MONITOR, Vital.HR, hr, Set.of()));
            boolean noData = s >= techFrom && s < techFrom + Math.max(12, step);
            if (!noData) {
                double spo2 = s >= desatFrom && s < desatFrom + Math.max(60, step) ? 86 : Math.min(100, 97 + rnd.nextInt(0, 3));
                Set<ReadingFlag> f = (s / step) % 97 == 13 ? EnumSet.of(ReadingFlag.QUESTIONABLE) : Set.of();
                sink.accept(new Reading(t, OXIMETER, Vital.PR, hr + rnd.nextInt(-1, 2), f));
                sink.accept(new Reading(t, OXIMETER, Vital.SPO2, spo2, f));
            } else {
                sink.accept(new Reading(t, OXIMETER, Vital.SPO2, Double.NaN, EnumSet.of(ReadingFlag.SENSOR_OFF)));
            }
            if (s / step % 5 == 0) {
                sink.accept(new Reading(t, MONITOR, Vital.RR, 14 + rnd.nextInt(-2, 3), Set.of()));
            }
            if (s % 300 == 120) {
                cuff(sink, rnd, t, wave);
            }
        }
    }

    private static void cuff(SessionLog.ReadingSink sink, SplittableRandom rnd, Instant t, double wave)
            throws java.io.IOException {
        double sys = Math.round(122 + 10 * wave + rnd.nextInt(-4, 5));
        double dia = Math.round(78 + 5 * wave + rnd.nextInt(-3, 4));
        sink.accept(new Reading(t, MONITOR, Vital.NIBP_SYS, sys, Set.of()));
        sink.accept(new Reading(t, MONITOR, Vital.NIBP_DIA, dia, Set.of()));
        sink.accept(new Reading(t, MONITOR, Vital.NIBP_MEAN, Math.round((sys + 2 * dia) / 3), Set.of()));
    }

    /** Writes the session into {@code db} (patient, order, devices, events, alarms, readings) and ends it; returns its id. */
    public long store(VigilDatabase db) throws InterruptedException, java.io.IOException {
        DoseCalculation d = DoseCalculation.of(ORDER, SessionRules.DEFAULTS);
        long id = db.sessions().startSession(new NewSession("chair1", start, "1.0-test", false, devices())
                .withClinical(PATIENT, d, start));
        try (RecordingWriter w = new RecordingWriter(db, QUIET)) {
            for (DeviceIdentityChange c : identities()) {
                w.append(id, c);
            }
            for (RecordedEvent e : events()) {
                w.append(id, SessionEvent.from(e));
            }
            for (AlarmEvent a : alarms()) {
                w.append(id, a);
            }
            long[] n = {0};
            readings(r -> {
                if (!w.append(id, r) || ++n[0] % 50_000 == 0) {
                    flush(w);
                    if (n[0] % 50_000 != 0 && !w.append(id, r)) {
                        throw new java.io.IOException("the recorder refused a reading");
                    }
                }
            });
            w.flush();
        }
        db.sessions().endSession(id, end(), org.vigil.storage.EndReason.CLOSED);
        return id;
    }

    private static final WriterListener QUIET = new WriterListener() {
        @Override
        public void onFailure(Exception cause) {
        }

        @Override
        public void onRecovered() {
        }
    };

    private static void flush(RecordingWriter w) throws java.io.IOException {
        try {
            w.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while storing");
        }
    }
}
