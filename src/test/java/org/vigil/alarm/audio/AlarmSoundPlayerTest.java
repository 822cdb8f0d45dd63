package org.vigil.alarm.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.Priority;

class AlarmSoundPlayerTest {

    private static final int RATE = ToneSynthesizer.DEFAULT_SAMPLE_RATE;
    private static final int CHUNK = RATE / 50;

    private final ToneSynthesizer synth = new ToneSynthesizer();
    private final FakeAudioOutput output = new FakeAudioOutput();
    private final RecordingListener listener = new RecordingListener();
    private final MutableClock clock = new MutableClock();
    private AlarmSoundPlayer player;

    /** A clock the test moves by hand. */
    static final class MutableClock implements InstantSource {
        private volatile Instant now = Instant.parse("2025-01-01T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    static final class RecordingListener implements UnavailableListener {
        final List<String> events = new ArrayList<>();

        @Override
        public synchronized void onUnavailable(String reason) {
            events.add("unavailable: " + reason);
        }

        @Override
        public synchronized void onAvailable() {
            events.add("available");
        }

        synchronized List<String> events() {
            return List.copyOf(events);
        }
    }

    /** A sleeper that never waits: it moves the test clock instead. */
    private final Sleeper virtualSleeper = new Sleeper() {
        @Override
        public void sleep(Duration duration) {
            clock.advance(duration);
        }

        @Override
        public void wake() {
        }
    };

    private AlarmSoundPlayer manualPlayer() {
        player = new AlarmSoundPlayer(output, listener, synth, clock, virtualSleeper, false);
        return player;
    }

    @AfterEach
    void closePlayer() {
        if (player != null) {
            player.close();
        }
    }

    /** Steps until a step writes nothing; returns the number of steps that wrote. */
    private int stepUntilIdle() {
        for (int steps = 0; steps < 100_000; steps++) {
            int before = output.writtenCount();
            player.step();
            if (output.writtenCount() == before) {
                return steps;
            }
        }
        throw new AssertionError("player never went idle");
    }

    private void stepUntilWritten(int samples) {
        while (output.writtenCount() < samples) {
            int before = output.writtenCount();
            player.step();
            assertTrue(output.writtenCount() > before, "player stopped writing at " + before);
        }
    }

    private static short[] prefix(short[] a, int n) {
        return Arrays.copyOf(a, n);
    }

    private static int pulseCount(short[] pcm, Priority p) {
        return new PcmAnalysis(pcm, RATE, AlarmSoundPattern.forPriority(p).fundamentalHz()).pulses().size();
    }

    @Test
    void mediumWithdrawnAfter100MsStillWritesOneWholeBurst() {
        manualPlayer().play(Optional.of(Priority.MEDIUM));
        stepUntilWritten(RATE / 10);
        player.play(Optional.empty());
        stepUntilIdle();

        short[] burst = synth.renderBurst(AlarmSoundPattern.forPriority(Priority.MEDIUM));
        assertArrayEquals(burst, output.written());
        assertEquals(3, pulseCount(output.written(), Priority.MEDIUM));
    }

    @Test
    void highWithdrawnAfter100MsStillPlaysHalfItsBurst() {
        manualPlayer().play(Optional.of(Priority.HIGH));
        stepUntilWritten(RATE / 10);
        player.play(Optional.empty());
        stepUntilIdle();

        RenderedBurst high = synth.render(AlarmSoundPattern.forPriority(Priority.HIGH));
        assertEquals(high.pulseEnds()[4], output.writtenCount());
        assertArrayEquals(prefix(high.samples(), high.pulseEnds()[4]), output.written());
        assertEquals(5, pulseCount(output.written(), Priority.HIGH));
    }

    @Test
    void highWithdrawnAfterItsHalfBurstStopsAtTheEndOfTheSoundingPulse() {
        RenderedBurst high = synth.render(AlarmSoundPattern.forPriority(Priority.HIGH));
        manualPlayer().play(Optional.of(Priority.HIGH));
        stepUntilWritten(high.pulseStarts()[6] + 1);
        player.play(Optional.empty());
        stepUntilIdle();

        assertEquals(high.pulseEnds()[6], output.writtenCount());
        assertEquals(7, pulseCount(output.written(), Priority.HIGH));
    }

