package org.vigil.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.Reading;

/**
 * Records readings, alarm log rows and session events without ever making the caller wait.
 *
 * <p>{@code append} puts the row in a bounded lock-free in-memory queue and returns. One writer
 * thread ({@code vigil-recorder}) commits everything pending in one transaction at least once per
 * flush interval, and early once {@value #EARLY_COMMIT_ROWS} rows are waiting. When a commit fails
 * the rows stay queued, the {@link WriterListener} is told once per failure episode, and the
 * writer retries at every interval until a commit succeeds (then {@code onRecovered}).
 *
 * <p>If the queue ever fills (hours of failed commits), rows already queued are kept and new ones
 * are refused: {@code append} returns false, {@link #droppedCount()} counts them, the listener is
 * told, and each affected session gets a {@link SessionEvent#RECORDING_GAP} event with the count
 * and time span once writing works again. Nothing is dropped silently.
 *
 * <p>On a crash, rows appended since the last commit are lost (at most one flush interval); see
 * {@code docs/decisions/0003-sqlite-storage.md}. Thread-safe; any thread may append.
 */
public final class RecordingWriter implements AutoCloseable {

    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_CAPACITY = 2_000_000;
    /** Pending rows that make the writer commit before its interval is up. */
    public static final int EARLY_COMMIT_ROWS = 1_000;
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(RecordingWriter.class);

    private final CommitCycle cycle;
    private final long intervalNanos;
    private final int capacity;
    private final long closeTimeoutNanos;
    private final ConcurrentLinkedQueue<Row> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private final AtomicLong flushRequests = new AtomicLong();
    private final AtomicLong flushTarget = new AtomicLong();
    private final AtomicBoolean closeCalled = new AtomicBoolean();
    private final Gaps gaps = new Gaps();
    /** Rows never written, per session key: refused (queue full, after close) or given up at close. */
    private final java.util.concurrent.ConcurrentHashMap<Long, AtomicLong> lost = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object progress = new Object();
    private final java.util.concurrent.CountDownLatch firstAttempt = new java.util.concurrent.CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closing;
    private volatile long closeDeadline;
    /** Rows committed or refused by the database; written by the writer thread under {@code progress}. */
    private volatile long done;
    private volatile boolean stopped;

    /** A writer with the default 1 s flush interval. */
    public RecordingWriter(VigilDatabase db, WriterListener listener) {
        this(db, DEFAULT_FLUSH_INTERVAL, listener);
    }

    /**
     * Opens its own connection to {@code db} and starts the writer thread.
     *
     * @param flushInterval the longest a row waits before its commit is attempted (positive)
     * @param listener      told of failure episodes and recovery, on the writer thread
     */
    public RecordingWriter(VigilDatabase db, Duration flushInterval, WriterListener listener) {
        this(db::connect, flushInterval, DEFAULT_CAPACITY, CLOSE_TIMEOUT, listener);
    }

