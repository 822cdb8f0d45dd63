package org.vigil.ui.chart;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time axis's ticks: a step from a fixed ladder (1 s … 6 h) so that labels stand at least
 * {@code minPixels} apart, ticks on round local clock times, each labelled with the clock time
 * and, when an infusion start is known, the minutes since it ("+12 min", "−5 min").
 */
public final class TimeTicks {

    /** One tick: its time, the clock label and the label relative to the infusion start ("" when none). */
    public record Tick(long time, String clock, String sinceInfusion) {
    }

    static final long[] STEPS = {1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
        900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000};

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private TimeTicks() {
    }

    /** The smallest step of the ladder that puts ticks at least {@code minPixels} apart. */
    public static long step(double millisPerPixel, double minPixels) {
        for (long s : STEPS) {
            if (s / millisPerPixel >= minPixels) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /**
     * Ticks in [{@code start}, {@code end}] every {@code step} ms, aligned to local time in
     * {@code zone}; {@code infusionStart} is {@code Long.MIN_VALUE} when there is none.
     */
    public static List<Tick> ticks(long start, long end, long step, ZoneId zone, long infusionStart) {
        List<Tick> out = new ArrayList<>();
        long offset = zone.getRules().getOffset(Instant.ofEpochMilli(start)).getTotalSeconds() * 1000L;
        long first = Math.floorDiv(start + offset, step) * step - offset;
        if (first < start) {
            first += step;
        }
        DateTimeFormatter f = step < 60_000 ? HMS : HM;
        for (long t = first; t <= end && out.size() < 1000; t += step) {
            String clock = f.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), zone));
            out.add(new Tick(t, clock, infusionStart == Long.MIN_VALUE ? "" : sinceInfusion(t - infusionStart, step)));
        }
        return out;
    }

    /** "+12 min", "−5 min", "+0.5 min" (one decimal when the step is under a minute). */
    static String sinceInfusion(long millis, long step) {
        double minutes = millis / 60_000.0;
        String sign = minutes < 0 ? "\u2212" : "+";
        double a = Math.abs(minutes);
        if (step < 60_000) {
            return String.format(Locale.ROOT, "%s%.1f min", sign, a);
        }
        long m = Math.round(a);
        return (m == 0 ? "+" : sign) + m + " min";
    }
}
