package org.vigil.export;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.Reading;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import org.vigil.domain.Vital;
import org.vigil.session.Patient;
import org.vigil.storage.SessionDevice;
import org.vigil.storage.SessionEvent;
import org.vigil.storage.SessionInfo;
import org.vigil.storage.SessionRepository;
import org.vigil.storage.SessionSummary;

/**
 * Reads a stored session as a {@link SessionLog}: the session row, its devices, typed events and
 * alarm log at once (they are small), the patient from the check-in's MRN and the order from the
 * recorded dose arithmetic, and the readings streamed an hour at a time (never the whole reading
 * table of a 32-hour session in memory).
 */
public final class SessionLogReader {

    static final Duration WINDOW = Duration.ofHours(1);

    private final SessionRepository sessions;
    private final ZoneId zone;

    public SessionLogReader(SessionRepository sessions, ZoneId zone) {
        this.sessions = sessions;
        this.zone = zone;
    }

    /** The newest session's id, if the database has any. */
    public Optional<Long> last() {
        List<SessionSummary> all = sessions.listSessions();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).id());
    }

    /** The ids of the sessions that started in {@code [from, to)}, oldest first. */
    public List<Long> startedBetween(Instant from, Instant to) {
        List<Long> ids = new ArrayList<>();
        for (SessionSummary s : sessions.listSessions()) {
            if (!s.start().isBefore(from) && s.start().isBefore(to)) {
                ids.add(s.id());
            }
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    /** The session, or empty when there is no such id. */
    public Optional<SessionLog> read(long sessionId) {
        Optional<SessionInfo> found = sessions.session(sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionInfo info = found.get();
        List<RecordedEvent> events = new ArrayList<>();
        for (SessionEvent e : sessions.sessionEvents(sessionId)) {
            e.toRecorded().ifPresent(events::add);
        }
        List<AlarmEvent> alarms = sessions.alarmEvents(sessionId);
        SessionLog.PatientPart patient = null;
        SessionLog.OrderPart order = null;
        for (RecordedEvent e : events) {
            if (e.type() == SessionEventType.CHECK_IN && patient == null && e.get("mrn") != null) {
                Optional<Patient> p = sessions.patients().byMrn(e.get("mrn"));
                double weight = number(e.detail(), "weight_kg");
                patient = p.map(x -> new SessionLog.PatientPart(x.mrn(), x.name(), x.birthDate(), weight))
                        .orElse(new SessionLog.PatientPart(e.get("mrn"), "unknown", null, weight));
            }
            if (e.type() == SessionEventType.DOSE && order == null) {
                Map<String, String> d = e.detail();
                order = new SessionLog.OrderPart(number(d, "weight_kg"), number(d, "dose_mg_kg"),
                        number(d, "concentration_mg_ml"), number(d, "duration_min"), d.getOrDefault("prescriber", ""),
                        number(d, "total_mg"), number(d, "volume_ml"), number(d, "rate_ml_h"));
            }
        }
        List<SessionLog.DevicePart> devices = new ArrayList<>();
        for (SessionDevice d : info.devices()) {
            devices.add(new SessionLog.DevicePart(d.deviceId(), d.label(), d.protocol(), d.endpoint(), ""));
        }
        Instant start = info.start();
        Instant end = info.end();
        SessionLog.ReadingSource readings = sink -> {
            // a running session has no end yet: read on until a day without readings
            int empty = 0;
            for (Instant from = start.minus(WINDOW); end != null ? !from.isAfter(end) : empty < 24; from = from.plus(WINDOW)) {
                Instant to = from.plus(WINDOW);
                List<Reading> window = new ArrayList<>();
                for (Vital v : Vital.values()) {
                    window.addAll(sessions.readings(sessionId, v, from, to));
                }
                empty = window.isEmpty() ? empty + 1 : 0;
                window.sort(Comparator.comparing(Reading::time));
                for (Reading r : window) {
                    sink.accept(r);
                }
            }
        };
        return Optional.of(new SessionLog(sessionId, info.chairId(), start, end,
                info.endReason() == null ? "" : info.endReason().key(), info.softwareVersion(), info.simulated(), zone,
                patient, order, devices, events, alarms, readings, false));
    }

    private static double number(Map<String, String> d, String key) {
        String v = d.get(key);
        if (v == null || v.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
