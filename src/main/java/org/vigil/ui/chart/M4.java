package org.vigil.ui.chart;

/**
 * M4 downsampling (Jugel et al., VLDB 2014): for each pixel column, the first, lowest, highest
 * and last sample of that column, in time order. A line through these points draws exactly the
 * pixels a line through every sample would, so no extreme is ever lost: a one-sample spike or
 * trough is the maximum or minimum of its column and is kept at every zoom. Output is at most
 * four points per column (plus one sample either side of the window, so lines reach the edges,
 * and a break at every gap). Pure and allocation-free: the caller's {@link PlotBuffer} is reused.
 */
public final class M4 {

    private M4() {
    }

    /**
     * Appends to {@code out} the M4 reduction of the samples of {@code s} in [{@code start},
     * {@code end}] drawn over {@code columns} pixel columns. Points are (x in pixels from the
     * window's left edge, value). A {@code NaN} value, or two samples further apart than
     * {@code maxGapMillis} (when it is positive), breaks the line.
     */
    public static void reduce(TimeSeries s, long start, long end, int columns, long maxGapMillis, PlotBuffer out) {
        if (s.isEmpty() || end <= start || columns <= 0) {
            return;
        }
        int from = s.indexAtOrBefore(start);
        if (from < 0) {
            from = 0;
        }
        int to = s.indexAtOrAfter(end);
        if (to < 0) {
            to = s.size() - 1;
        }
        double scale = columns / (double) (end - start);
        boolean open = false;
        long col = 0;
        int first = 0;
        int lo = 0;
        int hi = 0;
        int last = 0;
        long prevTime = Long.MIN_VALUE;
        for (int i = from; i <= to; i++) {
            double v = s.value(i);
            long t = s.time(i);
            if (Double.isNaN(v)) {
                if (open) {
                    flush(s, start, scale, first, lo, hi, last, out);
                    open = false;
                }
                out.addBreak();
                prevTime = Long.MIN_VALUE;
                continue;
            }
            if (maxGapMillis > 0 && prevTime != Long.MIN_VALUE && t - prevTime > maxGapMillis) {
                if (open) {
                    flush(s, start, scale, first, lo, hi, last, out);
                    open = false;
                }
                out.addBreak();
            }
            prevTime = t;
            long c = (long) Math.floor((t - start) * scale);
            if (open && c != col) {
                flush(s, start, scale, first, lo, hi, last, out);
                open = false;
            }
            if (!open) {
                open = true;
                col = c;
                first = i;
                lo = i;
                hi = i;
                last = i;
            } else {
                if (v < s.value(lo)) {
                    lo = i;
                }
                if (v > s.value(hi)) {
                    hi = i;
                }
                last = i;
            }
        }
        if (open) {
            flush(s, start, scale, first, lo, hi, last, out);
        }
    }

    /** Emits first, min, max and last of one column in time order, each index once. */
    private static void flush(TimeSeries s, long start, double scale, int first, int lo, int hi, int last,
            PlotBuffer out) {
        int a = Math.min(lo, hi);
        int b = Math.max(lo, hi);
        emit(s, start, scale, first, out);
        if (a != first) {
            emit(s, start, scale, a, out);
        }
        if (b != a && b != first) {
            emit(s, start, scale, b, out);
        }
        if (last != b && last != a && last != first) {
            emit(s, start, scale, last, out);
        }
    }

    private static void emit(TimeSeries s, long start, double scale, int i, PlotBuffer out) {
        out.add((s.time(i) - start) * scale, s.value(i));
    }
}