    @Test
    void lowWithdrawnMidPulseFinishesThatPulseOnly() {
        RenderedBurst low = synth.render(AlarmSoundPattern.forPriority(Priority.LOW));
        manualPlayer().play(Optional.of(Priority.LOW));
        player.step();
        player.play(Optional.empty());
        stepUntilIdle();

        assertEquals(low.pulseEnds()[0], output.writtenCount());
        assertEquals(1, pulseCount(output.written(), Priority.LOW));
    }

    @Test
    void alarmWithdrawnBetweenBurstsStopsAtOnce() {
        RenderedBurst medium = synth.render(AlarmSoundPattern.forPriority(Priority.MEDIUM));
        manualPlayer().play(Optional.of(Priority.MEDIUM));
        stepUntilWritten(medium.length() + RATE);
        int written = output.writtenCount();
        player.play(Optional.empty());

        assertEquals(0, stepUntilIdle());
        assertEquals(written, output.writtenCount());
    }

    @Test
    void samePriorityRepeatsCycleAfterCycle() {
        AlarmSoundPattern medium = AlarmSoundPattern.forPriority(Priority.MEDIUM);
        short[] cycle = synth.renderCycle(medium);
        manualPlayer().play(Optional.of(Priority.MEDIUM));
        stepUntilWritten(2 * cycle.length + CHUNK);

        short[] written = output.written();
        assertArrayEquals(cycle, Arrays.copyOfRange(written, 0, cycle.length));
        assertArrayEquals(cycle, Arrays.copyOfRange(written, cycle.length, 2 * cycle.length));
        assertArrayEquals(prefix(cycle, written.length - 2 * cycle.length),
                Arrays.copyOfRange(written, 2 * cycle.length, written.length));
        assertEquals(List.of(), output.flushedAt());
    }

    @Test
    void higherPriorityInterruptsAtOnceAndDiscardsQueuedAudio() {
        manualPlayer().play(Optional.of(Priority.MEDIUM));
        player.step();
        player.step();
        player.step();
        player.play(Optional.of(Priority.HIGH));
        player.step();

        assertEquals(List.of(3 * CHUNK), output.flushedAt());
        short[] written = output.written();
        short[] high = synth.renderBurst(AlarmSoundPattern.forPriority(Priority.HIGH));
        assertArrayEquals(prefix(high, CHUNK), Arrays.copyOfRange(written, 3 * CHUNK, written.length));
    }

    @Test
    void lowerPriorityTakesOverAtTheNextBurstBoundary() {
        short[] highCycle = synth.renderCycle(AlarmSoundPattern.forPriority(Priority.HIGH));
        short[] mediumBurst = synth.renderBurst(AlarmSoundPattern.forPriority(Priority.MEDIUM));
        manualPlayer().play(Optional.of(Priority.HIGH));
        player.step();
        player.play(Optional.of(Priority.MEDIUM));
        stepUntilWritten(highCycle.length + mediumBurst.length);

        short[] written = output.written();
        assertArrayEquals(highCycle, Arrays.copyOfRange(written, 0, highCycle.length));
        assertArrayEquals(mediumBurst, Arrays.copyOfRange(written, highCycle.length, highCycle.length + mediumBurst.length));
        assertEquals(List.of(), output.flushedAt());
    }

    @Test
    void highThatInterruptsAMediumKeepsOnlyItsOwnHalfBurstMinimum() {
        RenderedBurst high = synth.render(AlarmSoundPattern.forPriority(Priority.HIGH));
        manualPlayer().play(Optional.of(Priority.MEDIUM));
        player.step();
        player.play(Optional.of(Priority.HIGH));
        player.step();
        player.play(Optional.empty());
        stepUntilIdle();

        assertEquals(CHUNK + high.pulseEnds()[4], output.writtenCount());
    }

    @Test
    void nothingIsWrittenWhileNothingShouldSound() {
        manualPlayer().play(Optional.empty());

        assertEquals(AlarmSoundPlayer.IDLE_WAIT, player.step());
        assertEquals(0, output.writtenCount());
        assertTrue(output.isOpen(), "the output is opened at start even when silent");
    }

