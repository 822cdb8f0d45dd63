package org.vigil.session;

/** Prints thresholds in log details and messages without a trailing ".0". */
final class Thresholds {

    private Thresholds() {
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
