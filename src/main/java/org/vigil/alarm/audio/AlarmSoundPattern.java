package org.vigil.alarm.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vigil.alarm.Priority;

/**
 * The audible alarm signal of one priority (IEC 60601-1-8 Tables 3 and 4): a burst of pulses,
 * repeated. Times follow the standard's definitions: a pulse's duration runs from the 50 %
 * amplitude point of its leading edge to that of its trailing edge; a spacing runs from one
 * pulse's trailing 50 % point to the next pulse's leading 50 % point; rise and fall times run
 * between the 10 % and 90 % amplitude points. {@code repeatInterval} runs from the start of one
 * burst (leading 50 % point of its first pulse) to the start of the next; the standard's
 * interburst interval is {@link #interburstInterval()} (end of a burst to start of the next).
 *
 * <p>The station's patterns ({@link #forPriority}):
 * <table>
 * <caption>Default alarm sounds</caption>
 * <tr><th></th><th>high</th><th>medium</th><th>low</th></tr>
 * <tr><td>pulses per burst</td><td>10 (3+2, 3+2)</td><td>3</td><td>2</td></tr>
 * <tr><td>pulse duration</td><td>120 ms</td><td>180 ms</td><td>180 ms</td></tr>
 * <tr><td>rise / fall time</td><td>18 ms (15 %)</td><td>27 ms (15 %)</td><td>27 ms (15 %)</td></tr>
 * <tr><td>spacings</td><td>80, 80, 280, 80, 500, 80, 80, 280, 80 ms</td><td>200, 200 ms</td><td>200 ms</td></tr>
 * <tr><td>burst duration</td><td>2.74 s</td><td>0.94 s</td><td>0.56 s</td></tr>
 * <tr><td>repeat interval (start to start)</td><td>6 s</td><td>7.5 s</td><td>16 s</td></tr>
 * <tr><td>interburst interval (end to start)</td><td>3.26 s</td><td>6.56 s</td><td>15.44 s</td></tr>
 * <tr><td>fundamental</td><td>600 Hz</td><td>500 Hz</td><td>440 Hz</td></tr>
 * <tr><td>harmonics 1-5 (relative amplitude)</td><td colspan="3">1.0, 0.7, 0.5, 0.4, 0.3
 *     (0, -3.1, -6.0, -8.0, -10.5 dB)</td></tr>
 * <tr><td>peak level (fraction of full scale)</td><td>0.9</td><td>0.8</td><td>0.7</td></tr>
 * </table>
 *
 * <p>The constructor rejects a pattern outside the standard's ranges (see {@link PatternRules}).
 *
 * @param priority           the alarm priority this pattern signals
 * @param pulseDuration      effective duration of every pulse
 * @param riseTime           10-90 % rise time of every pulse
 * @param fallTime           90-10 % fall time of every pulse
 * @param spacings           the {@code n - 1} spacings between the {@code n} pulses of a burst
 * @param repeatInterval     burst start to next burst start
 * @param fundamentalHz      pitch of the pulse, Hz
 * @param harmonicAmplitudes amplitude of harmonic 1 (the fundamental), 2, 3, ... relative to the
 *                           fundamental; the first entry is 1.0
 * @param level              peak sample amplitude as a fraction of full scale, in (0, 1]
 */
public record AlarmSoundPattern(
        Priority priority,
        Duration pulseDuration,
        Duration riseTime,
        Duration fallTime,
        List<Duration> spacings,
        Duration repeatInterval,
        double fundamentalHz,
        List<Double> harmonicAmplitudes,
        double level) {

    private static final List<Double> HARMONICS = List.of(1.0, 0.7, 0.5, 0.4, 0.3);

    private static final AlarmSoundPattern HIGH = new AlarmSoundPattern(Priority.HIGH,
            Duration.ofMillis(120), Duration.ofMillis(18), Duration.ofMillis(18),
            millis(80, 80, 280, 80, 500, 80, 80, 280, 80), Duration.ofMillis(6000),
            600.0, HARMONICS, 0.9);

    private static final AlarmSoundPattern MEDIUM = new AlarmSoundPattern(Priority.MEDIUM,
            Duration.ofMillis(180), Duration.ofMillis(27), Duration.ofMillis(27),
            millis(200, 200), Duration.ofMillis(7500),
            500.0, HARMONICS, 0.8);

    private static final AlarmSoundPattern LOW = new AlarmSoundPattern(Priority.LOW,
            Duration.ofMillis(180), Duration.ofMillis(27), Duration.ofMillis(27),
            millis(200), Duration.ofMillis(16000),
            440.0, HARMONICS, 0.7);

    public AlarmSoundPattern {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(pulseDuration, "pulseDuration");
        Objects.requireNonNull(riseTime, "riseTime");
        Objects.requireNonNull(fallTime, "fallTime");
        Objects.requireNonNull(repeatInterval, "repeatInterval");
        spacings = List.copyOf(spacings);
        harmonicAmplitudes = List.copyOf(harmonicAmplitudes);
        PatternRules.check(priority, pulseDuration, riseTime, fallTime, spacings, repeatInterval, fundamentalHz,
                harmonicAmplitudes, level);
    }

    /** The station's pattern for {@code priority} (see the table above). */
    public static AlarmSoundPattern forPriority(Priority priority) {
        return switch (Objects.requireNonNull(priority, "priority")) {
            case HIGH -> HIGH;
            case MEDIUM -> MEDIUM;
            case LOW -> LOW;
        };
    }

    /** Pulses per burst. */
    public int pulseCount() {
        return spacings.size() + 1;
    }

    /**
     * Leading 50 % point of each pulse, measured from the leading 50 % point of the first pulse
     * (so the first entry is zero).
     */
    public List<Duration> pulseOnsets() {
        List<Duration> onsets = new ArrayList<>(pulseCount());
        Duration t = Duration.ZERO;
        onsets.add(t);
        for (Duration s : spacings) {
            t = t.plus(pulseDuration).plus(s);
            onsets.add(t);
        }
        return List.copyOf(onsets);
    }

    /** From the leading 50 % point of the first pulse to the trailing 50 % point of the last. */
    public Duration burstDuration() {
        return pulseOnsets().get(pulseCount() - 1).plus(pulseDuration);
    }

    /** The standard's interburst interval: end of the last pulse to start of the next burst. */
    public Duration interburstInterval() {
        return repeatInterval.minus(burstDuration());
    }

    /**
     * How many pulses must sound before this signal may stop when its alarm condition goes away
     * (IEC 60601-1-8 §6.10 short alarms): all of the first burst for medium, half of it for high,
     * none beyond the pulse already sounding for low.
     */
    public int minimumPulses() {
        return switch (priority) {
            case HIGH -> (pulseCount() + 1) / 2;
            case MEDIUM -> pulseCount();
            case LOW -> 0;
        };
    }

    private static List<Duration> millis(long... values) {
        List<Duration> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(Duration.ofMillis(v));
        }
        return List.copyOf(list);
    }
}