    RecordingWriter(BatchCommitter.Connector connector, Duration flushInterval, int capacity, Duration closeTimeout,
            WriterListener listener) {
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flush interval must be positive: " + flushInterval);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be positive: " + capacity);
        }
        this.cycle = new CommitCycle(new BatchCommitter(connector), Objects.requireNonNull(listener, "listener"), capacity);
        this.intervalNanos = flushInterval.toNanos();
        this.capacity = capacity;
        this.closeTimeoutNanos = closeTimeout.toNanos();
        this.thread = new Thread(this::run, "vigil-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a reading; never blocks. False when refused (queue full or writer closed). */
    public boolean append(long sessionId, Reading reading) {
        return offer(new Row.ReadingRow(sessionId, Objects.requireNonNull(reading, "reading")));
    }

    /** Queues an alarm log row; never blocks. False when refused (queue full or writer closed). */
    public boolean append(long sessionId, AlarmEvent event) {
        return offer(new Row.AlarmRow(sessionId, Objects.requireNonNull(event, "event")));
    }

    /** Queues a waveform chunk (about a second of one wave); never blocks. False when refused (queue full or writer closed). */
    public boolean append(long sessionId, WaveformChunk chunk) {
        return offer(new Row.WaveRow(sessionId, Objects.requireNonNull(chunk, "chunk")));
    }

    /** Queues a device's identity in force from {@code change.since()}; never blocks. False when refused. */
    public boolean append(long sessionId, org.vigil.domain.DeviceIdentityChange change) {
        return offer(new Row.IdentityRow(sessionId, Objects.requireNonNull(change, "change")));
    }

    /** Queues a session event; never blocks. False when refused (queue full or writer closed). */
    public boolean append(long sessionId, SessionEvent event) {
        return offer(new Row.EventRow(sessionId, Objects.requireNonNull(event, "event")));
    }

    /** Queues the end of a session (after its rows); never blocks. False when refused. */
    public boolean appendEnd(long sessionId, Instant at, EndReason reason) {
        return offer(new Row.EndRow(sessionId, Objects.requireNonNull(at, "at"), Objects.requireNonNull(reason, "reason")));
    }

    /**
     * Blocks until every row appended before this call is committed (or refused by the database).
     * While the disk is failing this waits for recovery; the writer retries immediately once, then
     * at every interval.
     *
     * @throws StorageException when the writer has stopped with those rows unwritten
     */
    public void flush() throws InterruptedException {
        if (!flush(null)) {
            throw new StorageException("recording writer stopped; " + pendingCount() + " rows were not written");
        }
    }

    /**
     * {@link #flush()} waiting at most {@code timeout}; true when everything appended before the
     * call is committed. A null timeout waits without limit.
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        if (done >= target) {
            return true;
        }
        flushTarget.accumulateAndGet(target, Math::max);
        flushRequests.incrementAndGet();
        LockSupport.unpark(thread);
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (done < target && !stopped) {
                if (timeout == null) {
                    progress.wait();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                }
            }
            return done >= target;
        }
    }

    /**
     * Waits at most {@code timeout} for the writer thread's first attempt to open the database
     * (made at once when the writer starts); when it returns true the listener has already been
     * told of a failure. Lets a station report an unusable database before it reports itself started.
     */
    public boolean awaitFirstAttempt(Duration timeout) throws InterruptedException {
        return firstAttempt.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Rows appended and not yet committed. */
    public long pendingCount() {
        return pending.get();
    }

    /** Rows refused since start: queue full, appended after close, or unwritten when close gave up. */
    public long droppedCount() {
        return dropped.get();
    }

    /**
     * Rows of each session that will never be written: refused because the queue was full or the
     * writer closed, or still unwritten when {@link #close()} gave up. Sessions without loss are absent.
     */
    public java.util.Map<Long, Long> lostRows() {
        java.util.Map<Long, Long> out = new java.util.TreeMap<>();
        lost.forEach((session, n) -> out.put(session, n.get()));
        return out;
    }

    /** Of {@link #lostRows()}, those already written into their session as recording-gap events. */
    public java.util.Map<Long, Long> lostRowsInGapEvents() {
        return cycle.gapRowsWritten();
    }

    /** Rows the database refused for good (e.g. an unknown session id); logged when it happens. */
    public long rejectedCount() {
        return cycle.rejectedCount();
    }

    /**
     * Commits what is pending and stops the writer thread. If the disk keeps failing, gives up
     * after 10 s, logging and counting the rows lost. Idempotent.
     */
    @Override
    public void close() {
        if (!closeCalled.compareAndSet(false, true)) {
            return;
        }
        closeDeadline = System.nanoTime() + closeTimeoutNanos;
        closing = true;
        LockSupport.unpark(thread);
        if (Thread.currentThread() == thread) {
            return; // called from a listener: the loop stops after this cycle
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean offer(Row row) {
        int p = pending.incrementAndGet();
        if (p > capacity || closing) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            countLost(row);
            if (!closing) {
                overflowed.incrementAndGet();
                gaps.record(row);
            }
            return false;
        }
        accepted.incrementAndGet();
        queue.offer(row);
        if (p == EARLY_COMMIT_ROWS) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    private void countLost(Row row) {
        lost.computeIfAbsent(row.sessionId(), k -> new AtomicLong()).incrementAndGet();
    }

    private void run() {
        // the first attempt at once: a database that cannot be opened is reported at start
        long nextDue = System.nanoTime();
        long flushesSeen = 0;
        boolean lastFailed = false;
        try {
            while (true) {
                Thread.interrupted();
                boolean stop = closing;
                long now = System.nanoTime();
                long requests = flushRequests.get();
                boolean closeDue = stop && now - closeDeadline >= 0;
                // After a failed commit only the interval, a flush request or the close deadline
                // trigger a retry, so that a broken disk is not hammered.
                boolean wanted = now - nextDue >= 0 || requests != flushesSeen || closeDue
                        || !lastFailed && (stop || pending.get() >= EARLY_COMMIT_ROWS
                                || done < flushTarget.get() && !queue.isEmpty());
                if (!wanted) {
                    long wake = stop && closeDeadline - nextDue < 0 ? closeDeadline : nextDue;
                    LockSupport.parkNanos(this, wake - now);
                    continue;
                }
                flushesSeen = requests;
                nextDue = now + intervalNanos;
                int committed = cycle.attempt(queue, gaps, overflowed.get());
                firstAttempt.countDown();
                lastFailed = committed < 0;
                if (committed > 0) {
                    synchronized (progress) {
                        done += committed;
                        pending.addAndGet(-committed);
                        progress.notifyAll();
                    }
                }
                if (stop && pending.get() == 0) {
                    return;
                }
                if (lastFailed && closeDue) {
                    int lost = pending.get();
                    dropped.addAndGet(lost);
                    cycle.unwritten().forEach(this::countLost);
                    queue.forEach(this::countLost);
                    log.error("recording writer closed while the session database still fails: {} rows lost", lost);
                    cycle.reportLoss(new StorageException("recording writer closed: " + lost + " rows could not be written"));
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            log.error("recording writer thread died; {} rows not written", pending.get(), e);
            cycle.reportLoss(new StorageException("recording writer stopped: " + e, e));
            throw e;
        } finally {
            cycle.close();
            firstAttempt.countDown();
            synchronized (progress) {
                stopped = true;
                progress.notifyAll();
            }
        }
    }
}
