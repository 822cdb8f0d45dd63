package org.vigil.ui;

/**
 * One continuous vital's trend, decimated to at most one point per second (the latest value of
 * each second wins) and held in a fixed ring: when full, the oldest point goes. Times are seconds
 * since session start. Used on the FX thread only.
 */
final class TrendSeries {

    /** Six hours at one point per second. */
    static final int DEFAULT_CAPACITY = 6 * 3600;

    private final float[] times;
    private final float[] values;
    private int start;
    private int size;

    TrendSeries() {
        this(DEFAULT_CAPACITY);
    }

    TrendSeries(int capacity) {
        times = new float[capacity];
        values = new float[capacity];
    }

    /**
     * Adds a value at {@code seconds}. A value in the same whole second as the last point replaces
     * it; a value older than the last point is ignored (already covered by history). Returns
     * whether the series changed.
     */
    boolean add(double seconds, double value) {
        if (Double.isNaN(value) || Double.isNaN(seconds)) {
            return false;
        }
        if (size > 0) {
            int last = index(size - 1);
            double lastSecond = Math.floor(times[last]);
            double second = Math.floor(seconds);
            if (second < lastSecond) {
                return false;
            }
            if (second == lastSecond) {
                boolean changed = values[last] != (float) value;
                times[last] = (float) seconds;
                values[last] = (float) value;
                return changed;
            }
        }
        if (size == times.length) {
            start = (start + 1) % times.length;
            size--;
        }
        int i = index(size);
        times[i] = (float) seconds;
        values[i] = (float) value;
        size++;
        return true;
    }

    void clear() {
        start = 0;
        size = 0;
    }

    int size() {
        return size;
    }

    int capacity() {
        return times.length;
    }

    /** Seconds since session start of the {@code i}-th point, oldest first. */
    double time(int i) {
        return times[index(i)];
    }

    double value(int i) {
        return values[index(i)];
    }

    private int index(int i) {
        return (start + i) % times.length;
    }
}
