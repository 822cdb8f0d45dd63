package org.vigil.ui;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import org.vigil.domain.ReadingFlag;

/** Text formats shared by the chair screen's view models. */
final class Formats {

    /** What an absent numeric shows. */
    static final String DASHES = "---";

    private Formats() {
    }

    /** {@code mm:ss}; minutes grow past 59 ({@code 125:03}); negative durations print {@code 00:00}. */
    static String mmss(Duration d) {
        long s = d.isNegative() ? 0 : d.getSeconds();
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /** Like {@link #mmss} but rounding a fraction of a second up, for countdowns. */
    static String countdown(Duration remaining) {
        if (remaining.isNegative() || remaining.isZero()) {
            return mmss(Duration.ZERO);
        }
        long s = remaining.getSeconds() + (remaining.getNano() > 0 ? 1 : 0);
        return mmss(Duration.ofSeconds(s));
    }

    /** {@code m:ss} under an hour, {@code h:mm:ss} from then on. */
    static String elapsed(Duration d) {
        long s = d.isNegative() ? 0 : d.getSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Rounds to {@code decimals} places; {@link #DASHES} for NaN. */
    static String number(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return DASHES;
        }
        if (decimals == 0) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A threshold as set by the clinic: no decimals when whole. */
    static String threshold(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** "x min ago" for the age of a cuff reading. */
    static String minutesAgo(Duration age) {
        long min = age.isNegative() ? 0 : age.toMinutes();
        return min < 1 ? "<1 min ago" : min + " min ago";
    }

    /** "12 s ago" under a minute, then "3 min ago", for the age of a value that stopped updating. */
    static String ago(Duration age) {
        long s = age.isNegative() ? 0 : age.getSeconds();
        return s < 60 ? s + " s ago" : (s / 60) + " min ago";
    }

    /**
     * Screen text for reading flags, most important first, each a word a nurse can read without a
     * legend ({@code SENSOR OFF}, {@code ? artifact: cuff inflating on the same arm}), joined with
     * " · "; empty when no flag needs showing. {@link ReadingFlag#INVALID} alone shows nothing: the
     * dashes say it.
     */
    static String flags(Set<ReadingFlag> flags) {
        StringJoiner j = new StringJoiner(" \u00B7 ");
        for (ReadingFlag f : ReadingFlag.values()) {
            if (flags.contains(f)) {
                String t = flag(f);
                if (!t.isEmpty()) {
                    j.add(t);
                }
            }
        }
        return j.toString();
    }

    /** The "?" marker's explanation: the station marks SpO2 and PR only during a same-arm cuff inflation. */
    static final String ARTIFACT = "? artifact: cuff inflating on the same arm";
    /** A cuff measurement under way. */
    static final String CUFF = "CUFF inflating";
    /** A value that stopped updating (its device silent). */
    static final String NO_DATA = "NO DATA";
    /** The device sent a value no patient can have: it is not shown as a number. */
    static final String INVALID_DATA = "INVALID DATA: value not possible";

    private static String flag(ReadingFlag f) {
        return switch (f) {
            case INVALID, DEVICE_ALARM, DEVICE_ALARM_SILENCED -> "";
            case NO_SENSOR -> "NO SENSOR";
            case SENSOR_OFF -> "SENSOR OFF";
            case SENSOR_FAULT -> "SENSOR FAULT";
            case LOW_PERFUSION -> "LOW PERFUSION";
            case PULSE_SEARCH -> "PULSE SEARCH";
            case INTERFERENCE -> "INTERFERENCE";
            case LOW_SIGNAL_QUALITY -> "LOW SIGNAL QUALITY";
            case CUFF_INFLATING -> CUFF;
            case DEMO_DATA -> "DEMO DATA";
            case QUESTIONABLE -> ARTIFACT;
            case IMPLAUSIBLE -> INVALID_DATA;
        };
    }
}
