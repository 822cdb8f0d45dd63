package org.vigil.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * About one second of one waveform (e.g. the pleth) of one device, as stored in
 * {@code waveform_chunk}: the time of the first sample, the sample rate and the samples.
 *
 * <p>Layout of {@code samples} (the BLOB): signed 16-bit integers, little-endian, one per sample,
 * in time order, no header; sample {@code i} was taken at {@code start + i / rateHz} seconds. The
 * blob is {@code 2 × n} bytes long.
 * <pre>
 * | s0 lo | s0 hi | s1 lo | s1 hi | ... | s(n-1) lo | s(n-1) hi |
 * </pre>
 * The values are the device's own units (pleth: the monitor's arbitrary amplitude scale). The row
 * also holds the chunk's lowest and highest sample ({@code lo}, {@code hi}), so an overview of hours
 * of waveform is computed by SQLite without reading the blobs.
 *
 * @param wave   a lower-case key, e.g. {@code pleth}
 * @param rateHz samples per second, &gt; 0
 */
public record WaveformChunk(String deviceId, String wave, Instant start, double rateHz, short[] samples) {

    /** A chunk holds at most this many samples (a minute at 1 kHz): bounds a corrupt row. */
    public static final int MAX_SAMPLES = 60_000;

    public WaveformChunk {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(wave, "wave");
        Objects.requireNonNull(start, "start");
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("sample rate must be > 0 Hz: " + rateHz);
        }
        if (samples.length > MAX_SAMPLES) {
            throw new IllegalArgumentException("a chunk holds at most " + MAX_SAMPLES + " samples: " + samples.length);
        }
        samples = samples.clone();
    }

    @Override
    public short[] samples() {
        return samples.clone();
    }

    /** Number of samples. */
    public int size() {
        return samples.length;
    }

    /** Sample {@code i}. */
    public short sample(int i) {
        return samples[i];
    }

    /** When sample {@code i} was taken. */
    public Instant timeOf(int i) {
        return start.plusNanos(Math.round(i * 1e9 / rateHz));
    }

    /** The time just after the last sample. */
    public Instant end() {
        return start.plus(Duration.ofNanos(Math.round(samples.length * 1e9 / rateHz)));
    }

    /** The BLOB form (layout above). */
    public byte[] encodedSamples() {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /** Reads the BLOB form; an odd trailing byte is a corrupt row and is refused. */
    public static short[] decodeSamples(byte[] blob) {
        if (blob.length % 2 != 0 || blob.length / 2 > MAX_SAMPLES) {
            throw new StorageException("stored waveform chunk has a bad length of " + blob.length + " bytes");
        }
        short[] out = new short[blob.length / 2];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WaveformChunk c && deviceId.equals(c.deviceId) && wave.equals(c.wave)
                && start.equals(c.start) && Double.compare(rateHz, c.rateHz) == 0 && Arrays.equals(samples, c.samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, wave, start, rateHz, Arrays.hashCode(samples));
    }

    @Override
    public String toString() {
        return "WaveformChunk[" + deviceId + " " + wave + " " + start + " " + rateHz + " Hz, " + samples.length + " samples]";
    }
}
