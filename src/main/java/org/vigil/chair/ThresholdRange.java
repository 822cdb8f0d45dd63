package org.vigil.chair;

/** The thresholds a chair may choose from for one alarm, both ends included, in the vital's unit. */
public record ThresholdRange(double min, double max) {

    public ThresholdRange {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("bad range " + min + ".." + max);
        }
    }

    public boolean contains(double v) {
        return v >= min && v <= max;
    }
}
