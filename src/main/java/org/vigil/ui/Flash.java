package org.vigil.ui;

import org.vigil.alarm.Priority;

/**
 * Visual alarm signal timing after IEC 60601-1-8 Table 2: high priority flashes at 2 Hz
 * (within 1.4-2.8 Hz), medium at 0.6 Hz (within 0.4-0.8 Hz), both with a 50 % on-time (within
 * 20-60 %); low priority is steady. The phase is a pure function of the frame time, so the
 * rhythm does not drift with frame rate or skipped frames.
 */
final class Flash {

    static final long HIGH_PERIOD_NANOS = 500_000_000L;
    static final long MEDIUM_PERIOD_NANOS = 1_666_666_667L;

    private Flash() {
    }

    /** True when a signal of priority {@code p} is in its bright phase at {@code frameNanos}; false for none. */
    static boolean on(Priority p, long frameNanos) {
        if (p == null) {
            return false;
        }
        return switch (p) {
            case LOW -> true;
            case MEDIUM -> Math.floorMod(frameNanos, MEDIUM_PERIOD_NANOS) < MEDIUM_PERIOD_NANOS / 2;
            case HIGH -> Math.floorMod(frameNanos, HIGH_PERIOD_NANOS) < HIGH_PERIOD_NANOS / 2;
        };
    }
}
