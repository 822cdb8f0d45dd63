package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vigil.alarm.Priority;

class FlashTest {

    /** Fraction of sampled time "on" over {@code seconds}, and number of on-edges per second. */
    private static double[] measure(Priority p, double seconds) {
        long step = 1_000_000L;
        long n = (long) (seconds * 1000);
        int on = 0;
        int edges = 0;
        boolean prev = Flash.on(p, 0);
        for (long i = 1; i <= n; i++) {
            boolean cur = Flash.on(p, i * step + 123_456_789L);
            on += cur ? 1 : 0;
            edges += cur && !prev ? 1 : 0;
            prev = cur;
        }
        return new double[] {on / (double) n, edges / seconds};
    }

    @Test
    void highPriorityFlashesWithinTheStandardsBand() {
        double[] m = measure(Priority.HIGH, 30);
        assertEquals(2.0, m[1], 0.05);
        assertTrue(m[0] >= 0.2 && m[0] <= 0.6, "duty " + m[0]);
    }

    @Test
    void mediumPriorityFlashesWithinTheStandardsBand() {
        double[] m = measure(Priority.MEDIUM, 60);
        assertTrue(m[1] >= 0.4 && m[1] <= 0.8, "rate " + m[1]);
        assertTrue(m[0] >= 0.2 && m[0] <= 0.6, "duty " + m[0]);
    }

    @Test
    void lowPriorityIsSteadyAndNoAlarmIsDark() {
        assertEquals(1.0, measure(Priority.LOW, 5)[0]);
        assertFalse(Flash.on(null, 0));
    }
}
