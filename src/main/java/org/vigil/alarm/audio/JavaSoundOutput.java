package org.vigil.alarm.audio;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * {@link AudioOutput} on the platform's default Java Sound {@link SourceDataLine} (mono, 16-bit
 * signed little-endian). The line's buffer is small ({@link #DEFAULT_BUFFER} unless given) so
 * that a flush and a new burst are heard quickly. Any failure to get or open a line (no mixer on
 * a headless machine, device busy, sound libraries missing) becomes an {@link IOException}.
 */
public final class JavaSoundOutput implements AudioOutput {

    /** Line buffer used when none is given. */
    public static final Duration DEFAULT_BUFFER = Duration.ofMillis(200);

    /** Supplies a line for a format; {@link AudioSystem#getSourceDataLine} in production. */
    @FunctionalInterface
    interface LineProvider {
        SourceDataLine get(AudioFormat format) throws LineUnavailableException;
    }

    private final Duration buffer;
    private final LineProvider lines;
    private volatile SourceDataLine line;
    private byte[] bytes = new byte[0];

    /** Default line, {@link #DEFAULT_BUFFER} of buffering. */
    public JavaSoundOutput() {
        this(DEFAULT_BUFFER);
    }

    /** Default line with {@code buffer} of buffering (20 ms to 2 s). */
    public JavaSoundOutput(Duration buffer) {
        this(buffer, AudioSystem::getSourceDataLine);
    }

    JavaSoundOutput(Duration buffer, LineProvider lines) {
        if (buffer.toMillis() < 20 || buffer.toMillis() > 2000) {
            throw new IllegalArgumentException("line buffer must be 20 ms to 2 s, not " + buffer.toMillis() + " ms");
        }
        this.buffer = buffer;
        this.lines = Objects.requireNonNull(lines);
    }

    /** The format written for {@code sampleRate}: mono 16-bit signed little-endian PCM. */
    public static AudioFormat format(int sampleRate) {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }

    @Override
    public void open(int sampleRate) throws IOException {
        close();
        AudioFormat format = format(sampleRate);
        int bufferBytes = (int) (sampleRate * buffer.toMillis() / 1000) * 2;
        SourceDataLine l = null;
        try {
            l = lines.get(format);
            l.open(format, bufferBytes);
            l.start();
            line = l;
        } catch (LineUnavailableException | IllegalArgumentException | IllegalStateException | SecurityException
                | LinkageError e) {
            if (l != null) {
                l.close();
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException("no audio line for " + format + ": " + why, e);
        }
    }

    @Override
    public void write(short[] samples, int offset, int length) throws IOException {
        SourceDataLine l = line;
        if (l == null || !l.isOpen()) {
            throw new IOException("audio line is not open");
        }
        int n = length * 2;
        if (bytes.length < n) {
            bytes = new byte[n];
        }
        for (int i = 0; i < length; i++) {
            short s = samples[offset + i];
            bytes[2 * i] = (byte) s;
            bytes[2 * i + 1] = (byte) (s >> 8);
        }
        int done = 0;
        while (done < n) {
            int w;
            try {
                w = l.write(bytes, done, n - done);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IOException("audio line rejected data: " + e.getMessage(), e);
            }
            if (w <= 0) {
                throw new IOException(l.isOpen() ? "audio line accepts no data" : "audio line was closed");
            }
            done += w;
        }
    }

    @Override
    public void flush() {
        SourceDataLine l = line;
        if (l != null) {
            l.flush();
        }
    }

    @Override
    public void close() {
        SourceDataLine l = line;
        line = null;
        if (l != null) {
            l.stop();
            l.flush();
            l.close();
        }
    }
}
