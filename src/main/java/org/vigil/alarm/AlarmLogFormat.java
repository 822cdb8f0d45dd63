package org.vigil.alarm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The alarm log as CSV, the format the scenario runner prints and the session export uses:
 * {@value #HEADER}. Times are seconds since a given t = 0, printed as an integer when whole,
 * otherwise with up to three decimals; values and limits print without a trailing {@code .0}
 * ({@code 86}, {@code 97.5}); null fields are empty.
 */
public final class AlarmLogFormat {

    /** The CSV header line (no line terminator). */
    public static final String HEADER = "t_seconds,event,alarm_id,priority,parameter,value,limit";

    private AlarmLogFormat() {
    }

    /** One CSV row (no line terminator) for {@code e}, its time measured from {@code t0}. */
    public static String row(AlarmEvent e, Instant t0) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(seconds(Duration.between(t0, e.time()))).append(',')
                .append(e.type().key()).append(',')
                .append(field(e.alarmId())).append(',')
                .append(e.priority().key()).append(',')
                .append(field(e.parameter())).append(',')
                .append(number(e.value())).append(',')
                .append(number(e.limit()));
        return sb.toString();
    }

    /** Seconds of {@code d}: {@code 75} when whole, else up to three decimals ({@code 75.25}). */
    public static String seconds(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000_000L == 0) {
            return Long.toString(nanos / 1_000_000_000L);
        }
        return plain(BigDecimal.valueOf(nanos, 9));
    }

    /** A value without a trailing {@code .0} and with at most three decimals; empty for null or NaN. */
    public static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "";
        }
        double d = v;
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return plain(BigDecimal.valueOf(d));
    }

    private static String plain(BigDecimal b) {
        BigDecimal r = b.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        if (r.signum() == 0) {
            return "0";
        }
        return r.toPlainString();
    }

    private static String field(String s) {
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
