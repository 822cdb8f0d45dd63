package org.vigil.chair;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.LimitRule;
import org.vigil.alarm.SilencingEvent;

/**
 * A chair's alarm log in memory, oldest first, bounded: past {@code capacity} entries the oldest
 * are dropped (the session database keeps everything). Written on the core thread, read from any.
 */
final class AlarmLogBook {

    private final int capacity;
    private final Deque<AlarmLogEntry> entries = new ArrayDeque<>();
    private long dropped;

    AlarmLogBook(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    synchronized void add(AlarmLogEntry e) {
        if (entries.size() == capacity) {
            entries.removeFirst();
            dropped++;
        }
        entries.addLast(e);
    }

    synchronized List<AlarmLogEntry> entries() {
        return List.copyOf(entries);
    }

    /** Entries dropped because the log was full. */
    synchronized long dropped() {
        return dropped;
    }

    /** The log row of a silencing or state record; the alarm's priority and vital come from {@code config}. */
    static AlarmLogEntry of(SilencingEvent e, AlarmConfig config) {
        LimitRule rule = e.alarmId() == null ? null : config.rule(e.alarmId()).orElse(null);
        return new AlarmLogEntry(e.time(), e.type().key(), e.alarmId(),
                rule == null ? null : rule.priority(), rule == null ? null : rule.vital().key(), null, null, e.user(),
                e.until(), e.detail());
    }

    /** A silencing record's detail for the session log: {@code alarm=<id> until=<instant> <text>}. */
    /** A silencing event's detail as a typed event holds it: {@code alarm}, {@code until}, {@code text}. */
    static java.util.Map<String, String> details(SilencingEvent e) {
        java.util.Map<String, String> d = new java.util.LinkedHashMap<>();
        if (e.alarmId() != null) {
            d.put("alarm", e.alarmId());
        }
        if (e.until() != null) {
            d.put("until", e.until().toString());
        }
        if (e.detail() != null && !e.detail().isBlank()) {
            d.put("text", e.detail());
        }
        return d;
    }

    static String detail(SilencingEvent e) {
        StringBuilder detail = new StringBuilder();
        if (e.alarmId() != null) {
            detail.append("alarm=").append(e.alarmId()).append(' ');
        }
        if (e.until() != null) {
            detail.append("until=").append(e.until()).append(' ');
        }
        if (e.detail() != null) {
            detail.append(e.detail());
        }
        return detail.toString().trim();
    }
}
