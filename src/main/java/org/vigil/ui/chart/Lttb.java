package org.vigil.ui.chart;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps a chosen number of
 * samples that preserve the visual shape of a line. Unlike {@link M4} it may drop an extreme
 * that sits between two larger-area candidates, so the review chart uses M4 for vital signs
 * (decision record "M4 for the review chart"); LTTB is offered for overview plots where a
 * smoother line matters more than every extreme. Each run of samples between gaps is reduced
 * on its own, with a share of the points proportional to its length.
 */
public final class Lttb {

    private Lttb() {
    }

    /**
     * Appends to {@code out} about {@code 2 × columns} samples of {@code s} in [{@code start},
     * {@code end}] chosen by LTTB, as (x in pixels, value), with breaks as in {@link M4#reduce}.
     */
    public static void reduce(TimeSeries s, long start, long end, int columns, long maxGapMillis, PlotBuffer out) {
        if (s.isEmpty() || end <= start || columns <= 0) {
            return;
        }
        int from = Math.max(0, s.indexAtOrBefore(start));
        int to = s.indexAtOrAfter(end);
        if (to < 0) {
            to = s.size() - 1;
        }
        double scale = columns / (double) (end - start);
        int total = to - from + 1;
        int budget = Math.max(3, 2 * columns);
        int runStart = -1;
        for (int i = from; i <= to + 1; i++) {
            boolean gap = i > to || Double.isNaN(s.value(i))
                    || (runStart >= 0 && maxGapMillis > 0 && s.time(i) - s.time(i - 1) > maxGapMillis);
            if (gap) {
                if (runStart >= 0) {
                    int n = i - runStart;
                    int share = (int) Math.max(3, Math.round((double) budget * n / total));
                    run(s, runStart, i - 1, share, start, scale, out);
                    out.addBreak();
                    runStart = -1;
                }
                if (i <= to && !Double.isNaN(s.value(i))) {
                    runStart = i;
                }
            } else if (runStart < 0) {
                runStart = i;
            }
        }
    }

    private static void run(TimeSeries s, int a, int b, int threshold, long start, double scale, PlotBuffer out) {
        int n = b - a + 1;
        if (n <= threshold) {
            for (int i = a; i <= b; i++) {
                out.add((s.time(i) - start) * scale, s.value(i));
            }
            return;
        }
        double every = (double) (n - 2) / (threshold - 2);
        int chosen = a;
        out.add((s.time(a) - start) * scale, s.value(a));
        for (int k = 0; k < threshold - 2; k++) {
            int bucketStart = a + 1 + (int) Math.floor(k * every);
            int bucketEnd = a + 1 + (int) Math.floor((k + 1) * every);
            int nextStart = bucketEnd;
            int nextEnd = Math.min(b + 1, a + 1 + (int) Math.floor((k + 2) * every));
            double avgX = 0;
            double avgY = 0;
            int count = Math.max(1, nextEnd - nextStart);
            if (nextEnd <= nextStart) {
                avgX = s.time(b) - start;
                avgY = s.value(b);
            } else {
                for (int j = nextStart; j < nextEnd; j++) {
                    avgX += s.time(j) - start;
                    avgY += s.value(j);
                }
                avgX /= count;
                avgY /= count;
            }
            double ax = s.time(chosen) - start;
            double ay = s.value(chosen);
            double best = -1;
            int pick = bucketStart;
            for (int j = bucketStart; j < Math.min(bucketEnd, b); j++) {
                double area = Math.abs((ax - avgX) * (s.value(j) - ay) - (ax - (s.time(j) - start)) * (avgY - ay));
                if (area > best) {
                    best = area;
                    pick = j;
                }
            }
            chosen = pick;
            out.add((s.time(pick) - start) * scale, s.value(pick));
        }
        out.add((s.time(b) - start) * scale, s.value(b));
    }
}
