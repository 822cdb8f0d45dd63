package org.vigil.review;

import java.util.Arrays;

/**
 * Points of one series in time order, as parallel arrays (epoch milliseconds, value): cheap to
 * build off the FX thread and to draw. A {@code NaN} value marks a gap (the line breaks there).
 * Immutable once built.
 */
public final class Trace {

    private final double[] times;
    private final double[] values;
    private final int size;

    private Trace(double[] times, double[] values, int size) {
        this.times = times;
        this.values = values;
        this.size = size;
    }

    public static Trace empty() {
        return new Trace(new double[0], new double[0], 0);
    }

    public int size() {
        return size;
    }

    /** Epoch milliseconds of point {@code i}. */
    public double time(int i) {
        return times[check(i)];
    }

    public double value(int i) {
        return values[check(i)];
    }

    /** The index of the last point at or before {@code timeMs}, or -1. */
    public int indexAtOrBefore(double timeMs) {
        int i = Arrays.binarySearch(times, 0, size, timeMs);
        if (i >= 0) {
            while (i + 1 < size && times[i + 1] == timeMs) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    /** The largest and smallest value (NaN gaps left out), or {@code [NaN, NaN]} with none. */
    public double[] range() {
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (int i = 0; i < size; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                lo = Double.isNaN(lo) ? v : Math.min(lo, v);
                hi = Double.isNaN(hi) ? v : Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return i;
    }

    /** Appends points in time order. */
    public static final class Builder {
        private double[] times = new double[64];
        private double[] values = new double[64];
        private int size;

        public Builder add(double timeMs, double value) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = timeMs;
            values[size] = value;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public Trace build() {
            return new Trace(Arrays.copyOf(times, size), Arrays.copyOf(values, size), size);
        }
    }
}
