package org.vigil.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.Vital;
import org.vigil.session.CuffReading;

/**
 * Everything the review screen shows of one session, loaded at once (off the FX thread): the
 * header, the events with their corrections, the alarm log and its periods, the cuff readings,
 * and every vital (and the pleth, when recorded) over the whole session, downsampled to the
 * chart's width without losing an extreme.
 *
 * @param from  the start of the recording
 * @param to    its end (or the time it was loaded, while it runs)
 * @param pleth empty when no pleth was recorded
 */
public record ReviewedSession(SessionHeader header, List<ArchivedEvent> events, List<AlarmEvent> alarmLog,
        List<AlarmPeriod> alarms, List<CuffReading> cuffs, Map<Vital, Trace> traces, Trace pleth, Instant from,
        Instant to) {

    public ReviewedSession {
        events = List.copyOf(events);
        alarmLog = List.copyOf(alarmLog);
        alarms = List.copyOf(alarms);
        cuffs = List.copyOf(cuffs);
        traces = Map.copyOf(traces);
    }

    /** The vitals shown: those with NIBP drawn as cuff points, the others as traces. */
    public static final java.util.Set<Vital> TREND_VITALS = java.util.EnumSet.of(Vital.HR, Vital.PR, Vital.SPO2,
            Vital.RR, Vital.PI, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN);

    /**
     * Loads session {@code sessionId} for review, the whole recording in {@code columns} columns;
     * {@code now} ends a session still running. Empty when there is no such session.
     */
    public static Optional<ReviewedSession> load(SessionArchive archive, long sessionId, int columns, Instant now) {
        Optional<SessionHeader> found = archive.header(sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionHeader h = found.get();
        Instant from = h.start();
        Instant to = h.endOr(now);
        if (!to.isAfter(from)) {
            to = from.plusSeconds(1);
        }
        List<AlarmEvent> log = archive.alarmLog(sessionId);
        TraceLoader traces = new TraceLoader(archive);
        Trace pleth = archive.waves(sessionId).contains("pleth")
                ? traces.wave(sessionId, "pleth", from, to, columns) : Trace.empty();
        return Optional.of(new ReviewedSession(h, archive.events(sessionId), log, AlarmPeriod.of(log, h.end()),
                archive.cuffs(sessionId), traces.vitals(sessionId, from, to.plusMillis(1), TREND_VITALS, columns), pleth, from,
                to));
    }
}
