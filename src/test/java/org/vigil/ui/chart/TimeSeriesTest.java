package org.vigil.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    private final TimeSeries s = TimeSeries.wrap(new long[] {1000, 2000, 2000, 4000}, new double[] {1, Double.NaN, 3, 4});

    @Test
    void binarySearchesFindTheSamplesAroundATime() {
        assertEquals(-1, s.indexAtOrBefore(999));
        assertEquals(0, s.indexAtOrBefore(1999));
        assertEquals(2, s.indexAtOrBefore(2000));
        assertEquals(1, s.indexAtOrAfter(2000));
        assertEquals(3, s.indexAtOrAfter(2001));
        assertEquals(-1, s.indexAtOrAfter(4001));
        assertEquals(2, s.nearest(2900), "2000 is nearer than 4000; the last of equal times before");
        assertEquals(3, s.nearest(3100));
        assertEquals(0, s.nearest(-5));
        assertEquals(-1, TimeSeries.EMPTY.nearest(5));
    }

    @Test
    void nearestAgreesWithALinearScan() {
        Random r = new Random(11);
        int n = 5_000;
        long[] t = new long[n];
        double[] v = new double[n];
        long now = 0;
        for (int i = 0; i < n; i++) {
            now += r.nextInt(3) * 500;
            t[i] = now;
        }
        TimeSeries big = TimeSeries.wrap(t, v);
        for (int k = 0; k < 2_000; k++) {
            long q = (long) (r.nextDouble() * (now + 2000)) - 1000;
            long best = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                best = Math.min(best, Math.abs(t[i] - q));
            }
            assertEquals(best, Math.abs(big.time(big.nearest(q)) - q), "query " + q);
        }
    }

    @Test
    void minAndMaxIgnoreGaps() {
        assertEquals(1, s.min());
        assertEquals(4, s.max());
    }

    @Test
    void refusesTimesGoingBackwardsAndBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> TimeSeries.wrap(new long[] {2, 1}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> TimeSeries.wrap(new long[] {1}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> TimeSeries.wrap(new long[] {1}, new double[] {0}, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> TimeSeries.copyOf(new long[] {1, 2}, new double[] {0, 0}, 1).time(1));
    }
}
