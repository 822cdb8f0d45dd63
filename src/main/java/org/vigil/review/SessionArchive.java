package org.vigil.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.Reading;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import org.vigil.domain.Vital;
import org.vigil.session.CuffReading;
import org.vigil.session.DoseCalculation;
import org.vigil.session.Phase;
import org.vigil.session.SessionBaseline;
import org.vigil.storage.ArchiveQueries;
import org.vigil.storage.SessionEvent;
import org.vigil.storage.SessionInfo;
import org.vigil.storage.SessionListFilter;
import org.vigil.storage.SessionListRow;
import org.vigil.storage.VigilDatabase;

/**
 * Past sessions read back from the session database, for the review screens and the exporters:
 * the session list, and for one session its header, typed events (with their corrections), alarm
 * log, cuff readings, and its readings and waveforms streamed through a cursor (never a whole
 * table in memory). Reads only: nothing here writes to the database. Every call blocks on the
 * disk (calls are serialised on the database's connection): call it off the FX thread.
 */
public final class SessionArchive {

    private final VigilDatabase db;

    public SessionArchive(VigilDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The sessions {@code filter} keeps, newest first (at most {@code filter.limit()}; 0: all). */
    public List<SessionRow> list(SessionFilter filter) {
        return db.archive().list(storage(filter)).stream().map(SessionArchive::row).toList();
    }

    /**
     * The sessions {@code filter} keeps that come after {@code last} in the list (newest first), at
     * most {@code filter.limit()} of them (0: all): the next page, read on from where {@code last}
     * was, so any page costs what the first one does.
     */
    public List<SessionRow> listAfter(SessionFilter filter, SessionRow last) {
        Objects.requireNonNull(last, "last");
        return db.archive().listAfter(storage(filter), last.start(), last.id()).stream().map(SessionArchive::row)
                .toList();
    }

    /** How many sessions {@code filter} keeps (its limit aside). */
    public int count(SessionFilter filter) {
        return db.archive().count(storage(filter));
    }

    private static SessionListFilter storage(SessionFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return new SessionListFilter(filter.patientText(), filter.from(), filter.to(), filter.chairId(),
                filter.highAlarm(), filter.phaseReached() == null ? null : filter.phaseReached().key(),
                filter.endedAbnormally(), filter.limit());
    }

    /** The chairs that have recorded sessions, sorted. */
    public List<String> chairs() {
        return db.archive().chairs();
    }

    /** The ids of one patient's sessions, oldest first. */
    public List<Long> sessionsOfPatient(long patientId) {
        return db.archive().sessionsOfPatient(patientId);
    }

    /** One session's header, or empty when there is no such session. */
    public Optional<SessionHeader> header(long sessionId) {
        Optional<SessionInfo> found = db.sessions().session(sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionInfo info = found.get();
        Optional<ArchiveQueries.ClinicalPart> clinical = db.archive().clinical(sessionId);
        List<RecordedEvent> events = typedEvents(sessionId);
        return Optional.of(SessionHeaders.build(info, clinical.orElse(null), events));
    }

    /** The session's typed events in time order, each with the corrections pointing at it; corrections are not listed on their own. */
    public List<ArchivedEvent> events(long sessionId) {
        return withCorrections(typedEvents(sessionId));
    }

    /** The session's alarm log, oldest first. */
    public List<AlarmEvent> alarmLog(long sessionId) {
        return db.sessions().alarmEvents(sessionId);
    }

    /** The session's valid cuff measurements, oldest first. */
    public List<CuffReading> cuffs(long sessionId) {
        return db.sessions().cuffReadings(sessionId);
    }

    /**
     * Streams the readings of {@code vitals} with {@code from <= time < to}, in time order, one row
     * in memory at a time. Keep {@code out} quick: the database is held while it runs.
     */
    public void forEachReading(long sessionId, Instant from, Instant to, Set<Vital> vitals, Consumer<Reading> out) {
        db.archive().forEachReading(sessionId, from, to, vitals, out);
    }

    /**
     * The lowest and highest valid reading of {@code vital} in each of {@code columns} equal columns
     * of {@code [from, to)}, computed in the database (an overview of hours of data without streaming
     * every row); columns without a valid reading are left out.
     */
    public void forEachColumnExtreme(long sessionId, Vital vital, Instant from, Instant to, int columns,
            ColumnExtremes out) {
        db.archive().forEachColumnExtreme(sessionId, vital, from, to, columns, out::accept);
    }

    /** As {@link #forEachColumnExtreme} for a waveform, from each ~1 s chunk's lowest and highest sample. */
    public void forEachWaveColumnExtreme(long sessionId, String wave, Instant from, Instant to, int columns,
            ColumnExtremes out) {
        db.archive().forEachWaveColumnExtreme(sessionId, wave, from, to, columns, out::accept);
    }

    /** Receives one column's lowest and highest value, and the times of its first and last reading (epoch ms). */
    @FunctionalInterface
    public interface ColumnExtremes {
        void accept(int column, long firstMs, double min, long lastMs, double max);
    }

    /** The waveforms recorded for a session, e.g. {@code [pleth]}. */
    public List<String> waves(long sessionId) {
        return db.waveforms().waves(sessionId);
    }

    /** Streams the segments of one waveform that start in {@code [from, to)}, oldest first. */
    public void forEachWave(long sessionId, String wave, Instant from, Instant to, Consumer<WaveSegment> out) {
        db.waveforms().forEachChunk(sessionId, wave, from, to,
                c -> out.accept(new WaveSegment(c.deviceId(), c.start(), c.rateHz(), c.samples())));
    }

    private List<RecordedEvent> typedEvents(long sessionId) {
        List<RecordedEvent> out = new ArrayList<>();
        for (SessionEvent e : db.sessions().sessionEvents(sessionId)) {
            e.toRecorded().ifPresent(out::add);
        }
        return out;
    }

    static List<ArchivedEvent> withCorrections(List<RecordedEvent> events) {
        Map<Long, List<RecordedEvent>> corrections = new HashMap<>();
        for (RecordedEvent e : events) {
            if (e.type() == SessionEventType.CORRECTION && e.corrects() > 0) {
                corrections.computeIfAbsent(e.corrects(), k -> new ArrayList<>()).add(e);
            }
        }
        List<ArchivedEvent> out = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (e.type() == SessionEventType.CORRECTION && e.corrects() > 0) {
                continue;
            }
            out.add(new ArchivedEvent(e, e.seq() > 0 ? corrections.getOrDefault(e.seq(), List.of()) : List.of()));
        }
        return out;
    }

    private static SessionRow row(SessionListRow r) {
        return new SessionRow(r.id(), r.chairId(), r.start(), r.end(), r.endedAbnormally(), r.simulated(), r.patientId(),
                r.patientName(), r.mrn(), r.phase(), r.doseMgPerKg(), r.totalMg(), r.peakSys(), r.minSpo2(),
                r.alarmsHigh(), r.alarmsMedium(), r.alarmsLow());
    }

    /** How a header is put together from the stored row, the clinical part and the events (pure). */
    static final class SessionHeaders {

        private SessionHeaders() {
        }

        static SessionHeader build(SessionInfo info, ArchiveQueries.ClinicalPart clinical, List<RecordedEvent> events) {
            List<PhaseSpan> phases = new ArrayList<>();
            Instant checkedIn = null;
            Instant infusionStart = null;
            Instant infusionStop = null;
            Instant discharged = null;
            SessionBaseline baseline = null;
            boolean aboveUsual = false;
            double usualMax = Double.NaN;
            Phase open = null;
            Instant openSince = null;
            List<RecordedEvent> ordered = new ArrayList<>(events);
            ordered.sort(java.util.Comparator.comparing(RecordedEvent::time).thenComparingLong(RecordedEvent::seq));
            for (RecordedEvent e : ordered) {
                switch (e.type()) {
                    case CHECK_IN -> checkedIn = checkedIn == null ? e.time() : checkedIn;
                    case PHASE -> {
                        Phase p = phase(e.get("phase"));
                        if (p != null && p != open) {
                            if (open != null) {
                                phases.add(new PhaseSpan(open, openSince, e.time()));
                            }
                            open = p;
                            openSince = e.time();
                            if (p == Phase.DISCHARGED) {
                                discharged = e.time();
                            }
                        }
                    }
                    case INFUSION -> {
                        String action = e.get("action");
                        if ("start".equals(action) && infusionStart == null) {
                            infusionStart = e.time();
                        } else if ("stop".equals(action)) {
                            infusionStop = e.time();
                        }
                    }
                    case BASELINE -> baseline = baseline(e);
                    case DOSE_CONFIRMED -> {
                        aboveUsual = true;
                        usualMax = number(e.get("usual_max"), Double.NaN);
                    }
                    default -> { }
                }
            }
            if (open != null) {
                phases.add(new PhaseSpan(open, openSince, open == Phase.DISCHARGED ? openSince : info.end()));
            }
            if (baseline == null && info.baseline() != null && info.baseline().systolic() != null
                    && info.baseline().diastolic() != null) {
                baseline = new SessionBaseline(info.baseline().systolic(), info.baseline().diastolic(),
                        info.baseline().heartRate(), null, null, "engine");
            }
            DoseCalculation dose = clinical == null ? null : new DoseCalculation(clinical.order(), clinical.totalMg(),
                    clinical.volumeMl(), clinical.rateMlPerH(), List.of(), aboveUsual, usualMax);
            Phase reached = clinical == null || clinical.phase() == null ? open : phase(clinical.phase());
            List<RecordedDevice> devices = info.devices().stream()
                    .map(d -> new RecordedDevice(d.deviceId(), d.label(), d.protocol(), d.endpoint(),
                            info.identities().stream().filter(c -> c.deviceId().equals(d.deviceId())).toList()))
                    .toList();
            return new SessionHeader(info.id(), info.chairId(), clinical == null ? null : clinical.patient(),
                    clinical == null ? null : clinical.order(), dose, reached, phases, checkedIn, infusionStart,
                    infusionStop, discharged, baseline, devices, info.start(), info.end(),
                    info.endReason() == null ? null : info.endReason().key(), info.softwareVersion(), info.simulated());
        }

        private static Phase phase(String key) {
            try {
                return key == null ? null : Phase.fromKey(key);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static SessionBaseline baseline(RecordedEvent e) {
            String nibp = e.get("nibp");
            if (nibp == null || nibp.indexOf('/') < 0) {
                return null;
            }
            String[] bp = nibp.split("/");
            try {
                return new SessionBaseline(Double.parseDouble(bp[0]), Double.parseDouble(bp[1]), boxed(e.get("hr")),
                        boxed(e.get("spo2")), boxed(e.get("rr")), e.get("source"));
            } catch (NumberFormatException ex) {
                return null;
            }
        }

        private static Double boxed(String s) {
            double d = number(s, Double.NaN);
            return Double.isNaN(d) ? null : d;
        }

        private static double number(String s, double fallback) {
            try {
                return s == null || s.isBlank() ? fallback : Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
