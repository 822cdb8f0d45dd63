package org.vigil.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;

/**
 * How long one alarm condition lasted: from {@code raised} to {@code ended} (or the end of the
 * recording when it never ended), at the highest priority it reached (escalations included).
 *
 * @param to null when the alarm had not ended by the end of the recording and the session still runs
 */
public record AlarmPeriod(String alarmId, Priority priority, AlarmKind kind, String parameter, String message,
        Instant from, Instant to) {

    public boolean contains(Instant t) {
        return !t.isBefore(from) && (to == null || t.isBefore(to));
    }

    /** The periods of an alarm log (oldest first), in order of their start; open ones end at {@code end} (may be null). */
    public static List<AlarmPeriod> of(List<AlarmEvent> log, Instant end) {
        Map<String, AlarmEvent> open = new HashMap<>();
        Map<String, Priority> highest = new HashMap<>();
        List<AlarmPeriod> out = new ArrayList<>();
        for (AlarmEvent e : log) {
            String id = e.alarmId();
            if (e.type() == AlarmEventType.RAISED) {
                AlarmEvent before = open.remove(id);
                if (before != null) {
                    out.add(period(before, highest.remove(id), e.time()));
                }
                open.put(id, e);
                highest.put(id, e.priority());
            } else if (e.type() == AlarmEventType.ESCALATED && open.containsKey(id)) {
                highest.merge(id, e.priority(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            } else if ((e.type() == AlarmEventType.ENDED || e.type() == AlarmEventType.CLEARED) && open.containsKey(id)) {
                out.add(period(open.remove(id), highest.remove(id), e.time()));
            }
        }
        for (AlarmEvent e : open.values()) {
            out.add(period(e, highest.get(e.alarmId()), end));
        }
        out.sort(java.util.Comparator.comparing(AlarmPeriod::from).thenComparing(AlarmPeriod::alarmId));
        return out;
    }

    private static AlarmPeriod period(AlarmEvent raised, Priority p, Instant to) {
        return new AlarmPeriod(raised.alarmId(), p == null ? raised.priority() : p, raised.kind(), raised.parameter(),
                raised.message(), raised.time(), to);
    }
}
