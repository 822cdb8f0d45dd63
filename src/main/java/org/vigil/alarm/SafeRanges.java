package org.vigil.alarm;

import java.time.Duration;
import java.util.Optional;
import org.vigil.domain.Decimals;
import org.vigil.domain.Durations;
import org.vigil.domain.Plausibility;

/**
 * The clinic-wide safe range of every alarm setting, in one place: whatever a configuration file,
 * the clinic defaults file or a chair's limit edit asks for, a value outside it is refused. It
 * keeps an alarm from being switched off without saying so (a threshold no patient can reach, a
 * 24 h delay or audio pause, a desaturation at low priority); switching an alarm off is always
 * explicit ({@code enabled: false}, or "Alarm off" at a chair) and shown on the tile.
 *
 * <table>
 *   <caption>Safe ranges and why</caption>
 *   <tr><th>setting</th><th>safe range</th><th>why</th></tr>
 *   <tr><td>threshold (absolute)</td><td>inside the vital's plausible range
 *       ({@link Plausibility}), reachable by a plausible value</td><td>a "low" limit at or below the
 *       lowest value a patient can have (SpO2 low 0) or a "high" limit above the highest never
 *       fires: it is an alarm switched off without the "alarm off" indication</td></tr>
 *   <tr><td>low vs. high limit of one vital</td><td>every low limit below every high limit</td>
 *       <td>otherwise every value alarms: the alarm says nothing</td></tr>
 *   <tr><td>threshold (rise from baseline)</td><td>{@value #MIN_RISE}-{@value #MAX_RISE} mmHg</td>
 *       <td>below 5 mmHg is within the cuff's own accuracy (ISO 81060-2: ±5 mmHg mean error), so it
 *       alarms on noise; a rise of more than 100 mmHg is beyond every high limit already</td></tr>
 *   <tr><td>condition delay</td><td>0 s-{@code 60s}; high priority 0 s-{@code 30s}</td><td>the
 *       clinical defaults are 0-15 s; a longer delay hides a real condition (IEC 60601-1-8 §6.4
 *       asks for the delays to be stated, we bound them)</td></tr>
 *   <tr><td>priority</td><td>never below the clinical default</td><td>a desaturation and the
 *       very-low/very-high tiers are high, the technical alarms that mean "not monitored" (no data,
 *       disconnected, sensor off, invalid data, audio or recording lost) medium; a clinic may raise
 *       a priority, never lower it</td></tr>
 *   <tr><td>audio pause</td><td>{@code 1m}-{@code 5m}</td><td>monitors offer 1-3 min (default 2
 *       min); past 5 min the pause is an "audio off" (IEC 60601-1-8 §6.8) without its
 *       indication</td></tr>
 *   <tr><td>escalation of an unacknowledged medium alarm</td><td>{@code 1m}-{@code 10m}, or
 *       {@code off}</td><td>a longer time is escalation switched off without saying so</td></tr>
 *   <tr><td>device silence timeout</td><td>{@code 3s}-{@code 60s}</td><td>the devices send once a
 *       second: below 3 s a late message raises "no data"; past a minute a dead link goes
 *       unannounced</td></tr>
 *   <tr><td>NIBP interval</td><td>{@code 1m}-{@code 60m}</td><td>ASA: every 5 min during the
 *       infusion, 5-15 min in recovery</td></tr>
 *   <tr><td>NIBP grace</td><td>0 s-{@code 5m}</td><td>one more cuff cycle at most before "NIBP
 *       overdue"</td></tr>
 * </table>
 * The clinic's own bounds for chair edits ({@code alarms.bounds}) must lie inside these ranges.
 */
public final class SafeRanges {

    /** The smallest threshold of a rise from baseline, mmHg. */
    public static final double MIN_RISE = 5;
    /** The largest threshold of a rise from baseline, mmHg. */
    public static final double MAX_RISE = 100;
    /** The longest condition delay. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);
    /** The longest condition delay of a high-priority alarm. */
    public static final Duration MAX_DELAY_HIGH = Duration.ofSeconds(30);
    public static final Duration MIN_AUDIO_PAUSE = Duration.ofMinutes(1);
    public static final Duration MAX_AUDIO_PAUSE = Duration.ofMinutes(5);
    public static final Duration MIN_ESCALATION = Duration.ofMinutes(1);
    public static final Duration MAX_ESCALATION = Duration.ofMinutes(10);
    public static final Duration MIN_SILENCE_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration MAX_SILENCE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration MIN_NIBP_INTERVAL = Duration.ofMinutes(1);
    public static final Duration MAX_NIBP_INTERVAL = Duration.ofMinutes(60);
    public static final Duration MAX_NIBP_GRACE = Duration.ofMinutes(5);

    /**
     * Why a threshold is refused.
     *
     * @param reason in words for the message, starting with the threshold
     * @param switchesOff true when the threshold can never be reached: the caller says how to
     *     switch the alarm off explicitly
     */
    public record Refusal(String reason, boolean switchesOff) {
    }

    private SafeRanges() {
    }

