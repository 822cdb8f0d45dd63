package org.vigil.ui.chart;

import java.util.Arrays;

/**
 * The output of a downsampler, reused from frame to frame: points as (x in pixels, value), with
 * breaks ({@code NaN} value) where the line must not be drawn across. Grows when needed and
 * never shrinks, so a steady chart allocates nothing per frame.
 */
public final class PlotBuffer {

    private double[] xs;
    private double[] ys;
    private int size;

    public PlotBuffer() {
        this(1024);
    }

    public PlotBuffer(int capacity) {
        xs = new double[Math.max(4, capacity)];
        ys = new double[Math.max(4, capacity)];
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    /** Whether point {@code i} is a break. */
    public boolean isBreak(int i) {
        return Double.isNaN(ys[i]);
    }

    void add(double x, double y) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    /** A break, unless the buffer is empty or already ends with one. */
    void addBreak() {
        if (size > 0 && !Double.isNaN(ys[size - 1])) {
            add(xs[size - 1], Double.NaN);
        }
    }

    /** Largest value among the points (breaks ignored), −∞ when none. */
    public double maxValue() {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            if (ys[i] > m) {
                m = ys[i];
            }
        }
        return m;
    }

    /** Smallest value among the points (breaks ignored), +∞ when none. */
    public double minValue() {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            if (ys[i] < m) {
                m = ys[i];
            }
        }
        return m;
    }
}
