package org.vigil.domain;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the human durations used in configuration and scenario files:
 * {@code 90s}, {@code 5m}, {@code 1h}, {@code 1h2m30s}, {@code 250ms}, {@code 1.5s}, and a bare
 * {@code 0}.
 */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+(?:\\.\\d+)?)s)?(?:(\\d+)ms)?");

    private Durations() {
    }

    /**
     * Parses {@code text}; throws {@link IllegalArgumentException} naming the text and the
     * expected form when it is not a duration.
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration (expected e.g. 90s, 5m, 1h2m30s)");
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = WHOLE.matcher(t);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null && m.group(4) == null)) {
            throw new IllegalArgumentException("bad duration '" + text + "' (expected e.g. 90s, 5m, 1h2m30s)");
        }
        Duration d = Duration.ZERO;
        if (m.group(1) != null) {
            d = d.plusHours(Long.parseLong(m.group(1)));
        }
        if (m.group(2) != null) {
            d = d.plusMinutes(Long.parseLong(m.group(2)));
        }
        if (m.group(3) != null) {
            d = d.plusNanos(Math.round(Double.parseDouble(m.group(3)) * 1_000_000_000L));
        }
        if (m.group(4) != null) {
            d = d.plusMillis(Long.parseLong(m.group(4)));
        }
        return d;
    }

    /** Prints {@code d} in the same form, e.g. {@code 1h2m30s}; zero prints {@code 0s}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        int ms = d.toMillisPart();
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (m > 0) {
            sb.append(m).append('m');
        }
        if (s > 0) {
            sb.append(s).append('s');
        }
        if (ms > 0) {
            sb.append(ms).append("ms");
        }
        return sb.toString();
    }
}