    /** Why {@code threshold} is outside the safe range of {@code rule}; empty when inside. */
    public static Optional<Refusal> threshold(LimitRule rule, double threshold) {
        String t = Decimals.format(threshold);
        if (!Double.isFinite(threshold)) {
            return Optional.of(new Refusal(t + " is not a number", false));
        }
        if (rule.reference() == LimitReference.BASELINE) {
            if (threshold < MIN_RISE || threshold > MAX_RISE) {
                return Optional.of(new Refusal(t + " is outside the safe range " + Decimals.format(MIN_RISE) + ".."
                        + Decimals.format(MAX_RISE) + " for " + what(rule), false));
            }
            return Optional.empty();
        }
        double min = Plausibility.min(rule.vital());
        double max = Plausibility.max(rule.vital());
        String plausible = Decimals.format(min) + ".." + Decimals.format(max);
        String unit = rule.vital().unit().symbol();
        boolean low = rule.direction() == Direction.LOW;
        boolean unreachable = low
                ? (rule.inclusive() ? threshold < min : threshold <= min)
                : (rule.inclusive() ? threshold > max : threshold >= max);
        if (unreachable) {
            return Optional.of(new Refusal(t + " can never be reached (" + rule.vital().key() + " is never "
                    + (low ? "below " + Decimals.format(min) : "above " + Decimals.format(max)) + " " + unit + ")",
                    true));
        }
        if (threshold < min || threshold > max) {
            return Optional.of(new Refusal(t + " is outside the plausible range " + plausible + " for " + what(rule),
                    false));
        }
        return Optional.empty();
    }

    /**
     * Why {@code rule}'s threshold would cross a limit on the other side of the same vital in
     * {@code config} (a low limit at or above a high limit: every value alarms); empty when not.
     */
    public static Optional<String> crossing(AlarmConfig config, LimitRule rule) {
        if (rule.reference() != LimitReference.ABSOLUTE) {
            return Optional.empty();
        }
        for (LimitRule other : config.rules()) {
            if (other.id().equals(rule.id()) || other.vital() != rule.vital()
                    || other.reference() != LimitReference.ABSOLUTE || other.direction() == rule.direction()) {
                continue;
            }
            boolean low = rule.direction() == Direction.LOW;
            if (low ? rule.threshold() >= other.threshold() : rule.threshold() <= other.threshold()) {
                return Optional.of(Decimals.format(rule.threshold()) + " is not " + (low ? "below" : "above") + " the "
                        + (low ? "high" : "low") + " limit " + other.id() + " (" + Decimals.format(other.threshold())
                        + "): every value would alarm");
            }
        }
        return Optional.empty();
    }

    /** Why {@code delay} is outside the safe condition delays of an alarm of {@code priority}; empty when inside. */
    public static Optional<String> delay(Priority priority, Duration delay) {
        Duration max = priority == Priority.HIGH ? MAX_DELAY_HIGH : MAX_DELAY;
        if (delay.compareTo(max) > 0) {
            return Optional.of("delay " + Durations.format(delay) + " is longer than " + Durations.format(max)
                    + (priority == Priority.HIGH ? ", the longest for a high-priority alarm" : ", the longest allowed")
                    + ": a long delay hides a real condition");
        }
        return Optional.empty();
    }

    /** Why {@code chosen} is below the default priority of alarm {@code id}; empty when not. */
    public static Optional<String> priority(String id, Priority defaultPriority, Priority chosen) {
        if (chosen.compareTo(defaultPriority) < 0) {
            return Optional.of("priority " + chosen.key() + " is below " + defaultPriority.key() + ", the clinical"
                    + " default of " + id + ": a priority may be raised, never lowered");
        }
        return Optional.empty();
    }

    /** Why {@code pause} is outside the safe audio pause; empty when inside. */
    public static Optional<String> audioPause(Duration pause) {
        return within(pause, MIN_AUDIO_PAUSE, MAX_AUDIO_PAUSE, "audio pause");
    }

    /** Why {@code after} is outside the safe escalation time; empty when inside (escalation off is {@code null}). */
    public static Optional<String> escalation(Duration after) {
        if (after != null && after.compareTo(MAX_ESCALATION) > 0) {
            return Optional.of("escalation after " + Durations.format(after) + " is longer than "
                    + Durations.format(MAX_ESCALATION) + ": write off to switch escalation off");
        }
        return after == null ? Optional.empty() : within(after, MIN_ESCALATION, MAX_ESCALATION, "escalation");
    }

    /** Why {@code timeout} is outside the safe device silence timeouts; empty when inside. */
    public static Optional<String> silenceTimeout(Duration timeout) {
        return within(timeout, MIN_SILENCE_TIMEOUT, MAX_SILENCE_TIMEOUT, "silence timeout");
    }

    /** Why {@code interval} is outside the safe NIBP intervals; empty when inside. */
    public static Optional<String> nibpInterval(Duration interval) {
        return within(interval, MIN_NIBP_INTERVAL, MAX_NIBP_INTERVAL, "NIBP interval");
    }

    /** Why {@code grace} is outside the safe NIBP grace; empty when inside. */
    public static Optional<String> nibpGrace(Duration grace) {
        return within(grace, Duration.ZERO, MAX_NIBP_GRACE, "NIBP grace");
    }

    private static Optional<String> within(Duration d, Duration min, Duration max, String what) {
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            return Optional.of(what + " " + Durations.format(d) + " is outside the safe range "
                    + Durations.format(min) + ".." + Durations.format(max));
        }
        return Optional.empty();
    }

    private static String what(LimitRule rule) {
        String unit = " (" + rule.vital().unit().symbol() + ")";
        if (rule.reference() == LimitReference.BASELINE) {
            return "a rise of " + rule.vital().key() + unit;
        }
        return rule.vital().key() + unit;
    }
}
