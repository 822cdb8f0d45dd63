package org.vigil.alarm.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.alarm.Priority;

class ToneSynthesizerTest {

    private static final int RATE = ToneSynthesizer.DEFAULT_SAMPLE_RATE;
    private final ToneSynthesizer synth = new ToneSynthesizer();

    private static List<PcmAnalysis.Pulse> pulsesOf(short[] pcm, int rate, AlarmSoundPattern p) {
        return new PcmAnalysis(pcm, rate, p.fundamentalHz()).pulses();
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    /** Spacings between consecutive pulses: trailing 50 % point to next leading 50 % point. */
    private static double[] gaps(List<PcmAnalysis.Pulse> pulses) {
        double[] gaps = new double[pulses.size() - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = pulses.get(i + 1).startMs() - pulses.get(i).endMs();
        }
        return gaps;
    }

    @Test
    void highPriorityBurstHasTenPulsesInThreePlusTwoRhythm() {
        AlarmSoundPattern high = AlarmSoundPattern.forPriority(Priority.HIGH);
        List<PcmAnalysis.Pulse> pulses = pulsesOf(synth.renderBurst(high), RATE, high);

        assertEquals(10, pulses.size());
        double[] gaps = gaps(pulses);
        double x = gaps[0];
        assertTrue(x >= 50 && x <= 125, "x = " + x + " ms");
        // x x x — x x ——— x x x — x x
        StringBuilder rhythm = new StringBuilder("x");
        for (double g : gaps) {
            rhythm.append(g < 1.5 * x ? " x" : g < 350 ? " - x" : " --- x");
        }
        assertEquals("x x x - x x --- x x x - x x", rhythm.toString());
        double td = ms(high.pulseDuration());
        assertEquals(2 * x + td, gaps[2], 5, "3rd to 4th spacing is 2x + td");
        assertEquals(2 * x + td, gaps[7], 5, "8th to 9th spacing is 2x + td");
        assertTrue(gaps[4] >= 350 && gaps[4] <= 1300, "5th to 6th spacing " + gaps[4] + " ms");
    }

    @Test
    void mediumPriorityBurstHasThreeEvenlySpacedPulses() {
        AlarmSoundPattern medium = AlarmSoundPattern.forPriority(Priority.MEDIUM);
        List<PcmAnalysis.Pulse> pulses = pulsesOf(synth.renderBurst(medium), RATE, medium);

        assertEquals(3, pulses.size());
        for (double g : gaps(pulses)) {
            assertTrue(g >= 125 && g <= 250, "spacing y = " + g + " ms");
            assertEquals(ms(medium.spacings().get(0)), g, 5);
        }
    }

    @Test
    void lowPriorityBurstHasOneOrTwoPulses() {
        AlarmSoundPattern low = AlarmSoundPattern.forPriority(Priority.LOW);
        List<PcmAnalysis.Pulse> pulses = pulsesOf(synth.renderBurst(low), RATE, low);

        assertTrue(pulses.size() == 1 || pulses.size() == 2, pulses.size() + " pulses");
        assertEquals(low.pulseCount(), pulses.size());
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void measuredSpacingsMatchThePattern(Priority priority) {
        AlarmSoundPattern p = AlarmSoundPattern.forPriority(priority);
        double[] gaps = gaps(pulsesOf(synth.renderBurst(p), RATE, p));

        assertEquals(p.spacings().size(), gaps.length);
        for (int i = 0; i < gaps.length; i++) {
            assertEquals(ms(p.spacings().get(i)), gaps[i], 5, "spacing " + (i + 1));
        }
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void pulseDurationsMatchThePatternAndStayWithin75To200Ms(Priority priority) {
        AlarmSoundPattern p = AlarmSoundPattern.forPriority(priority);
        for (PcmAnalysis.Pulse pulse : pulsesOf(synth.renderBurst(p), RATE, p)) {
            assertEquals(ms(p.pulseDuration()), pulse.durationMs(), 5);
            assertTrue(pulse.durationMs() >= 75 && pulse.durationMs() <= 200, pulse.durationMs() + " ms");
        }
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void riseAndFallTimesAreTenToTwentyPercentOfThePulse(Priority priority) {
        AlarmSoundPattern p = AlarmSoundPattern.forPriority(priority);
        for (PcmAnalysis.Pulse pulse : pulsesOf(synth.renderBurst(p), RATE, p)) {
            double td = pulse.durationMs();
            assertTrue(pulse.riseMs() >= 0.10 * td && pulse.riseMs() <= 0.20 * td, "rise " + pulse.riseMs() + " ms");
            assertTrue(pulse.fallMs() >= 0.10 * td && pulse.fallMs() <= 0.20 * td, "fall " + pulse.fallMs() + " ms");
            assertEquals(ms(p.riseTime()), pulse.riseMs(), 2.5);
            assertEquals(ms(p.fallTime()), pulse.fallMs(), 2.5);
        }
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void fundamentalIsWithinTwoPercentOfThePattern(Priority priority) {
        AlarmSoundPattern p = AlarmSoundPattern.forPriority(priority);
        short[] burst = synth.renderBurst(p);
        PcmAnalysis analysis = new PcmAnalysis(burst, RATE, p.fundamentalHz());
        PcmAnalysis.Pulse first = analysis.pulses().get(0);

        double f0 = analysis.strongestFrequency(150, 1000, first.startSample(), first.endSample());

        assertEquals(p.fundamentalHz(), f0, 0.02 * p.fundamentalHz());
        assertTrue(f0 >= 150 && f0 <= 1000);
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void atLeastFourHarmonicsLieWithin15DbOfTheFundamental(Priority priority) {
        AlarmSoundPattern p = AlarmSoundPattern.forPriority(priority);
        short[] burst = synth.renderBurst(p);
        PcmAnalysis analysis = new PcmAnalysis(burst, RATE, p.fundamentalHz());
        PcmAnalysis.Pulse first = analysis.pulses().get(0);
        int from = first.startSample();
        int to = first.endSample();
        double f0 = analysis.strongestFrequency(150, 1000, from, to);
        double fundamental = analysis.amplitudeAt(f0, from, to);

        int within = 0;
        for (int k = 2; k * f0 <= 4000; k++) {
            double db = 20 * Math.log10(analysis.amplitudeAt(k * f0, from, to) / fundamental);
            if (k * f0 >= 300 && Math.abs(db) <= 15) {
                within++;
            }
        }
        assertTrue(within >= 4, within + " harmonics within 15 dB");
        // and the sound is not a pure tone by accident: a frequency between harmonics is far down
        double between = 20 * Math.log10(analysis.amplitudeAt(1.5 * f0, from, to) / fundamental);
        assertTrue(between < -40, "energy between harmonics " + between + " dB");
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void burstsRepeatAtThePatternIntervalLeavingTheIecInterburstGap(Priority priority) {
        AlarmSoundPattern p = AlarmSoundPattern.forPriority(priority);
        short[] cycle = synth.renderCycle(p);
        short[] twoCycles = new short[cycle.length * 2];
        System.arraycopy(cycle, 0, twoCycles, 0, cycle.length);
        System.arraycopy(cycle, 0, twoCycles, cycle.length, cycle.length);
        List<PcmAnalysis.Pulse> pulses = pulsesOf(twoCycles, RATE, p);
        int n = p.pulseCount();

        assertEquals(2 * n, pulses.size());
        double repeat = pulses.get(n).startMs() - pulses.get(0).startMs();
        assertEquals(ms(p.repeatInterval()), repeat, 5);
        double interburst = pulses.get(n).startMs() - pulses.get(n - 1).endMs();
        switch (priority) {
            case HIGH -> assertTrue(interburst >= 2500 && repeat <= 15000, interburst + " / " + repeat);
            case MEDIUM -> assertTrue(interburst >= 2500 && repeat <= 30000, interburst + " / " + repeat);
            case LOW -> assertTrue(interburst >= 15000, interburst + " ms");
        }
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void cycleIsTheBurstFollowedBySilenceUntilTheNextBurst(Priority priority) {
        AlarmSoundPattern p = AlarmSoundPattern.forPriority(priority);
        short[] burst = synth.renderBurst(p);
        short[] cycle = synth.renderCycle(p);

        assertEquals(Math.round(ms(p.repeatInterval()) * RATE / 1000), cycle.length);
        for (int i = 0; i < cycle.length; i++) {
            assertEquals(i < burst.length ? burst[i] : 0, cycle[i], "sample " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void peakLevelIsThePatternLevelWithoutClipping(Priority priority) {
        AlarmSoundPattern p = AlarmSoundPattern.forPriority(priority);
        int max = 0;
        for (short s : synth.renderBurst(p)) {
            max = Math.max(max, Math.abs(s));
        }
        assertEquals(p.level() * Short.MAX_VALUE, max, 0.01 * Short.MAX_VALUE);
    }

    @Test
    void renderingIsDeterministicAndReturnsFreshArrays() {
        AlarmSoundPattern p = AlarmSoundPattern.forPriority(Priority.HIGH);
        short[] a = synth.renderBurst(p);
        short[] b = new ToneSynthesizer().renderBurst(p);

        assertArrayEquals(a, b);
        assertNotSame(a, synth.renderBurst(p));
        a[100] = 12345;
        assertArrayEquals(b, synth.renderBurst(p), "a caller's change must not leak into later renders");
    }

    @Test
    void otherSampleRatesKeepTheSameTiming() {
        AlarmSoundPattern p = AlarmSoundPattern.forPriority(Priority.HIGH);
        List<PcmAnalysis.Pulse> at48k = pulsesOf(new ToneSynthesizer(48_000).renderBurst(p), 48_000, p);
        List<PcmAnalysis.Pulse> at44k = pulsesOf(synth.renderBurst(p), RATE, p);

        assertEquals(at44k.size(), at48k.size());
        for (int i = 0; i < at44k.size(); i++) {
            assertEquals(at44k.get(i).startMs(), at48k.get(i).startMs(), 0.5);
            assertEquals(at44k.get(i).endMs(), at48k.get(i).endMs(), 0.5);
        }
    }

    @Test
    void unusableSampleRateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ToneSynthesizer(4_000));
    }

    @Test
    void littleEndianBytesPutTheLowByteFirst() {
        byte[] bytes = ToneSynthesizer.toLittleEndianBytes(new short[] {0x1234, -2});

        assertArrayEquals(new byte[] {0x34, 0x12, (byte) 0xFE, (byte) 0xFF}, bytes);
    }
}
