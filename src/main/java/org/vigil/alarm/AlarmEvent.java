package org.vigil.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the alarm log. {@code parameter} is the vital key for physiological alarms and the
 * device id for technical ones; {@code value} and {@code limit} are {@code null} for technical
 * alarms. {@code user} is who acknowledged (null otherwise). {@code message} is the text shown
 * on screen, e.g. {@code "SpO2 86 < 90"} or {@code "SpO2 device: no data"}; an {@code ended} event
 * whose source was lost says so after it ({@link #SOURCE_LOST}).
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

    /**
     * Follows the message of an {@code ended} event whose condition ended because the station lost
     * the value's source (its device fell silent or was unplugged), not because the patient
     * recovered: {@code "HR 135 ≥ 130 · ended: source lost (Monitor: no data)"}.
     */
    public static final String SOURCE_LOST = "ended: source lost";

    public AlarmEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(alarmId, "alarmId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(kind, "kind");
    }

    /** True for an {@code ended} event whose condition ended because its source was lost ({@link #SOURCE_LOST}). */
    public boolean sourceLost() {
        return type == AlarmEventType.ENDED && message != null && message.contains(SOURCE_LOST);
    }
}
