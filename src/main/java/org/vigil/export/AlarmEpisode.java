package org.vigil.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;

/**
 * One alarm from onset to clear, folded from the alarm log's rows (raised, escalated,
 * acknowledged, ended, cleared) with the silencing states in force while it lasted.
 *
 * @param priority  the highest priority it reached
 * @param value     the value at onset (null for technical alarms)
 * @param limit     the limit in force at onset (null for technical alarms)
 * @param silencing the silencing states during the alarm ({@code audio_paused 09:14:02Z}, ...), empty for none
 */
public record AlarmEpisode(String alarmId, AlarmKind kind, String parameter, Priority priority, Instant onset,
        Double value, Double limit, String message, Instant escalatedAt, String acknowledgedBy, Instant acknowledgedAt,
        Instant end, Instant cleared, List<String> silencing) {

    /** Folds an alarm log (oldest first) into episodes in order of onset; silencing from the session's events. */
    public static List<AlarmEpisode> of(List<AlarmEvent> log, List<RecordedEvent> events, java.time.ZoneId zone) {
        Map<String, Builder> open = new LinkedHashMap<>();
        List<Builder> all = new ArrayList<>();
        for (AlarmEvent e : log) {
            Builder b = open.get(e.alarmId());
            switch (e.type()) {
                case RAISED -> {
                    b = new Builder(e);
                    open.put(e.alarmId(), b);
                    all.add(b);
                }
                case ESCALATED -> {
                    if (b != null) {
                        b.escalatedAt = b.escalatedAt == null ? e.time() : b.escalatedAt;
                        b.priority = e.priority().compareTo(b.priority) > 0 ? e.priority() : b.priority;
                    }
                }
                case ACKNOWLEDGED -> {
                    if (b != null && b.ackAt == null) {
                        b.ackAt = e.time();
                        b.ackBy = e.user();
                    }
                }
                case ENDED -> {
                    if (b != null && b.end == null) {
                        b.end = e.time();
                    }
                }
                case CLEARED -> {
                    if (b != null) {
                        b.cleared = e.time();
                        b.end = b.end == null ? e.time() : b.end;
                        open.remove(e.alarmId());
                    }
                }
                default -> { }
            }
        }
        List<AlarmEpisode> out = new ArrayList<>(all.size());
        for (Builder b : all) {
            out.add(b.build(events, zone));
        }
        return out;
    }

    private static final class Builder {
        final AlarmEvent raised;
        Priority priority;
        Instant escalatedAt;
        Instant ackAt;
        String ackBy;
        Instant end;
        Instant cleared;

        Builder(AlarmEvent raised) {
            this.raised = raised;
            this.priority = raised.priority();
        }

        AlarmEpisode build(List<RecordedEvent> events, java.time.ZoneId zone) {
            List<String> silencing = new ArrayList<>();
            Instant until = cleared != null ? cleared : end;
            for (RecordedEvent e : events) {
                boolean silencingType = e.type() == SessionEventType.AUDIO_PAUSED
                        || e.type() == SessionEventType.AUDIO_PAUSE_ENDED || e.type() == SessionEventType.ALARM_OFF
                        || e.type() == SessionEventType.ALARM_ON;
                if (!silencingType || e.time().isBefore(raised.time()) || (until != null && e.time().isAfter(until))) {
                    continue;
                }
                String which = e.detail().getOrDefault("alarm", "");
                if ((e.type() == SessionEventType.ALARM_OFF || e.type() == SessionEventType.ALARM_ON)
                        && !which.isEmpty() && !which.equals(raised.alarmId())) {
                    continue;
                }
                silencing.add(e.type().key() + " " + ExportText.iso(e.time(), zone));
            }
            return new AlarmEpisode(raised.alarmId(), raised.kind(), raised.parameter(), priority, raised.time(),
                    raised.value(), raised.limit(), raised.message(), escalatedAt, ackBy, ackAt, end, cleared,
                    List.copyOf(silencing));
        }
    }
}
