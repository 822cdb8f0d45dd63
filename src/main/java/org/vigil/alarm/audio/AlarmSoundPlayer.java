package org.vigil.alarm.audio;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.alarm.Priority;

/**
 * Plays the audible alarm signal ({@link AlarmSoundPattern}) of the priority that should sound.
 *
 * <p>Call {@link #play(Optional)} as often as you like (every UI frame or engine tick) with the
 * priority that should sound now, e.g. {@code player.play(snapshot.audiblePriority())}; it only
 * records the wish and never blocks. A daemon thread writes the stream in 20 ms chunks to the
 * {@link AudioOutput}, whose blocking write paces it: a higher priority interrupts at once, a
 * lower or the same priority takes over at the next burst boundary, and an empty request stops
 * the sound at the end of the sounding pulse, except that a medium alarm's first burst always
 * completes and a high alarm's first burst always reaches its 5th pulse (IEC 60601-1-8 §6.10).
 * The rules are spelled out on {@link PlaybackSequencer}.
 *
 * <p>The output is opened when the player starts. When it cannot be opened or fails later, the
 * player tells {@link UnavailableListener#onUnavailable(String)} once, carries on silently, and
 * tries again every {@link #RETRY_INTERVAL}; when it succeeds it calls
 * {@link UnavailableListener#onAvailable()}. Listener calls come from the audio thread.
 */
public final class AlarmSoundPlayer implements AutoCloseable {

    /** How often an unavailable output is tried again. */
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(30);

    static final Duration CHUNK = Duration.ofMillis(20);
    /** Furthest the stream may run ahead of the clock, should an output not block on write. */
    static final Duration MAX_LEAD = Duration.ofMillis(500);
    static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(AlarmSoundPlayer.class);

    private final AudioOutput output;
    private final UnavailableListener listener;
    private final PlaybackSequencer sequencer;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final int sampleRate;
    private final AtomicReference<Priority> requested = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    // Owned by the audio thread (or by a test driving step() itself).
    private boolean open;
    private boolean unavailable;
    private Instant nextAttempt = Instant.MIN;
    private Instant streamStart;
    private long streamSamples;

    /**
     * Starts the audio thread, which opens {@code output} at {@value ToneSynthesizer#DEFAULT_SAMPLE_RATE} Hz
     * straight away (reporting to {@code listener} if it cannot).
     */
    public AlarmSoundPlayer(AudioOutput output, UnavailableListener listener) {
        this(output, listener, new ToneSynthesizer(), Clock.systemUTC(), Sleeper.monitor(), true);
    }

    /**
     * With {@code ownThread} false no thread is started and the caller drives {@link #step()}
     * itself (tests).
     */
    AlarmSoundPlayer(AudioOutput output, UnavailableListener listener, ToneSynthesizer synthesizer,
            InstantSource clock, Sleeper sleeper, boolean ownThread) {
        this.output = Objects.requireNonNull(output, "output");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.sampleRate = synthesizer.sampleRate();
        this.sequencer = new PlaybackSequencer(synthesizer, (int) (sampleRate * CHUNK.toMillis() / 1000));
        if (ownThread) {
            thread = new Thread(this::run, "alarm-audio");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    /**
     * The priority whose sound should play now, or empty for silence. Never blocks; repeated
     * calls with the same value cost next to nothing.
     */
    public void play(Optional<Priority> priority) {
        Priority p = priority.orElse(null);
        if (requested.getAndSet(p) != p) {
            sleeper.wake();
        }
    }

    /** Stops the audio thread (waiting up to about 2 s for it) and releases the output. */
    @Override
    public void close() {
        running = false;
        sleeper.wake();
        if (thread == null) {
            closeOutput();
            return;
        }
        try {
            thread.join(1000);
            if (thread.isAlive()) {
                output.close(); // ends a write blocked on a stuck device
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One turn of the audio thread: (re)open the output if due, then write the next chunk.
     * Returns how long to wait before the next turn (zero to go straight on).
     */
    Duration step() {
        Instant now = clock.instant();
        if (!open) {
            if (now.isBefore(nextAttempt)) {
                return Duration.between(now, nextAttempt);
            }
            try {
                output.open(sampleRate);
            } catch (IOException | RuntimeException e) {
                failed("cannot open alarm audio output: " + describe(e), e);
                return RETRY_INTERVAL;
            }
            open = true;
            streamStart = null;
            if (unavailable) {
                unavailable = false;
                log.info("alarm audio output available again");
                tell(listener::onAvailable);
            }
        }
        Optional<PlaybackSequencer.Chunk> next = sequencer.next(requested.get());
        if (next.isEmpty()) {
            streamStart = null;
            return IDLE_WAIT;
        }
        PlaybackSequencer.Chunk chunk = next.get();
        try {
            if (chunk.interrupt()) {
                output.flush();
            }
            output.write(chunk.samples(), chunk.offset(), chunk.length());
        } catch (IOException | RuntimeException e) {
            failed("alarm audio output failed: " + describe(e), e);
            return RETRY_INTERVAL;
        }
        return pace(chunk.length(), now);
    }

    /** Keeps the stream at most {@link #MAX_LEAD} ahead of the clock, for outputs that do not block. */
    private Duration pace(int samples, Instant writeStarted) {
        if (streamStart == null) {
            streamStart = writeStarted;
            streamSamples = 0;
        }
        streamSamples += samples;
        long audioNanos = streamSamples * 1_000_000_000L / sampleRate;
        long elapsedNanos = Duration.between(streamStart, clock.instant()).toNanos();
        long ahead = audioNanos - elapsedNanos;
        if (ahead < -MAX_LEAD.toNanos()) {
            streamStart = null; // the device fell behind (underrun): measure afresh
        }
        return ahead > MAX_LEAD.toNanos() ? Duration.ofNanos(ahead - MAX_LEAD.toNanos()) : Duration.ZERO;
    }

    private void failed(String reason, Exception e) {
        closeOutput();
        sequencer.reset();
        nextAttempt = clock.instant().plus(RETRY_INTERVAL);
        if (!unavailable) {
            unavailable = true;
            log.warn("{}; alarms are visual only, retrying every {} s", reason, RETRY_INTERVAL.toSeconds(), e);
            tell(() -> listener.onUnavailable(reason));
        } else {
            log.debug("{}", reason);
        }
    }

    /** A listener that throws must not stop the alarm sound. */
    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("alarm audio availability listener failed", e);
        }
    }

    private void closeOutput() {
        open = false;
        try {
            output.close();
        } catch (RuntimeException e) {
            log.debug("closing the alarm audio output failed", e);
        }
    }

    private void run() {
        try {
            while (running) {
                Duration wait;
                try {
                    wait = step();
                } catch (RuntimeException e) {
                    failed("alarm audio failed: " + describe(e), e);
                    wait = RETRY_INTERVAL;
                }
                if (running && !wait.isZero()) {
                    sleeper.sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeOutput();
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
