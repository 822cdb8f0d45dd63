package org.vigil.alarm;

import java.time.Instant;

/**
 * An alarm on screen: raised and not yet cleared. {@code conditionActive} is false for a latched
 * alarm whose condition has ended. {@code raisedAt} is when the signal started (onset + delay).
 * {@code audible} says whether it currently asks for sound (not acknowledged, not paused, not off).
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
        boolean audible) {
}
