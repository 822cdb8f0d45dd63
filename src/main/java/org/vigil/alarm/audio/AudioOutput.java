package org.vigil.alarm.audio;

import java.io.IOException;

/**
 * Where the alarm sound goes: a mono 16-bit signed PCM sink. Used by one thread at a time except
 * {@link #close()}, which may be called from another thread to end a blocked {@link #write}.
 * {@link JavaSoundOutput} is the real one; tests record what is written.
 */
public interface AudioOutput {

    /**
     * Opens the device for mono 16-bit signed PCM at {@code sampleRate}; after a failure or a
     * {@link #close()} it may be called again.
     *
     * @throws IOException when no device is available (the message says why)
     */
    void open(int sampleRate) throws IOException;

    /**
     * Queues {@code length} samples of {@code samples} from {@code offset}; may block until the
     * device has room, which is what paces the player.
     *
     * @throws IOException when the device went away
     */
    void write(short[] samples, int offset, int length) throws IOException;

    /** Discards audio queued but not yet played (a higher priority interrupts). */
    void flush();

    /** Releases the device; harmless when not open. */
    void close();
}
