package org.vigil.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the alarm log. {@code parameter} is the vital key for physiological alarms and the
 * device id for technical ones; {@code value} and {@code limit} are {@code null} for technical
 * alarms. {@code user} is who acknowledged (null otherwise). {@code message} is the text shown
 * on screen, e.g. {@code "SpO2 86 < 90"} or {@code "SpO2 device: no data"}.
 */
public record AlarmEvent(
        Instant time,
        AlarmEventType type,
        String alarmId,
        Priority priority,
        AlarmKind kind,
        String parameter,
        Double value,
        Double limit,
        String message,
        String user) {

    public AlarmEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(alarmId, "alarmId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(kind, "kind");
    }
}
