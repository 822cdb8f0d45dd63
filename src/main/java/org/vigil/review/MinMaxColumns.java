package org.vigil.review;

/**
 * Downsampling for drawing that never drops an extreme (M4): the time span is cut into
 * {@code columns} equal columns (one per pixel column of the chart) and each column keeps its
 * first, lowest, highest and last point, in time order. A one-sample spike or a three-second
 * desaturation in hours of 1 Hz data therefore stays in the output at any zoom. A column whose
 * points are all gaps (NaN) keeps one NaN, so the line breaks there; empty columns add nothing.
 * Points must arrive in time order; the output holds at most {@code 4 × columns} points whatever
 * the input's length. Not thread-safe: one per load.
 */
public final class MinMaxColumns {

    private final double from;
    private final double width;
    private final int columns;
    private final double gapMs;
    private final Trace.Builder out = new Trace.Builder();
    private double previousInput = Double.NaN;

    private int column = -1;
    private int count;
    private boolean gap;
    private double firstT;
    private double firstV;
    private double minT;
    private double minV;
    private double maxT;
    private double maxV;
    private double lastT;
    private double lastV;

    /** Columns over {@code [fromMs, toMs)}; a silence longer than two columns or 30 s breaks the line. */
    public MinMaxColumns(double fromMs, double toMs, int columns) {
        this(fromMs, toMs, columns, Math.max(30_000, 2 * (toMs - fromMs) / Math.max(1, columns)));
    }

    /** As above with the longest silence the line bridges, ms. */
    public MinMaxColumns(double fromMs, double toMs, int columns, double gapMs) {
        if (!(toMs > fromMs) || columns < 1) {
            throw new IllegalArgumentException("need to > from and at least one column: " + fromMs + ".." + toMs
                    + ", " + columns);
        }
        this.from = fromMs;
        this.width = (toMs - fromMs) / columns;
        this.columns = columns;
        this.gapMs = gapMs;
    }

    /** Adds one point (time order); points outside the span are ignored. */
    public void add(double timeMs, double value) {
        int c = (int) Math.floor((timeMs - from) / width);
        if (c < 0 || c >= columns) {
            return;
        }
        if (!Double.isNaN(previousInput) && timeMs - previousInput > gapMs) {
            flush();
            out.add(previousInput + 1, Double.NaN);
        }
        previousInput = timeMs;
        if (c != column) {
            flush();
            column = c;
        }
        if (Double.isNaN(value)) {
            gap = true;
            return;
        }
        if (count == 0) {
            firstT = timeMs;
            firstV = value;
            minT = timeMs;
            minV = value;
            maxT = timeMs;
            maxV = value;
        } else {
            if (value < minV) {
                minV = value;
                minT = timeMs;
            }
            if (value > maxV) {
                maxV = value;
                maxT = timeMs;
            }
        }
        lastT = timeMs;
        lastV = value;
        count++;
    }

    /** The downsampled points so far (call once, at the end). */
    public Trace result() {
        flush();
        column = -1;
        return out.build();
    }

    private void flush() {
        if (column < 0) {
            return;
        }
        if (count == 0) {
            if (gap) {
                out.add(from + column * width, Double.NaN);
            }
        } else {
            double aT = Math.min(minT, maxT);
            double bT = Math.max(minT, maxT);
            double aV = minT <= maxT ? minV : maxV;
            double bV = minT <= maxT ? maxV : minV;
            out.add(firstT, firstV);
            double prev = firstT;
            if (aT > prev) {
                out.add(aT, aV);
                prev = aT;
            }
            if (bT > prev) {
                out.add(bT, bV);
                prev = bT;
            }
            if (lastT > prev) {
                out.add(lastT, lastV);
            }
        }
        count = 0;
        gap = false;
    }
}
