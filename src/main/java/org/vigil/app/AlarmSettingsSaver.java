package org.vigil.app;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.alarm.AlarmSettingsState;
import org.vigil.storage.AlarmSettingsStore;

/**
 * Writes each chair's alarm settings in force to the database as they change, on its own thread
 * ({@code vigil-settings}), so the core thread never waits for the disk. Only the latest state of
 * each chair waits: a newer one replaces an older one not yet written. A failed write is logged and
 * retried with the next change (the recording alarm speaks for a database that fails).
 */
final class AlarmSettingsSaver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlarmSettingsSaver.class);

    /** The session's database id is looked up when the row is written: a session is created in the file by the recording writer, a moment after it starts. */
    private record Pending(LongSupplier sessionId, Instant at, AlarmSettingsState state) {
    }

    /** How long the saver waits before looking again for a session id the file does not have yet. */
    private static final long SESSION_WAIT_MS = 200;

    private final AlarmSettingsStore store;
    private final InstantSource clock;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Thread thread;
    private boolean writing;
    private boolean closed;
    private final java.util.Set<String> failing = new java.util.HashSet<>();

    AlarmSettingsSaver(AlarmSettingsStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
        this.thread = new Thread(this::run, "vigil-settings");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues the chair's settings; returns at once. {@code sessionId} gives the session's database
     * id, or 0 while the session is not in the file yet (the settings then wait for it).
     */
    synchronized void save(String chairId, LongSupplier sessionId, AlarmSettingsState state) {
        if (closed) {
            return;
        }
        pending.put(chairId, new Pending(sessionId, clock.instant(), state));
        notifyAll();
    }

    /** Waits until everything queued so far is written (or failed), at most {@code timeout}. */
    synchronized boolean flush(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() || writing) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void run() {
        while (true) {
            String chair;
            Pending p;
            synchronized (this) {
                while (pending.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                chair = pending.keySet().iterator().next();
                p = pending.remove(chair);
                writing = true;
            }
            long sessionId = p.sessionId().getAsLong();
            if (sessionId <= 0) {
                synchronized (this) {
                    writing = false;
                    if (!closed) {
                        pending.putIfAbsent(chair, p); // unless a newer state came meanwhile
                        try {
                            wait(SESSION_WAIT_MS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    notifyAll();
                }
                continue;
            }
            try {
                store.save(chair, sessionId, p.at(), p.state());
                if (failing.remove(chair)) {
                    log.info("chair {}: alarm settings saved again", chair);
                }
            } catch (RuntimeException e) {
                if (failing.add(chair)) {
                    log.warn("chair {}: cannot save the alarm settings for a restart: {}", chair, e.getMessage(), e);
                }
            } finally {
                synchronized (this) {
                    writing = false;
                    notifyAll();
                }
            }
        }
    }

    /** Writes what is queued, then stops the thread. The store stays open (the caller closes it). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
