package org.vigil.alarm.audio;

import java.time.Duration;
import java.util.List;
import org.vigil.alarm.Priority;

/**
 * The IEC 60601-1-8 (Tables 3 and 4) ranges an {@link AlarmSoundPattern} must respect, checked
 * when a pattern is built so that no configuration can produce a non-conforming sound.
 *
 * <table>
 * <caption>Ranges enforced</caption>
 * <tr><th></th><th>high</th><th>medium</th><th>low</th></tr>
 * <tr><td>pulses</td><td>10</td><td>3</td><td>1 or 2</td></tr>
 * <tr><td>pulse duration</td><td>75-200 ms</td><td>125-200 ms</td><td>125-200 ms</td></tr>
 * <tr><td>spacing</td><td>x = 50-125 ms; 3rd-4th and 8th-9th 2x + td; 5th-6th 0.35-1.30 s</td>
 *     <td>y = 125-250 ms</td><td>y = 125-250 ms</td></tr>
 * <tr><td>interburst interval (end to start)</td><td>&ge; 2.5 s</td><td>&ge; 2.5 s</td><td>&ge; 15 s</td></tr>
 * <tr><td>repeat interval (start to start)</td><td>&le; 15 s</td><td>&le; 30 s</td><td>-</td></tr>
 * </table>
 * All priorities: rise and fall time 10-20 % of the pulse duration; x and y vary by at most
 * 5 % within a burst; fundamental 150-1000 Hz; at least 4 harmonics above the fundamental lie
 * in 300-4000 Hz within 15 dB of the fundamental; level in (0, 1]. Medium and low pulses stay
 * within both the standard's 125-250 ms and the station's 75-200 ms.
 */
final class PatternRules {

    /** Fraction of a raised-cosine ramp's full length spent between its 10 % and 90 % points. */
    static final double RAMP_10_90_FRACTION = 1.0 - 2.0 * Math.acos(0.8) / Math.PI;

    private static final double MAX_HARMONIC_RATIO = Math.pow(10, 15.0 / 20.0);

    private PatternRules() {
    }

    static void check(Priority priority, Duration td, Duration rise, Duration fall, List<Duration> spacings,
            Duration repeat, double f0, List<Double> harmonics, double level) {
        int n = spacings.size() + 1;
        switch (priority) {
            case HIGH -> {
                require(n == 10, "a high priority burst has 10 pulses, not " + n);
                within("pulse duration", td, 75, 200);
                checkHighSpacings(td, spacings);
                require(repeat.toMillis() <= 15_000, "high priority repeat interval must be at most 15 s");
            }
            case MEDIUM -> {
                require(n == 3, "a medium priority burst has 3 pulses, not " + n);
                within("pulse duration", td, 125, 200);
                checkEvenSpacings(spacings);
                require(repeat.toMillis() <= 30_000, "medium priority repeat interval must be at most 30 s");
            }
            case LOW -> {
                require(n == 1 || n == 2, "a low priority burst has 1 or 2 pulses, not " + n);
                within("pulse duration", td, 125, 200);
                checkEvenSpacings(spacings);
            }
        }
        within("rise time", rise, td.toNanos() * 0.10 / 1e6, td.toNanos() * 0.20 / 1e6);
        within("fall time", fall, td.toNanos() * 0.10 / 1e6, td.toNanos() * 0.20 / 1e6);
        double rampOverlap = (rise.toNanos() + fall.toNanos()) / (2.0 * RAMP_10_90_FRACTION);
        for (Duration s : spacings) {
            require(s.toNanos() >= rampOverlap, "spacing " + s.toMillis() + " ms is too short for the ramps");
        }
        Duration burst = td.multipliedBy(n).plus(spacings.stream().reduce(Duration.ZERO, Duration::plus));
        double minInterburst = priority == Priority.LOW ? 15_000 : 2_500;
        require(repeat.minus(burst).toMillis() >= minInterburst,
                "interburst interval " + repeat.minus(burst).toMillis() + " ms is shorter than " + (long) minInterburst
                        + " ms");
        require(f0 >= 150 && f0 <= 1000, "fundamental must be 150-1000 Hz, not " + f0);
        checkHarmonics(f0, harmonics);
        require(level > 0 && level <= 1, "level must be in (0, 1], not " + level);
    }

    private static void checkHighSpacings(Duration td, List<Duration> s) {
        double x = ms(s.get(0));
        require(x >= 50 && x <= 125, "high priority spacing x must be 50-125 ms, not " + x);
        for (int i : new int[] {0, 1, 3, 5, 6, 8}) {
            require(Math.abs(ms(s.get(i)) - x) <= 0.05 * x, "high priority spacing " + (i + 1) + " must equal x");
        }
        double twoXPlusTd = 2 * x + ms(td);
        for (int i : new int[] {2, 7}) {
            require(Math.abs(ms(s.get(i)) - twoXPlusTd) <= 0.05 * twoXPlusTd,
                    "high priority spacing " + (i + 1) + " must be 2x + td = " + twoXPlusTd + " ms");
        }
        within("high priority spacing between pulses 5 and 6", s.get(4), 350, 1300);
    }

    private static void checkEvenSpacings(List<Duration> spacings) {
        if (spacings.isEmpty()) {
            return;
        }
        double y = ms(spacings.get(0));
        require(y >= 125 && y <= 250, "spacing y must be 125-250 ms, not " + y);
        for (Duration s : spacings) {
            require(Math.abs(ms(s) - y) <= 0.05 * y, "spacings within a burst must be equal (within 5 %)");
        }
    }

    private static void checkHarmonics(double f0, List<Double> harmonics) {
        require(!harmonics.isEmpty() && Math.abs(harmonics.get(0) - 1.0) < 1e-9,
                "the first harmonic amplitude (the fundamental) must be 1.0");
        int counted = 0;
        for (int k = 1; k < harmonics.size(); k++) {
            double a = harmonics.get(k);
            require(a >= 0 && Double.isFinite(a), "harmonic amplitudes must be finite and not negative");
            double f = f0 * (k + 1);
            if (f >= 300 && f <= 4000 && a >= 1 / MAX_HARMONIC_RATIO && a <= MAX_HARMONIC_RATIO) {
                counted++;
            }
        }
        require(counted >= 4, "at least 4 harmonics in 300-4000 Hz within 15 dB of the fundamental are needed, found "
                + counted);
    }

    private static void within(String what, Duration d, double minMs, double maxMs) {
        double v = ms(d);
        require(v >= minMs - 1e-9 && v <= maxMs + 1e-9,
                what + " must be " + fmt(minMs) + "-" + fmt(maxMs) + " ms, not " + fmt(v) + " ms");
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String fmt(double ms) {
        return ms == Math.rint(ms) ? Long.toString((long) ms) : String.format(java.util.Locale.ROOT, "%.1f", ms);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
