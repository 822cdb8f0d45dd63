package org.vigil.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class M4Test {

    static final long T0 = 1_700_000_000_000L;

    /** {@code n} samples at 1 Hz, a gentle wave between 60 and 100. */
    static double[] wave(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 80 + 15 * Math.sin(i / 300.0) + r.nextDouble() * 4 - 2;
        }
        return v;
    }

    static long[] seconds(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * 1000L;
        }
        return t;
    }

    @Test
    void singleSampleSpikeAndTroughSurviveAtAnyZoom() {
        int n = 30_000;
        double[] v = wave(n, 1);
        int spike = 12_345;
        int trough = 23_456;
        v[spike] = 250;
        v[trough] = 5;
        TimeSeries s = TimeSeries.wrap(seconds(n), v);
        Random r = new Random(42);
        PlotBuffer out = new PlotBuffer();
        int checked = 0;
        for (int k = 0; k < 2_000; k++) {
            int columns = 50 + r.nextInt(3000);
            long span = 20_000L + (long) (r.nextDouble() * (n * 1000L));
            // a window that contains the spike (or the trough), placed at random around it
            int target = k % 2 == 0 ? spike : trough;
            long at = T0 + target * 1000L;
            long start = at - (long) (r.nextDouble() * span);
            out.clear();
            M4.reduce(s, start, start + span, columns, 0, out);
            if (target == spike) {
                assertEquals(250, out.maxValue(), "spike lost: columns " + columns + ", span " + span);
            } else {
                assertEquals(5, out.minValue(), "trough lost: columns " + columns + ", span " + span);
            }
            assertTrue(out.size() <= 4 * (columns + 2) + 2, "at most four points per column");
            checked++;
        }
        assertEquals(2_000, checked);
        out.clear();
        M4.reduce(s, T0, T0 + (n - 1) * 1000L, 1, 0, out);
        assertEquals(250, out.maxValue(), "one column for everything still holds the spike");
        assertEquals(5, out.minValue(), "one column for everything still holds the trough");
    }

    @Test
    void threeSecondDesaturationInEightHoursStaysVisibleAtFullZoomOut() {
        int n = 8 * 3600;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 97 + (i % 7 == 0 ? 1 : 0);
        }
        int at = 5 * 3600 + 17;
        v[at] = 84;
        v[at + 1] = 81;
        v[at + 2] = 85;
        TimeSeries s = TimeSeries.wrap(seconds(n), v);
        PlotBuffer out = new PlotBuffer();
        M4.reduce(s, T0, T0 + (n - 1) * 1000L, 1000, 5_000, out);
        assertEquals(81, out.minValue());
        assertTrue(out.size() <= 4 * 1002, "bounded by the pixel width, not by 28,800 samples: " + out.size());
        // the drawn point is in the pixel column of the event
        int i = indexOfValue(out, 81);
        double expectedX = (at + 1) * 1000.0 * 1000 / ((n - 1) * 1000.0);
        assertEquals(expectedX, out.x(i), 1e-6);
    }

    @Test
    void keepsFirstMinMaxLastInTimeOrderPerColumn() {
        long[] t = {0, 100, 200, 300, 400, 1000, 1100};
        double[] v = {5, 9, 1, 7, 6, 3, 4};
        TimeSeries s = TimeSeries.wrap(t, v);
        PlotBuffer out = new PlotBuffer();
        M4.reduce(s, 0, 2000, 2, 0, out); // columns [0,1000) and [1000,2000)
        assertEquals(6, out.size());
        double[] expected = {5, 1, 9, 6, 3, 4};
        double[] expectedOrder = {5, 9, 1, 6, 3, 4};
        // time order: first 5 @0, max 9 @100, min 1 @200, last 6 @400
        for (int i = 0; i < out.size(); i++) {
            assertEquals(expectedOrder[i], out.y(i), "point " + i);
        }
        assertEquals(expected.length, out.size());
        assertEquals(0.1, out.x(1), 1e-9);
    }

    @Test
    void nanAndLongSilencesBreakTheLine() {
        long[] t = {0, 1000, 2000, 3000, 20_000, 21_000};
        double[] v = {1, 2, Double.NaN, 4, 5, 6};
        TimeSeries s = TimeSeries.wrap(t, v);
        PlotBuffer out = new PlotBuffer();
        M4.reduce(s, 0, 21_000, 2100, 5_000, out);
        int breaks = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.isBreak(i)) {
                breaks++;
            }
        }
        assertEquals(2, breaks, "one break at the NaN, one at the 17 s silence");
        assertEquals(7, out.size(), "2 points, break, 1 point, break, 2 points");
    }

    @Test
    void includesOneSampleEitherSideSoLinesReachTheEdges() {
        TimeSeries s = TimeSeries.wrap(seconds(100), wave(100, 3));
        PlotBuffer out = new PlotBuffer();
        M4.reduce(s, T0 + 10_500, T0 + 20_500, 1000, 0, out);
        assertTrue(out.x(0) < 0, "a point left of the window");
        assertTrue(out.x(out.size() - 1) > 1000, "a point right of the window");
    }

    @Test
    void emptyOrDegenerateInputsDrawNothing() {
        PlotBuffer out = new PlotBuffer();
        M4.reduce(TimeSeries.EMPTY, 0, 10, 10, 0, out);
        M4.reduce(TimeSeries.wrap(seconds(10), wave(10, 1)), 10, 10, 10, 0, out);
        M4.reduce(TimeSeries.wrap(seconds(10), wave(10, 1)), 0, 10, 0, 0, out);
        assertEquals(0, out.size());
    }

    @Test
    void lttbReducesToAboutTwoPointsPerColumnAndKeepsEnds() {
        int n = 30_000;
        TimeSeries s = TimeSeries.wrap(seconds(n), wave(n, 7));
        PlotBuffer out = new PlotBuffer();
        Lttb.reduce(s, T0, T0 + (n - 1) * 1000L, 500, 0, out);
        assertTrue(out.size() <= 1_002 && out.size() >= 990, "size " + out.size());
        assertEquals(s.value(0), out.y(0));
        assertEquals(s.value(n - 1), out.y(out.size() - 2), "last sample, then the closing break");
        for (int i = 1; i < out.size(); i++) {
            assertTrue(out.isBreak(i) || out.x(i) > out.x(i - 1), "x increases");
        }
    }

    private static int indexOfValue(PlotBuffer b, double v) {
        for (int i = 0; i < b.size(); i++) {
            if (b.y(i) == v) {
                return i;
            }
        }
        throw new AssertionError("no point with value " + v);
    }
}
