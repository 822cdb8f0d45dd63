package org.vigil.chair;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.vigil.domain.WaveChunk;
import org.vigil.domain.WaveSegment;

/**
 * The last seconds of a chair's pleth for its screen: a fixed ring of {@link #CAPACITY} samples
 * (bounded memory whatever the session's length), written by the device reader thread, read by
 * the FX thread once per frame. Samples are numbered from 0 as they came; a reader keeps the
 * number it read up to and asks for what came after ({@link #read}). One device feeds it: the
 * first that sends a pleth; another device's pleth takes over only after the current one has
 * been silent for {@link #TAKE_OVER_AFTER} (a second oximeter on the same chair does not mix its
 * wave in). A change of source or of scale starts a new {@link #epoch() epoch}, so the screen
 * clears its trace. Methods hold the lock only to copy ints.
 */
public final class WaveTrace {

    /** Samples kept: more than 10 s at the fastest pleth rate the protocols send (125/s). */
    public static final int CAPACITY = 2048;
    /** Silence of the current source after which another device's wave is shown. */
    public static final Duration TAKE_OVER_AFTER = Duration.ofSeconds(3);

    /** Who feeds the trace and how to draw it. */
    public record Source(String deviceId, double sampleRate, int low, int high) {
    }

    /** The result of {@link #read}: samples {@code from} .. {@code from + count} were copied. */
    public record Read(long from, int count) {
    }

    private final int[] ring = new int[CAPACITY];
    private long end;
    private int epoch;
    private Source source;
    private Instant lastTime;
    private long chunks;

    /** Adds one frame's samples (device reader thread). */
    public synchronized void add(WaveChunk chunk) {
        WaveSegment s = chunk.segment();
        if (!s.metric().equals(WaveSegment.PLETH)) {
            return;
        }
        Source offered = new Source(chunk.deviceId(), s.sampleRate(), s.low(), s.high());
        if (source != null && !source.deviceId().equals(chunk.deviceId())
                && lastTime != null && chunk.time().isBefore(lastTime.plus(TAKE_OVER_AFTER))) {
            return;
        }
        if (!offered.equals(source)) {
            source = offered;
            epoch++;
        }
        lastTime = chunk.time();
        chunks++;
        for (int i = 0; i < s.size(); i++) {
            ring[(int) (end++ % CAPACITY)] = s.sample(i);
        }
    }

    /** The number of the sample after the last one added. */
    public synchronized long end() {
        return end;
    }

    /** Changes whenever the source or its scale changes (a reader then starts over). */
    public synchronized int epoch() {
        return epoch;
    }

    /** The device whose wave this is, once one sent any. */
    public synchronized Optional<Source> source() {
        return Optional.ofNullable(source);
    }

    /** When the last samples arrived (station time), or null. */
    public synchronized Instant lastTime() {
        return lastTime;
    }

    /** Frames of samples added so far. */
    public synchronized long chunks() {
        return chunks;
    }

    /**
     * Copies samples from number {@code from} on (or the oldest still kept, if {@code from} is
     * older) into {@code dest}, at most its length and never past {@link #end()}.
     */
    public synchronized Read read(long from, int[] dest) {
        Objects.requireNonNull(dest);
        long start = Math.max(from, Math.max(0, end - CAPACITY));
        int n = (int) Math.max(0, Math.min(dest.length, end - start));
        for (int i = 0; i < n; i++) {
            dest[i] = ring[(int) ((start + i) % CAPACITY)];
        }
        return new Read(start, n);
    }
}
