package org.vigil.ui;

/**
 * One continuous vital's trend over the whole session in a fixed amount of memory: at most one
 * point per second (the latest value of each second wins), the latest {@link #DEFAULT_RECENT}
 * points as they came, and everything older as the lowest and the highest value of each time
 * bucket, so a short dip stays visible however long the session. When the buckets are all used,
 * neighbours merge and the bucket width doubles. Every point says whether the line breaks before
 * it ({@link #gapBefore}): bucket points may lie further apart than {@link TrendCanvas#GAP_SECONDS}
 * and still belong to one line. Times are seconds since session start. FX thread only.
 */
final class TrendSeries {

    /** One hour at one point per second, as it came. */
    static final int DEFAULT_RECENT = 3600;
    /** Buckets for everything older: two points each at most. */
    static final int DEFAULT_BUCKETS = 2048;
    private static final double FIRST_WIDTH_SECONDS = 2;

    private final float[] times;
    private final float[] values;
    private final boolean[] gaps;
    private int start;
    private int size;
    private boolean breakPending;

    // Older points: per bucket the extremes (their times and values) and where the line breaks.
    private final long[] bucketIndex;
    private final float[] minTime;
    private final float[] minValue;
    private final float[] maxTime;
    private final float[] maxValue;
    private final boolean[] gapBefore;
    private final boolean[] gapInside;
    private int buckets;
    private double width = FIRST_WIDTH_SECONDS;
    // The buckets as points, rebuilt when they changed.
    private float[] oldTimes = new float[0];
    private float[] oldValues = new float[0];
    private boolean[] oldGaps = new boolean[0];
    private int oldSize;
    private boolean oldDirty;

    TrendSeries() {
        this(DEFAULT_RECENT, DEFAULT_BUCKETS);
    }

    TrendSeries(int recent, int bucketCount) {
        times = new float[recent];
        values = new float[recent];
        gaps = new boolean[recent];
        bucketIndex = new long[bucketCount + 1];
        minTime = new float[bucketCount + 1];
        minValue = new float[bucketCount + 1];
        maxTime = new float[bucketCount + 1];
        maxValue = new float[bucketCount + 1];
        gapBefore = new boolean[bucketCount + 1];
        gapInside = new boolean[bucketCount + 1];
    }

    /**
     * Adds a live value at {@code seconds}; more than {@link TrendCanvas#GAP_SECONDS} after the last
     * point breaks the line. A value in the same whole second as the last point replaces it; a
     * value older than the last point is ignored. Returns whether the series changed.
     */
    boolean add(double seconds, double value) {
        return add(seconds, value, true);
    }

    /** Adds a value from the session's history: the line breaks only where {@link #breakLine()} says. */
    boolean addFromHistory(double seconds, double value) {
        return add(seconds, value, false);
    }

    /** The next point starts a new line. */
    void breakLine() {
        breakPending = true;
    }

    private boolean add(double seconds, double value, boolean breakOnTime) {
        if (Double.isNaN(value) || Double.isNaN(seconds)) {
            return false;
        }
        boolean gap = breakPending;
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
            gap |= breakOnTime && seconds - times[last] > TrendCanvas.GAP_SECONDS;
        }
        breakPending = false;
        if (size == times.length) {
            retire(times[start], values[start], gaps[start]);
            start = (start + 1) % times.length;
            size--;
        }
        int i = index(size);
        times[i] = (float) seconds;
        values[i] = (float) value;
        gaps[i] = gap;
        size++;
        return true;
    }

    /** Moves the oldest recent point into its bucket, merging buckets when all are used. */
    private void retire(float t, float v, boolean gap) {
        long index = (long) Math.floor(t / width);
        int b = buckets - 1;
        if (b < 0 || bucketIndex[b] != index) {
            b = buckets++;
            bucketIndex[b] = index;
            minTime[b] = t;
            minValue[b] = v;
            maxTime[b] = t;
            maxValue[b] = v;
            gapBefore[b] = gap;
            gapInside[b] = false;
        } else {
            take(b, t, v, t, v);
            gapInside[b] |= gap;
        }
        while (buckets > bucketIndex.length - 1) {
            width *= 2;
            int n = 0;
            for (int i = 0; i < buckets; i++) {
                long merged = Math.floorDiv(bucketIndex[i], 2);
                if (n > 0 && bucketIndex[n - 1] == merged) {
                    take(n - 1, minTime[i], minValue[i], maxTime[i], maxValue[i]);
                    gapInside[n - 1] |= gapBefore[i] || gapInside[i];
                } else {
                    bucketIndex[n] = merged;
                    minTime[n] = minTime[i];
                    minValue[n] = minValue[i];
                    maxTime[n] = maxTime[i];
                    maxValue[n] = maxValue[i];
                    gapBefore[n] = gapBefore[i];
                    gapInside[n] = gapInside[i];
                    n++;
                }
            }
            buckets = n;
        }
        oldDirty = true;
    }

    private void take(int b, float tLow, float low, float tHigh, float high) {
        if (low < minValue[b]) {
            minValue[b] = low;
            minTime[b] = tLow;
        }
        if (high > maxValue[b]) {
            maxValue[b] = high;
            maxTime[b] = tHigh;
        }
    }

    /** Lays the buckets out as points in time order: the extremes of each, the earlier first. */
    private void layOut() {
        if (!oldDirty) {
            return;
        }
        oldDirty = false;
        if (oldTimes.length < 2 * buckets) {
            oldTimes = new float[2 * (bucketIndex.length - 1)];
            oldValues = new float[oldTimes.length];
            oldGaps = new boolean[oldTimes.length];
        }
        int n = 0;
        for (int b = 0; b < buckets; b++) {
            boolean minFirst = minTime[b] <= maxTime[b];
            oldTimes[n] = minFirst ? minTime[b] : maxTime[b];
            oldValues[n] = minFirst ? minValue[b] : maxValue[b];
            oldGaps[n] = gapBefore[b];
            n++;
            if (minTime[b] != maxTime[b]) {
                oldTimes[n] = minFirst ? maxTime[b] : minTime[b];
                oldValues[n] = minFirst ? maxValue[b] : minValue[b];
                oldGaps[n] = gapInside[b];
                n++;
            }
        }
        oldSize = n;
    }

    void clear() {
        start = 0;
        size = 0;
        buckets = 0;
        oldSize = 0;
        oldDirty = false;
        width = FIRST_WIDTH_SECONDS;
        breakPending = false;
    }

    /** Points held, the bucket extremes included; bounded by recent + 2 × buckets. */
    int size() {
        layOut();
        return oldSize + size;
    }

    /** Seconds since session start of the {@code i}-th point, oldest first. */
    double time(int i) {
        layOut();
        return i < oldSize ? oldTimes[i] : times[index(i - oldSize)];
    }

    double value(int i) {
        layOut();
        return i < oldSize ? oldValues[i] : values[index(i - oldSize)];
    }

    /** Whether the line breaks between point {@code i - 1} and point {@code i}. */
    boolean gapBefore(int i) {
        layOut();
        return i < oldSize ? oldGaps[i] : gaps[index(i - oldSize)];
    }

    private int index(int i) {
        return (start + i) % times.length;
    }
}
