package org.vigil.alarm;

import java.time.Instant;

/**
 * An alarm on screen: raised and not yet cleared. {@code conditionActive} is false for a latched
 * alarm whose condition has ended. {@code raisedAt} is when the signal started (onset + delay).
 * {@code audible} says whether it currently asks for sound (not acknowledged, not paused, not off).
 * {@code value} is the value that raised the alarm (what the log records); {@code current} is the
 * vital's latest value while a physiological condition lasts (null for technical alarms and once the
 * condition ended), and {@code message} the screen text built from it ({@code "NIBP sys 188 > 160"}),
 * or from the raising value when there is no current one.
 */
public record ActiveAlarm(
        String id,
        Priority priority,
        AlarmKind kind,
        String parameter,
        Double value,
        Double limit,
        String message,
        Instant raisedAt,
        boolean conditionActive,
        boolean acknowledged,
        boolean escalated,
        boolean audible,
        Double current) {

    /** An alarm whose current value is the one that raised it while its condition lasts. */
    public ActiveAlarm(String id, Priority priority, AlarmKind kind, String parameter, Double value, Double limit,
            String message, Instant raisedAt, boolean conditionActive, boolean acknowledged, boolean escalated,
            boolean audible) {
        this(id, priority, kind, parameter, value, limit, message, raisedAt, conditionActive, acknowledged, escalated,
                audible, conditionActive && kind == AlarmKind.PHYSIOLOGICAL ? value : null);
    }
}
