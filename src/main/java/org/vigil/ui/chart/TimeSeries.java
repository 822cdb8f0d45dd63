package org.vigil.ui.chart;

import java.util.Arrays;

/**
 * One track's samples as two primitive arrays: times in epoch milliseconds, non-decreasing, and
 * values ({@code NaN} marks a gap: the line breaks there). Immutable once built; the arrays
 * passed to {@link #wrap} are owned by the series from then on. Lookups by time are binary
 * searches, so a cursor over hours of 1 Hz data costs a few comparisons.
 */
public final class TimeSeries {

    /** No samples. */
    public static final TimeSeries EMPTY = new TimeSeries(new long[0], new double[0], 0);

    private final long[] times;
    private final double[] values;
    private final int size;
    private final double min;
    private final double max;

    private TimeSeries(long[] times, double[] values, int size) {
        this.times = times;
        this.values = values;
        this.size = size;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            double v = values[i];
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        this.min = lo;
        this.max = hi;
    }

    /**
     * The first {@code size} samples of {@code times}/{@code values}, without copying: the caller
     * must not change the arrays afterwards. Throws if the times go backwards or the arrays are
     * shorter than {@code size}.
     */
    public static TimeSeries wrap(long[] times, double[] values, int size) {
        if (size < 0 || size > times.length || size > values.length) {
            throw new IllegalArgumentException("size " + size + " exceeds the arrays (" + times.length + ", "
                    + values.length + ")");
        }
        for (int i = 1; i < size; i++) {
            if (times[i] < times[i - 1]) {
                throw new IllegalArgumentException("times go backwards at index " + i);
            }
        }
        return new TimeSeries(times, values, size);
    }

    /** All of {@code times}/{@code values} (same length), without copying; see {@link #wrap(long[], double[], int)}. */
    public static TimeSeries wrap(long[] times, double[] values) {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        return wrap(times, values, times.length);
    }

    /** A copy of the first {@code size} samples. */
    public static TimeSeries copyOf(long[] times, double[] values, int size) {
        return wrap(Arrays.copyOf(times, size), Arrays.copyOf(values, size), size);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long time(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return times[i];
    }

    public double value(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return values[i];
    }

    /** Time of the first sample; throws when empty. */
    public long firstTime() {
        return time(0);
    }

    /** Time of the last sample; throws when empty. */
    public long lastTime() {
        return time(size - 1);
    }

    /** Smallest value (gaps ignored), or +∞ when there is none. */
    public double min() {
        return min;
    }

    /** Largest value (gaps ignored), or −∞ when there is none. */
    public double max() {
        return max;
    }

    /** Index of the last sample at or before {@code t}, or −1 when every sample is later. */
    public int indexAtOrBefore(long t) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Index of the first sample at or after {@code t}, or −1 when every sample is earlier. */
    public int indexAtOrAfter(long t) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] >= t) {
                found = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found;
    }

    /** Index of the sample nearest to {@code t} (the earlier one on a tie), or −1 when empty. */
    public int nearest(long t) {
        int before = indexAtOrBefore(t);
        int after = indexAtOrAfter(t);
        if (before < 0) {
            return after;
        }
        if (after < 0) {
            return before;
        }
        return t - times[before] <= times[after] - t ? before : after;
    }
}
