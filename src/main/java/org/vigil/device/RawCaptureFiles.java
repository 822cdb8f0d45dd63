package org.vigil.device;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.transport.RawCapture;

/**
 * Writes raw captures ({@link RawCapture} format) for the device links switched to
 * {@code raw_capture: true}: each link's {@link RawTap} copies what arrived into a bounded queue
 * and returns; one thread ({@code vigil-capture}) writes the files and flushes them every
 * {@link #FLUSH_EVERY}. The decoder never waits for the disk: when the queue holds
 * {@link #MAX_QUEUED_BYTES}, further bursts are dropped and counted (and the log says so once
 * per episode), so a capture with drops is incomplete but the monitoring is not affected. A file
 * that cannot be written is given up (logged), the others go on.
 */
public final class RawCaptureFiles implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RawCaptureFiles.class);

    /** Bytes waiting for the disk at most. */
    public static final long MAX_QUEUED_BYTES = 16L << 20;
    /** How often the files are flushed. */
    public static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

    private record Item(Capture to, Instant at, byte[] bytes) {
    }

    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final List<Capture> captures = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private boolean dropping;

    public RawCaptureFiles() {
        thread = new Thread(this::run, "vigil-capture");
        thread.setDaemon(true);
        thread.start();
    }

    /** One capture file being written. */
    public final class Capture implements RawTap {
        private final Path file;
        private final RawCapture.Writer writer;
        private boolean failed;

        private Capture(Path file, RawCapture.Writer writer) {
            this.file = file;
            this.writer = writer;
        }

        public Path file() {
            return file;
        }

        @Override
        public void received(Instant at, byte[] data, int len) {
            if (closed || failed || len <= 0) {
                return;
            }
            if (queued.addAndGet(len) > MAX_QUEUED_BYTES) {
                queued.addAndGet(-len);
                if (dropped.getAndAdd(len) == 0 || !dropping) {
                    dropping = true;
                    log.warn("raw capture {}: the disk does not keep up; bytes dropped from the capture (monitoring unaffected)", file);
                }
                return;
            }
            dropping = false;
            queue.add(new Item(this, at, java.util.Arrays.copyOf(data, len)));
        }
    }

    /**
     * Starts a capture in {@code file} (its folder is created; an existing file is not overwritten)
     * for the link described by {@code header}.
     */
    public synchronized Capture open(Path file, RawCapture.Header header) throws IOException {
        Objects.requireNonNull(file, "file");
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW), 64 * 1024);
        Capture c = new Capture(file, new RawCapture.Writer(out, header));
        captures.add(c);
        log.info("raw capture of device {} to {}", header.deviceId(), file);
        return c;
    }

    /** Bytes dropped because the disk did not keep up. */
    public long droppedBytes() {
        return dropped.get();
    }

    /** Writes everything queued so far and flushes the files (waits at most {@code timeout}). */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queued.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        synchronized (this) {
            for (Capture c : captures) {
                flushQuietly(c);
            }
        }
        return true;
    }

    private void run() {
        long nextFlush = System.nanoTime() + FLUSH_EVERY.toNanos();
        while (!closed || !queue.isEmpty()) {
            try {
                Item item = queue.poll(200, TimeUnit.MILLISECONDS);
                if (item != null) {
                    write(item);
                }
                if (System.nanoTime() >= nextFlush) {
                    nextFlush = System.nanoTime() + FLUSH_EVERY.toNanos();
                    synchronized (this) {
                        for (Capture c : captures) {
                            flushQuietly(c);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(Item item) {
        Capture c = item.to();
        synchronized (this) {
            try {
                if (!c.failed) {
                    c.writer.write(item.at(), item.bytes(), 0, item.bytes().length);
                }
            } catch (IOException e) {
                c.failed = true;
                log.warn("raw capture {} stopped: {}", c.file, e.getMessage());
            } finally {
                queued.addAndGet(-item.bytes().length);
            }
        }
    }

    private void flushQuietly(Capture c) {
        if (c.failed) {
            return;
        }
        try {
            c.writer.flush();
        } catch (IOException e) {
            c.failed = true;
            log.warn("raw capture {} stopped: {}", c.file, e.getMessage());
        }
    }

    /** Writes what is queued (up to 5 s) and closes the files. */
    @Override
    public void close() {
        try {
            flush(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            for (Capture c : captures) {
                try {
                    c.writer.close();
                } catch (IOException e) {
                    log.debug("closing raw capture {} failed", c.file, e);
                }
            }
            captures.clear();
        }
    }
}
