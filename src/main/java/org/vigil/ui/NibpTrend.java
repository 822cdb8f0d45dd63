package org.vigil.ui;

import org.vigil.domain.Vital;

/**
 * Cuff readings for the trend: one point per measurement with systolic, diastolic and mean
 * (NaN when a part is missing). Components of one measurement arrive as separate readings within
 * a few seconds of each other and are joined into one point. Bounded ring, FX thread only.
 */
final class NibpTrend {

    /** Readings closer than this belong to the same cuff measurement. */
    static final double SAME_MEASUREMENT_SECONDS = 5.0;
    static final int DEFAULT_CAPACITY = 2000;

    private final double[][] points;
    private int start;
    private int size;

    NibpTrend() {
        this(DEFAULT_CAPACITY);
    }

    NibpTrend(int capacity) {
        points = new double[capacity][4];
    }

    /** Adds one NIBP component; returns whether the trend changed. */
    boolean add(double seconds, Vital vital, double value) {
        int column = switch (vital) {
            case NIBP_SYS -> 1;
            case NIBP_DIA -> 2;
            case NIBP_MEAN -> 3;
            default -> throw new IllegalArgumentException("not an NIBP vital: " + vital);
        };
        if (Double.isNaN(value)) {
            return false;
        }
        if (size > 0) {
            double[] last = points[index(size - 1)];
            if (seconds < last[0] - SAME_MEASUREMENT_SECONDS) {
                return false;
            }
            if (Math.abs(seconds - last[0]) <= SAME_MEASUREMENT_SECONDS && (Double.isNaN(last[column]) || last[column] == value)) {
                boolean changed = last[column] != value;
                last[column] = value;
                return changed;
            }
        }
        if (size == points.length) {
            start = (start + 1) % points.length;
            size--;
        }
        double[] p = points[index(size)];
        p[0] = seconds;
        p[1] = Double.NaN;
        p[2] = Double.NaN;
        p[3] = Double.NaN;
        p[column] = value;
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

    double time(int i) {
        return points[index(i)][0];
    }

    double sys(int i) {
        return points[index(i)][1];
    }

    double dia(int i) {
        return points[index(i)][2];
    }

    double mean(int i) {
        return points[index(i)][3];
    }

    private int index(int i) {
        return (start + i) % points.length;
    }
}
