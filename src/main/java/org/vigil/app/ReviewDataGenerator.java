package org.vigil.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
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
import org.vigil.sim.replay.Recording;
import org.vigil.sim.replay.RecordingException;
import org.vigil.storage.EndReason;
import org.vigil.storage.NewSession;
import org.vigil.storage.SessionDevice;
import org.vigil.storage.SessionEvent;
import org.vigil.storage.VigilDatabase;
import org.vigil.storage.WaveformChunk;

/**
 * Generated sessions for the review benchmark, the screenshot and the review tests, seeded so that
 * the same seed always writes the same rows. What a generated clinical session holds:
 * <ul>
 * <li>typed events as the station writes them: check-in, dose, phases (baseline → infusion →
 *     recovery → ready for discharge → discharged), the baseline, infusion start and stop, a
 *     clinical event, a note and a score (one session in three: a corrected event), discharge;</li>
 * <li>HR, PR, SpO2 and RR every {@code vitalsEvery} (1 s for a full session): HR 60-85 rising by
 *     10-25 during the infusion, SpO2 96-99 with one desaturation to 84-88 lasting 3 s, RR 12-16;</li>
 * <li>a cuff measurement every 5 min (15 min before and after the infusion): systolic 110-140
 *     rising by 10-40 during the infusion (peak about 25 min in), diastolic about 60 % of it;</li>
 * <li>alarms: the desaturation (high priority, raised and ended), a systolic above 160 (medium),
 *     and one technical alarm in five sessions (low);</li>
 * <li>optionally the pleth at {@code plethHz}, in 1-s chunks: a pulse shape at the heart rate.</li>
 * </ul>
 * Rows are written through {@link org.vigil.storage.BulkAppender}, then the session is ended (so
 * its list summary is written as the station writes it).
 */
final class ReviewDataGenerator {

    static final String[] FIRST = {"Ada", "Ben", "Cleo", "Dan", "Eva", "Finn", "Gia", "Hugo", "Iris", "Jon", "Kim",
        "Leo", "Mia", "Nils", "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tara"};
    static final String[] LAST = {"Berg", "Costa", "Dahl", "Engel", "Fischer", "Garcia", "Hansen", "Ito", "Jensen",
        "Keller", "Lund", "Moreau", "Nagy", "Olsen", "Petit", "Rossi", "Silva", "Tanaka", "Weber", "Young"};

    /** How a session is generated. */
    record Spec(Duration infusion, Duration vitalsEvery, double plethHz, String chair) {
    }

    private final VigilDatabase db;
    private final Random rnd;

    ReviewDataGenerator(VigilDatabase db, long seed) {
        this.db = db;
        this.rnd = new Random(seed);
    }

