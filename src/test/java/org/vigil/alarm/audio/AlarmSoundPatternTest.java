package org.vigil.alarm.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.Priority;

class AlarmSoundPatternTest {

    private static final AlarmSoundPattern HIGH = AlarmSoundPattern.forPriority(Priority.HIGH);
    private static final AlarmSoundPattern MEDIUM = AlarmSoundPattern.forPriority(Priority.MEDIUM);
    private static final AlarmSoundPattern LOW = AlarmSoundPattern.forPriority(Priority.LOW);

    private static List<Duration> ms(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofMillis).toList();
    }

    private static AlarmSoundPattern medium(long pulseMs, long riseMs, List<Duration> spacings, long repeatMs, double f0,
            List<Double> harmonics) {
        return new AlarmSoundPattern(Priority.MEDIUM, Duration.ofMillis(pulseMs), Duration.ofMillis(riseMs),
                Duration.ofMillis(riseMs), spacings, Duration.ofMillis(repeatMs), f0, harmonics, 0.8);
    }

    @Test
    void eachPriorityHasItsIecPulseCount() {
        assertEquals(10, HIGH.pulseCount());
        assertEquals(3, MEDIUM.pulseCount());
        assertEquals(2, LOW.pulseCount());
        assertEquals(Priority.HIGH, HIGH.priority());
    }

    @Test
    void highPitchIsAboveMediumAndLow() {
        assertTrue(HIGH.fundamentalHz() > MEDIUM.fundamentalHz());
        assertTrue(MEDIUM.fundamentalHz() > LOW.fundamentalHz());
    }

    @Test
    void burstAndInterburstDurationsFollowFromPulsesAndSpacings() {
        assertEquals(Duration.ofMillis(2740), HIGH.burstDuration());
        assertEquals(Duration.ofMillis(3260), HIGH.interburstInterval());
        assertEquals(Duration.ofMillis(940), MEDIUM.burstDuration());
        assertEquals(Duration.ofMillis(560), LOW.burstDuration());
        assertEquals(ms(0, 200, 400, 800, 1000, 1620, 1820, 2020, 2420, 2620), HIGH.pulseOnsets());
    }

    @Test
    void shortAlarmMinimumIsHalfAHighBurstAndAWholeMediumBurst() {
        assertEquals(5, HIGH.minimumPulses());
        assertEquals(3, MEDIUM.minimumPulses());
        assertEquals(0, LOW.minimumPulses());
    }

    @Test
    void aConformingCustomPatternIsAccepted() {
        AlarmSoundPattern p = medium(150, 20, ms(150, 150), 5000, 700, List.of(1.0, 1.0, 1.0, 1.0, 1.0));

        assertEquals(3, p.pulseCount());
    }

    @Test
    void pulseLongerThan200MsIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> medium(220, 30, ms(200, 200), 7500, 500, MEDIUM.harmonicAmplitudes()));
        assertTrue(e.getMessage().contains("pulse duration"), e.getMessage());
    }

    @Test
    void riseTimeOutsideTenToTwentyPercentIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> medium(180, 10, ms(200, 200), 7500, 500, MEDIUM.harmonicAmplitudes()));
        assertTrue(e.getMessage().contains("rise time"), e.getMessage());
    }

    @Test
    void fundamentalAbove1000HzIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> medium(180, 27, ms(200, 200), 7500, 1200, MEDIUM.harmonicAmplitudes()));
    }

    @Test
    void fewerThanFourHarmonicsWithin15DbAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> medium(180, 27, ms(200, 200), 7500, 500, List.of(1.0, 0.7, 0.5, 0.4, 0.1)));
        assertTrue(e.getMessage().contains("harmonics"), e.getMessage());
    }

    @Test
    void wrongPulseCountForThePriorityIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> medium(180, 27, ms(200, 200, 200), 7500, 500, MEDIUM.harmonicAmplitudes()));
    }

    @Test
    void interburstIntervalShorterThanTheStandardIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new AlarmSoundPattern(Priority.HIGH,
                HIGH.pulseDuration(), HIGH.riseTime(), HIGH.fallTime(), HIGH.spacings(), Duration.ofMillis(5000),
                HIGH.fundamentalHz(), HIGH.harmonicAmplitudes(), HIGH.level()));
        assertTrue(e.getMessage().contains("interburst"), e.getMessage());
    }

    @Test
    void highBurstThatBreaksTheThreePlusTwoRhythmIsRejected() {
        List<Duration> even = ms(80, 80, 80, 80, 80, 80, 80, 80, 80);
        assertThrows(IllegalArgumentException.class, () -> new AlarmSoundPattern(Priority.HIGH,
                HIGH.pulseDuration(), HIGH.riseTime(), HIGH.fallTime(), even, HIGH.repeatInterval(),
                HIGH.fundamentalHz(), HIGH.harmonicAmplitudes(), HIGH.level()));
    }

    @Test
    void lowRepeatingSoonerThan15SecondsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new AlarmSoundPattern(Priority.LOW,
                LOW.pulseDuration(), LOW.riseTime(), LOW.fallTime(), LOW.spacings(), Duration.ofSeconds(10),
                LOW.fundamentalHz(), LOW.harmonicAmplitudes(), LOW.level()));
    }
}
