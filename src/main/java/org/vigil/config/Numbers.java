package org.vigil.config;

/** Prints thresholds without a trailing ".0". */
final class Numbers {

    private Numbers() {
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