    /** A stored patient; the same {@code i} gives the same patient. */
    Patient patient(int i) {
        String mrn = String.format("MRN%06d", 100_000 + i);
        return db.sessions().patients().byMrn(mrn).orElseGet(() -> db.sessions().patients().create(new Patient(0, mrn,
                LAST[(i / FIRST.length) % LAST.length] + ", " + FIRST[i % FIRST.length],
                LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28), 55.0 + i % 50, "")));
    }

    /** {@code count} sessions of {@code patients} patients over the days before {@code lastDay}, light rows (vitals per minute). */
    List<Long> clinic(int count, int patients, Instant lastDay) {
        List<Long> ids = new ArrayList<>(count);
        List<Patient> ps = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            ps.add(patient(i));
        }
        for (int i = 0; i < count; i++) {
            // four chairs, up to four sessions a chair per day, newest last
            int day = (count - 1 - i) / 16;
            int slot = i % 16;
            Instant start = lastDay.minus(Duration.ofDays(day)).plus(Duration.ofMinutes(8 * 60 + (slot / 4) * 120L));
            Spec spec = new Spec(Duration.ofMinutes(40), Duration.ofSeconds(60), 0, "chair" + (1 + slot % 4));
            ids.add(session(ps.get(rnd.nextInt(ps.size())), start, spec));
        }
        return ids;
    }

    /** A clinical session of {@code p} checked in at {@code checkIn} and still running (never ended); returns its id. */
    long running(Patient p, Instant checkIn, String chair) {
        double weight = p.weightKg() == null ? 70 : p.weightKg();
        InfusionOrder order = new InfusionOrder(weight, 0.5, 1.0, 40, "Dr. Moreau");
        return db.sessions().startSession(new NewSession(chair, checkIn, "bench", true, List.of(new SessionDevice("mon",
                "Bedside monitor", "ivy", "/dev/ttyUSB1"))).withClinical(p, DoseCalculation.of(order, SessionRules.DEFAULTS),
                checkIn));
    }

    /** One clinical session of {@code p} starting at {@code checkIn}; returns its id. */
    long session(Patient p, Instant checkIn, Spec spec) {
        double weight = p.weightKg() == null ? 70 : p.weightKg();
        InfusionOrder order = new InfusionOrder(weight, 0.5, 1.0, spec.infusion().toMinutes(), "Dr. Moreau");
        DoseCalculation dose = DoseCalculation.of(order, SessionRules.DEFAULTS);
        List<SessionDevice> devices = new ArrayList<>(List.of(new SessionDevice("mon", "Bedside monitor", "ivy",
                "/dev/ttyUSB1")));
        if (spec.plethHz() > 0) {
            devices.add(new SessionDevice("ox", "Oximeter", "masimo", "/dev/ttyUSB0"));
        }
        long id = db.sessions().startSession(new NewSession(spec.chair(), checkIn, "bench", true, devices)
                .withClinical(p, dose, checkIn));

        Instant infStart = checkIn.plus(Duration.ofMinutes(15));
        Instant infStop = infStart.plus(spec.infusion());
        Instant ready = infStop.plus(Duration.ofMinutes(30));
        Instant end = ready.plus(Duration.ofMinutes(15));
        double hr0 = 60 + rnd.nextInt(26);
        double sys0 = 110 + rnd.nextInt(31);
        double hrRise = 10 + rnd.nextInt(16);
        double sysRise = 10 + rnd.nextInt(31);
        double spo20 = 96 + rnd.nextInt(4);
        double rr0 = 12 + rnd.nextInt(5);
        long infMs = spec.infusion().toMillis();
        Instant desat = infStart.plusMillis((long) (rnd.nextDouble() * infMs));
        double desatTo = 84 + rnd.nextInt(5);

        Curve curve = new Curve(infStart, infStop, hr0, hrRise, sys0, sysRise);
        // events
        List<RecordedEvent> ev = new ArrayList<>();
        Seq seq = new Seq();
        ev.add(seq.next(checkIn, SessionEventType.CHECK_IN, Map.of("mrn", p.mrn(), "weight_kg", num(weight)), "nurse"));
        ev.add(seq.next(checkIn, SessionEventType.DOSE, ordered("dose_mg_kg", num(order.doseMgPerKg()), "weight_kg",
                num(weight), "total_mg", num(dose.totalMg()), "volume_ml", num(dose.volumeMl()), "rate_ml_h",
                num(dose.rateMlPerH())), "nurse"));
        ev.add(seq.next(checkIn, SessionEventType.PHASE, Map.of("phase", "baseline"), null));
        Instant baseAt = checkIn.plus(Duration.ofMinutes(10));
        ev.add(seq.next(baseAt, SessionEventType.BASELINE, ordered("nibp", num(sys0) + "/" + num(Math.round(sys0 * 0.6)),
                "hr", num(hr0), "spo2", num(spo20), "rr", num(rr0), "source", "cuff"), "nurse"));
        ev.add(seq.next(infStart, SessionEventType.INFUSION, ordered("action", "start", "rate_ml_h",
                num(dose.rateMlPerH())), "nurse"));
        ev.add(seq.next(infStart, SessionEventType.PHASE, Map.of("phase", "infusion"), null));
        Instant nausea = infStart.plus(spec.infusion().multipliedBy(2).dividedBy(3));
        RecordedEvent clinical = seq.next(nausea, SessionEventType.EVENT, ordered("kind", "nausea", "detail", "mild"),
                "nurse");
        ev.add(clinical);
        ev.add(seq.next(infStart.plus(Duration.ofMinutes(20)), SessionEventType.NOTE,
                Map.of("text", "patient calm, talking"), "nurse"));
        ev.add(seq.next(infStop, SessionEventType.INFUSION, Map.of("action", "stop"), "nurse"));
        ev.add(seq.next(infStop, SessionEventType.PHASE, Map.of("phase", "recovery"), null));
        ev.add(seq.next(infStop.plus(Duration.ofMinutes(20)), SessionEventType.SCORE, ordered("aldrete", "9",
                "sedation", "1"), "nurse"));
        if (rnd.nextInt(3) == 0) {
            RecordedEvent fix = new RecordedEvent(nausea, SessionEventType.CORRECTION, ordered("corrects",
                    Long.toString(clinical.seq()), "reason", "wrong severity", "detail", "moderate"), "nurse",
                    nausea.plus(Duration.ofMinutes(5)), seq.n + 1, clinical.seq());
            seq.n++;
            ev.add(fix);
        }
        ev.add(seq.next(ready, SessionEventType.PHASE, Map.of("phase", "ready_for_discharge"), null));
        ev.add(seq.next(end, SessionEventType.DISCHARGED, ordered("by", "nurse", "escort", "yes", "monitoring_min",
                Long.toString(Duration.between(infStop, end).toMinutes())), "nurse"));
        ev.add(seq.next(end, SessionEventType.PHASE, Map.of("phase", "discharged"), null));
        db.bulk().sessionEvents(id, ev.stream().sorted(java.util.Comparator.comparing(RecordedEvent::time))
                .map(SessionEvent::from).iterator());

        // vitals and cuffs
        long stepMs = spec.vitalsEvery().toMillis();
        db.bulk().readings(id, new Generated(checkIn, end, stepMs, t -> {
            List<Reading> out = new ArrayList<>(4);
            double hr = curve.hr(t) + rnd.nextGaussian() * 1.5;
            boolean inDesat = !t.isBefore(desat) && t.isBefore(desat.plusSeconds(3));
            double spo2 = inDesat ? desatTo : Math.min(100, spo20 + Math.round(rnd.nextGaussian() * 0.6));
            out.add(new Reading(t, "mon", Vital.HR, Math.round(hr), Set.of()));
            out.add(new Reading(t, "mon", Vital.PR, Math.round(hr + rnd.nextGaussian()), Set.of()));
            out.add(new Reading(t, "mon", Vital.SPO2, spo2, Set.of()));
            out.add(new Reading(t, "mon", Vital.RR, Math.round(rr0 + rnd.nextGaussian()), Set.of()));
            return out;
        }, desat));
        List<Reading> cuffs = new ArrayList<>();
        List<AlarmEvent> alarms = new ArrayList<>();
        alarms.add(alarm(desat.plusSeconds(1), AlarmEventType.RAISED, "spo2.low", Priority.HIGH, "spo2", desatTo, 90.0,
                "SpO2 " + num(desatTo) + " ≤ 90"));
        alarms.add(alarm(desat.plusSeconds(3), AlarmEventType.ENDED, "spo2.low", Priority.HIGH, "spo2", null, null, null));
        boolean sysHigh = false;
        for (Instant t = checkIn.plus(Duration.ofMinutes(5)); t.isBefore(end); ) {
            double sys = Math.round(curve.sys(t) + rnd.nextGaussian() * 4);
            double dia = Math.round(sys * 0.6 + rnd.nextGaussian() * 3);
            cuffs.add(new Reading(t, "mon", Vital.NIBP_SYS, sys, Set.of()));
            cuffs.add(new Reading(t, "mon", Vital.NIBP_DIA, dia, Set.of()));
            cuffs.add(new Reading(t, "mon", Vital.NIBP_MEAN, Math.round((sys + 2 * dia) / 3), Set.of()));
            if (sys > 160 && !sysHigh) {
                alarms.add(alarm(t, AlarmEventType.RAISED, "nibp_sys.high", Priority.MEDIUM, "nibp_sys", sys, 160.0,
                        "NIBP sys " + num(sys) + " ≥ 160"));
                sysHigh = true;
            } else if (sys <= 160 && sysHigh) {
                alarms.add(alarm(t, AlarmEventType.ENDED, "nibp_sys.high", Priority.MEDIUM, "nibp_sys", null, null, null));
                sysHigh = false;
            }
            boolean infusing = !t.isBefore(infStart) && t.isBefore(infStop);
            t = t.plus(Duration.ofMinutes(infusing ? 5 : 15));
        }
        if (rnd.nextInt(5) == 0) {
            Instant at = infStart.plus(Duration.ofMinutes(7));
            alarms.add(alarm(at, AlarmEventType.RAISED, "mon.no_data", Priority.LOW, null, null, null, "Monitor: no data"));
            alarms.add(alarm(at.plusSeconds(20), AlarmEventType.ENDED, "mon.no_data", Priority.LOW, null, null, null, null));
        }
        db.bulk().readings(id, cuffs.iterator());
        alarms.sort(java.util.Comparator.comparing(AlarmEvent::time));
        db.bulk().alarmEvents(id, alarms.iterator());

        if (spec.plethHz() > 0) {
            db.bulk().waveforms(id, new Pleth(checkIn, end, spec.plethHz(), curve));
        }
        db.sessions().endSession(id, end, EndReason.CLOSED);
        return id;
    }

    /**
     * The MIMIC-II numerics recording (1 row a minute, ~32 h) replayed into one session as a monitor
     * would report it: every minute's HR, PR, SpO2 and RR repeated each second for that minute
     * (as the station records a 1 Hz monitor), and each cuff row as one NIBP measurement.
     */
    long replayMimic(Path csv, Instant start) throws IOException, RecordingException {
        Recording rec = Recording.read(csv);
        long id = db.sessions().startSession(new NewSession("chair1", start, "bench", true, List.of(new SessionDevice(
                "mon", "Bedside monitor", "intellivue", "replay:" + csv.getFileName()))).withClinical(patient(9_999),
                DoseCalculation.of(new InfusionOrder(70, 0.5, 1, 40, "Dr. Moreau"), SessionRules.DEFAULTS), start));
        List<Recording.Row> rows = rec.rows();
        Iterator<Reading> it = new Iterator<>() {
            int row;
            int second;
            final List<Reading> pending = new ArrayList<>();

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && row < rows.size()) {
                    Recording.Row r = rows.get(row);
                    Instant t = start.plusSeconds((r.minute() - rec.firstMinute()) * 60L + second);
                    for (Map.Entry<Vital, Double> e : r.values().entrySet()) {
                        pending.add(new Reading(t, "mon", e.getKey(), e.getValue(), Set.of()));
                    }
                    if (second == 0 && r.nibp() != null) {
                        pending.add(new Reading(t, "mon", Vital.NIBP_SYS, r.nibp().sys(), Set.of()));
                        pending.add(new Reading(t, "mon", Vital.NIBP_DIA, r.nibp().dia(), Set.of()));
                        pending.add(new Reading(t, "mon", Vital.NIBP_MEAN, r.nibp().mean(), Set.of()));
                    }
                    if (++second == 60) {
                        second = 0;
                        row++;
                    }
                }
                return !pending.isEmpty();
            }

            @Override
            public Reading next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.remove(pending.size() - 1);
            }
        };
        db.bulk().readings(id, it);
        Instant end = start.plusSeconds((rec.lastMinute() - rec.firstMinute() + 1) * 60L);
        db.sessions().endSession(id, end, EndReason.CLOSED);
        return id;
    }

    private static AlarmEvent alarm(Instant t, AlarmEventType type, String id, Priority p, String parameter, Double value,
            Double limit, String message) {
        return new AlarmEvent(t, type, id, p, parameter == null ? AlarmKind.TECHNICAL : AlarmKind.PHYSIOLOGICAL,
                parameter, value, limit, message, null);
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Numbers the clinical session's events. */
    private static final class Seq {
        long n;

        RecordedEvent next(Instant t, SessionEventType type, Map<String, String> detail, String user) {
            return new RecordedEvent(t, type, detail, user, t, ++n, 0);
        }
    }

    /** Heart rate and systolic over the session: flat, rising during the infusion, settling after. */
    private record Curve(Instant infStart, Instant infStop, double hr0, double hrRise, double sys0, double sysRise) {

        private double effect(Instant t) {
            double m = Duration.between(infStart, t).toMillis() / 60_000.0;
            double len = Duration.between(infStart, infStop).toMillis() / 60_000.0;
            if (m <= 0) {
                return 0;
            }
            double peak = Math.min(25, len * 0.6);
            if (m <= peak) {
                return m / peak;
            }
            return Math.max(0, 1 - (m - peak) / (len - peak + 45));
        }

        double hr(Instant t) {
            return hr0 + hrRise * effect(t);
        }

        double sys(Instant t) {
            return sys0 + sysRise * effect(t);
        }
    }

    /** Readings every {@code stepMs} from {@code from} to {@code to}, generated lazily (bounded memory). */
    private static final class Generated implements Iterator<Reading> {
        private final long toMs;
        private final long stepMs;
        private final java.util.function.Function<Instant, List<Reading>> make;
        private long extraMs;
        private long t;
        private Iterator<Reading> batch = java.util.Collections.emptyIterator();

        Generated(Instant from, Instant to, long stepMs, java.util.function.Function<Instant, List<Reading>> make,
                Instant desat) {
            this.t = from.toEpochMilli();
            this.toMs = to.toEpochMilli();
            this.stepMs = stepMs;
            this.make = make;
            // readings at a coarser step than 1 s still catch the desaturation: one more sample inside it
            this.extraMs = stepMs > 1_000 ? desat.toEpochMilli() + 1_000 : -1;
        }

        @Override
        public boolean hasNext() {
            while (!batch.hasNext() && t < toMs) {
                long at;
                if (extraMs >= 0 && extraMs <= t) {
                    at = extraMs;
                    if (extraMs == t) {
                        t += stepMs;
                    }
                    extraMs = -1;
                } else {
                    at = t;
                    t += stepMs;
                }
                batch = make.apply(Instant.ofEpochMilli(at)).iterator();
            }
            return batch.hasNext();
        }

        @Override
        public Reading next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return batch.next();
        }
    }

    /** The pleth in 1-s chunks: a pulse shape (sharp upstroke, dicrotic notch) at the heart rate. */
    private final class Pleth implements Iterator<WaveformChunk> {
        private final Instant to;
        private final double hz;
        private final Curve curve;
        private Instant t;
        private double phase;

        Pleth(Instant from, Instant to, double hz, Curve curve) {
            this.t = from;
            this.to = to;
            this.hz = hz;
            this.curve = curve;
        }

        @Override
        public boolean hasNext() {
            return t.isBefore(to);
        }

        @Override
        public WaveformChunk next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int n = (int) Math.round(hz);
            short[] s = new short[n];
            double beatsPerSample = curve.hr(t) / 60.0 / hz;
            for (int i = 0; i < n; i++) {
                phase = (phase + beatsPerSample) % 1.0;
                double up = phase < 0.15 ? Math.sin(phase / 0.15 * Math.PI / 2) : 0;
                double down = phase >= 0.15 ? Math.exp(-(phase - 0.15) * 4) * (1 + 0.15 * Math.sin((phase - 0.15) * 12)) : 0;
                s[i] = (short) Math.round(200 + 1600 * (up + down) + rnd.nextGaussian() * 8);
            }
            WaveformChunk c = new WaveformChunk("ox", "pleth", t, hz, s);
            t = t.plusSeconds(1);
            return c;
        }
    }
}
