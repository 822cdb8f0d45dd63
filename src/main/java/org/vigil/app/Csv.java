package org.vigil.app;

/** Small CSV helpers for command output. */
final class Csv {

    private Csv() {
    }

    /** A value as printed in CSV: empty when absent, no trailing {@code .0} for whole numbers. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s;
    }
}
