package org.vigil.alarm;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable picture of the alarm system at {@code time}, safe to hand to any thread (the UI reads
 * the latest one once per frame). {@code alarms} is in banner order: unacknowledged first, then
 * by priority (highest first), then newest {@code raisedAt} first ({@link #BANNER_ORDER}). {@code audioPausedUntil} is null unless audio is paused. {@code disabled}
 * lists alarm ids switched off by an admin (shown as "off" on screen).
 */
public record AlarmSnapshot(
        Instant time,
        List<ActiveAlarm> alarms,
        Instant audioPausedUntil,
        Set<String> disabled) {

    /**
     * The banner order of a chair's alarms (disclosed in docs/ALARMS.md): unacknowledged first, so an
     * acknowledged alarm never hides a newer unacknowledged one; then the highest priority; then the
     * newest; at equal time an alarm high by its own rule before one escalated to high; then by id.
     */
    public static final Comparator<ActiveAlarm> BANNER_ORDER = Comparator
            .comparing(ActiveAlarm::acknowledged)
            .thenComparing(ActiveAlarm::priority, Comparator.reverseOrder())
            .thenComparing(ActiveAlarm::raisedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(ActiveAlarm::escalated)
            .thenComparing(ActiveAlarm::id);

    public static AlarmSnapshot empty(Instant time) {
        return new AlarmSnapshot(time, List.of(), null, Set.of());
    }

    public AlarmSnapshot {
        alarms = List.copyOf(alarms);
        disabled = Set.copyOf(disabled);
    }

    /** The highest priority on screen, if any alarm is. */
    public Optional<Priority> highest() {
        return alarms.stream().map(ActiveAlarm::priority).max(Enum::compareTo);
    }

    /** The priority whose sound should play now, if any: the highest audible alarm's. */
    public Optional<Priority> audiblePriority() {
        return alarms.stream().filter(ActiveAlarm::audible).map(ActiveAlarm::priority).max(Enum::compareTo);
    }
}
