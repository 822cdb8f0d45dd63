package org.vigil.alarm.audio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Records everything written; can be told to fail on open or on write. Thread-safe. */
final class FakeAudioOutput implements AudioOutput {

    private short[] written = new short[0];
    private int size;
    private final List<Integer> flushedAt = new ArrayList<>();
    private int opens;
    private int openAttempts;
    private int closes;
    private boolean open;
    private String failOpen;
    private String failWrite;
    private Thread writer;

    synchronized void failOpen(String message) {
        failOpen = message;
    }

    synchronized void failWrite(String message) {
        failWrite = message;
    }

    @Override
    public synchronized void open(int sampleRate) throws IOException {
        openAttempts++;
        if (failOpen != null) {
            throw new IOException(failOpen);
        }
        opens++;
        open = true;
    }

    @Override
    public synchronized void write(short[] samples, int offset, int length) throws IOException {
        if (!open) {
            throw new IllegalStateException("write before open");
        }
        if (failWrite != null) {
            throw new IOException(failWrite);
        }
        writer = Thread.currentThread();
        if (size + length > written.length) {
            written = Arrays.copyOf(written, Math.max(2 * written.length, size + length));
        }
        System.arraycopy(samples, offset, written, size, length);
        size += length;
        notifyAll();
    }

    @Override
    public synchronized void flush() {
        flushedAt.add(size);
    }

    @Override
    public synchronized void close() {
        if (open) {
            closes++;
        }
        open = false;
    }

    synchronized short[] written() {
        return Arrays.copyOf(written, size);
    }

    synchronized int writtenCount() {
        return size;
    }

    synchronized List<Integer> flushedAt() {
        return List.copyOf(flushedAt);
    }

    synchronized int openAttempts() {
        return openAttempts;
    }

    synchronized int closes() {
        return closes;
    }

    synchronized boolean isOpen() {
        return open;
    }

    synchronized Thread writer() {
        return writer;
    }

    /** Waits (bounded) until at least {@code samples} have been written; for tests with the real thread. */
    synchronized boolean awaitWritten(int samples, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (size < samples) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
