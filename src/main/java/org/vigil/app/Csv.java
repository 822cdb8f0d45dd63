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

    /**
     * A text field as RFC 4180 prints it: as it is, or in double quotes (inner quotes doubled) when
     * it holds a comma, a quote or a line break; empty for null.
     */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
        }
        return s;
    }
}
