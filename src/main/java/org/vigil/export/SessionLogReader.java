package org.vigil.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.Vital;
import org.vigil.review.ArchivedEvent;
import org.vigil.review.RecordedDevice;
import org.vigil.review.SessionArchive;
import org.vigil.review.SessionFilter;
import org.vigil.review.SessionHeader;
import org.vigil.review.SessionRow;
import org.vigil.session.DoseCalculation;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;

/**
 * Reads a stored session from the read side ({@link SessionArchive}) as a {@link SessionLog}: the
 * header, devices, typed events (corrections kept beside what they correct: the edit trail) and
 * alarm log at once (they are small), and the readings streamed through the archive's cursor an
 * hour at a time, so a 32-hour session is never in memory and the database is never held for
 * longer than one hour of rows.
 */
public final class SessionLogReader {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final Set<Vital> ALL = EnumSet.allOf(Vital.class);

    private final SessionArchive archive;
    private final ZoneId zone;

    public SessionLogReader(SessionArchive archive, ZoneId zone) {
        this.archive = archive;
        this.zone = zone;
    }

    /** The newest session's id, if the database has any. */
    public Optional<Long> last() {
        List<SessionRow> rows = archive.list(SessionFilter.all().withLimit(1));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).id());
    }

    /** The ids of the sessions that started in {@code [from, to)}, oldest first. */
    public List<Long> startedBetween(Instant from, Instant to) {
        List<Long> ids = new ArrayList<>();
        for (SessionRow r : archive.list(SessionFilter.all().withRange(from, to))) {
            ids.add(r.id());
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    /** The session, or empty when there is no such id. */
    public Optional<SessionLog> read(long sessionId) {
        Optional<SessionHeader> found = archive.header(sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionHeader h = found.get();
        List<RecordedEvent> events = new ArrayList<>();
        for (ArchivedEvent e : archive.events(sessionId)) {
            events.add(e.event());
            events.addAll(e.corrections());
        }
        events.sort(Comparator.comparing(RecordedEvent::time));
        SessionLog.PatientPart patient = null;
        Patient p = h.patient();
        InfusionOrder o = h.order();
        if (p != null) {
            double weight = o != null ? o.weightKg() : p.weightKg() == null ? Double.NaN : p.weightKg();
            patient = new SessionLog.PatientPart(p.mrn(), p.name(), p.birthDate(), weight);
        }
        SessionLog.OrderPart order = null;
        if (o != null) {
            DoseCalculation d = h.dose();
            order = new SessionLog.OrderPart(o.weightKg(), o.doseMgPerKg(), o.concentrationMgPerMl(), o.durationMin(),
                    o.prescriber(), d == null ? Double.NaN : d.totalMg(), d == null ? Double.NaN : d.volumeMl(),
                    d == null ? Double.NaN : d.rateMlPerH());
        }
        List<SessionLog.DevicePart> devices = new ArrayList<>();
        for (RecordedDevice d : h.devices()) {
            devices.add(new SessionLog.DevicePart(d.deviceId(), d.label(), d.protocol(), d.endpoint(), d.identities()));
        }
        Instant start = h.start();
        Instant end = h.end();
        SessionLog.ReadingSource readings = sink -> {
            // a running session has no end yet: read on until a day without readings
            int empty = 0;
            for (Instant from = start.minus(WINDOW); end != null ? !from.isAfter(end) : empty < 24; from = from.plus(WINDOW)) {
                int[] n = {0};
                try {
                    archive.forEachReading(sessionId, from, from.plus(WINDOW), ALL, r -> {
                        n[0]++;
                        try {
                            sink.accept(r);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                empty = n[0] == 0 ? empty + 1 : 0;
            }
        };
        return Optional.of(new SessionLog(sessionId, h.chairId(), start, end, h.endReason(), h.softwareVersion(),
                h.simulated(), zone, patient, order, devices, events, archive.alarmLog(sessionId), readings, false));
    }
}
