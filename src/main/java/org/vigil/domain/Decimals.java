package org.vigil.domain;

/** Prints a threshold or value in messages and log details: whole numbers without a trailing ".0". */
public final class Decimals {

    private Decimals() {
    }

    /** {@code 90} for 90.0, {@code 3.5} for 3.5. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