    @Test
    void outputThatThrowsOnOpenIsReportedUnavailableOnceAndPlayKeepsWorking() {
        output.failOpen("No line matching interface SourceDataLine");
        manualPlayer().play(Optional.of(Priority.HIGH));

        assertEquals(AlarmSoundPlayer.RETRY_INTERVAL, player.step());
        player.step();
        player.play(Optional.of(Priority.MEDIUM));
        player.step();

        assertEquals(List.of("unavailable: cannot open alarm audio output: No line matching interface SourceDataLine"),
                listener.events());
        assertEquals(1, output.openAttempts());
        assertEquals(0, output.writtenCount());
    }

    @Test
    void unavailableOutputIsRetriedEvery30SecondsAndReportedAvailableWhenBack() {
        output.failOpen("device busy");
        manualPlayer().play(Optional.of(Priority.HIGH));
        player.step();

        clock.advance(Duration.ofSeconds(29));
        player.step();
        assertEquals(1, output.openAttempts());
        clock.advance(Duration.ofSeconds(1));
        player.step();
        assertEquals(2, output.openAttempts());
        assertEquals(1, listener.events().size(), "still unavailable is not reported again");

        output.failOpen(null);
        clock.advance(Duration.ofSeconds(30));
        player.step();

        assertEquals(3, output.openAttempts());
        assertEquals(List.of("unavailable: cannot open alarm audio output: device busy", "available"), listener.events());
        short[] high = synth.renderBurst(AlarmSoundPattern.forPriority(Priority.HIGH));
        assertArrayEquals(prefix(high, CHUNK), output.written(), "the alarm sounds from its first pulse");
    }

    @Test
    void outputLostWhilePlayingIsReportedClosedAndReopenedLater() {
        manualPlayer().play(Optional.of(Priority.MEDIUM));
        player.step();
        output.failWrite("device unplugged");
        player.step();

        assertEquals(List.of("unavailable: alarm audio output failed: device unplugged"), listener.events());
        assertFalse(output.isOpen());
        assertEquals(1, output.closes());

        output.failWrite(null);
        clock.advance(AlarmSoundPlayer.RETRY_INTERVAL);
        player.step();

        assertEquals("available", listener.events().get(1));
        short[] medium = synth.renderBurst(AlarmSoundPattern.forPriority(Priority.MEDIUM));
        assertArrayEquals(prefix(medium, CHUNK), Arrays.copyOfRange(output.written(), CHUNK, 2 * CHUNK),
                "the burst starts again from its first pulse");
    }

    @Test
    void listenerThatThrowsDoesNotStopTheSound() {
        UnavailableListener throwing = new UnavailableListener() {
            @Override
            public void onUnavailable(String reason) {
                throw new IllegalStateException("screen not ready");
            }

            @Override
            public void onAvailable() {
                throw new IllegalStateException("screen not ready");
            }
        };
        output.failOpen("device busy");
        player = new AlarmSoundPlayer(output, throwing, synth, clock, virtualSleeper, false);
        player.play(Optional.of(Priority.LOW));
        player.step();
        output.failOpen(null);
        clock.advance(AlarmSoundPlayer.RETRY_INTERVAL);
        player.step();
        player.step();

        assertEquals(2 * CHUNK, output.writtenCount());
    }

    @Test
    void streamNeverRunsFarAheadOfTheClockWhenTheOutputDoesNotBlock() {
        manualPlayer().play(Optional.of(Priority.HIGH));
        Duration wait = Duration.ZERO;
        int steps = 0;
        while (wait.isZero()) {
            wait = player.step();
            steps++;
        }

        assertEquals(26, steps, "520 ms of audio written before the first pause");
        assertEquals(Duration.ofMillis(20), wait);
    }

    @Test
    void audioThreadIsADaemonThatWritesUntilClosed() throws InterruptedException {
        player = new AlarmSoundPlayer(output, listener, synth, clock, virtualSleeper, true);
        player.play(Optional.of(Priority.HIGH));

        assertTrue(output.awaitWritten(RATE, 10_000), "the audio thread writes the burst");
        Thread writer = output.writer();
        assertTrue(writer.isDaemon());
        assertFalse(writer == Thread.currentThread());

        player.close();
        writer.join(5_000);
        assertFalse(writer.isAlive());
        assertFalse(output.isOpen());
    }
}
