package org.vigil.export.outbox;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.storage.OutboxStore;
import org.vigil.storage.StorageException;

/**
 * Sends the outbox to the interface engine, oldest first, one message at a time, on its own
 * thread ({@code vigil-outbox}): AA → acknowledged; AE/AR → rejected, kept with the engine's text
 * and reported to {@link #onRejected} (shown to an admin), the next message goes on; a connection
 * that fails, drops or times out → the same message (same MSH-10) is retried after a backoff and
 * nothing behind it is sent before it. Time comes from the injected clock; {@link #sendDue()}
 * does one round and is what tests drive.
 */
public final class OutboxSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** How often the thread looks for due messages when nothing wakes it. */
    static final long POLL_MS = 1_000;

    /** How one attempt went, for the log and the tests. */
    public enum Result { NOTHING_DUE, ACKNOWLEDGED, REJECTED, RETRY }

    private final OutboxStore store;
    private final InterfaceEngine engine;
    private final InstantSource clock;
    private final Consumer<OutboxStore.Item> onRejected;
    private final Object lifecycle = new Object();
    private volatile ScheduledExecutorService executor;

    public OutboxSender(OutboxStore store, InterfaceEngine engine, InstantSource clock, Consumer<OutboxStore.Item> onRejected) {
        this.store = Objects.requireNonNull(store, "store");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onRejected = Objects.requireNonNull(onRejected, "onRejected");
    }

    /** Starts the sender thread. */
    public void start() {
        synchronized (lifecycle) {
            if (executor != null) {
                return;
            }
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "vigil-outbox");
                t.setDaemon(true);
                return t;
            });
            e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            executor = e;
            e.scheduleWithFixedDelay(this::sendDueQuietly, 0, POLL_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Looks for due messages now (after an enqueue), on the sender thread. */
    public void wake() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.execute(this::sendDueQuietly);
        }
    }

    /** Runs {@code work} on the sender thread (the enqueuer reads the session there, off the caller's thread). */
    public void submit(Runnable work) {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.execute(work);
        } else {
            work.run();
        }
    }

    private void sendDueQuietly() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("outbox: {}", e.getMessage(), e);
        }
    }

    /** Sends every due message in order until none is due or one must wait for a retry; returns the last result. */
    public synchronized Result sendDue() {
        Result last = Result.NOTHING_DUE;
        while (true) {
            Result r = sendOne();
            if (r == Result.NOTHING_DUE) {
                return last;
            }
            last = r;
            if (r == Result.RETRY) {
                return r;
            }
        }
    }

    /** One attempt at the oldest pending message, if it is due. */
    public synchronized Result sendOne() {
        OutboxStore.Item item;
        try {
            item = store.oldestPending().orElse(null);
        } catch (StorageException e) {
            log.warn("outbox: {}", e.getMessage());
            return Result.NOTHING_DUE;
        }
        Instant now = clock.instant();
        if (item == null || item.nextAttemptAt().isAfter(now)) {
            return Result.NOTHING_DUE;
        }
        String answer;
        try {
            answer = Mllp.exchange(engine, item.message());
        } catch (IOException e) {
            return retry(item, now, "no answer from " + engine + ": " + e.getMessage());
        }
        Ack ack;
        try {
            ack = Ack.parse(answer);
        } catch (IllegalArgumentException e) {
            return retry(item, now, "unreadable answer from " + engine + ": " + e.getMessage());
        }
        if (!ack.controlId().equals(item.controlId())) {
            return retry(item, now, "answer for message " + ack.controlId() + " instead of " + item.controlId());
        }
        String words = ack.code() + (ack.text().isEmpty() ? "" : ": " + ack.text());
        if (ack.accepted()) {
            store.attempted(item.id(), "acknowledged", now, now, words);
            log.info("outbox: session {} sent to {} ({})", item.sessionId(), engine, item.controlId());
            return Result.ACKNOWLEDGED;
        }
        store.attempted(item.id(), "rejected", now, now, words);
        log.warn("outbox: {} rejected session {} ({}): {}", engine, item.sessionId(), item.controlId(), words);
        onRejected.accept(store.rejected().stream().filter(i -> i.id() == item.id()).findFirst().orElse(item));
        return Result.REJECTED;
    }

    private Result retry(OutboxStore.Item item, Instant now, String why) {
        Instant next = now.plus(engine.backoff(item.attempts() + 1));
        store.attempted(item.id(), "pending", now, next, why);
        log.info("outbox: session {} not sent ({}); next attempt at {}", item.sessionId(), why, next);
        return Result.RETRY;
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (executor != null) {
                executor.shutdownNow();
                executor = null;
            }
        }
    }
}
