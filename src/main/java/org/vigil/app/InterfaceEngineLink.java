package org.vigil.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.config.InterfaceEngineConfig;
import org.vigil.export.SessionLogReader;
import org.vigil.export.outbox.InterfaceEngine;
import org.vigil.export.outbox.OutboxSender;
import org.vigil.export.outbox.SignedSessions;
import org.vigil.review.SessionArchive;
import org.vigil.storage.OutboxStore;
import org.vigil.storage.StationStore;
import org.vigil.storage.StorageException;
import org.vigil.storage.VigilDatabase;

/**
 * The station's link to the clinic's interface engine: when a session is signed (discharge), its
 * HL7 ORU goes into the durable outbox and the sender sends it. Everything runs on the
 * {@code vigil-outbox} thread: opening the database (retried each second until it opens),
 * waiting for the recorder to write the session's last rows, building the message, the MLLP
 * exchange. The core thread only hands over the record's key. Rejected messages (AE/AR) are
 * kept as notices for an admin.
 */
final class InterfaceEngineLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InterfaceEngineLink.class);

    private final InterfaceEngine engine;
    private final Path file;
    private final StationStore store;
    private final InstantSource clock;
    private final ScheduledExecutorService executor;
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private VigilDatabase db;
    private OutboxStore outbox;
    private OutboxSender sender;
    private SignedSessions signed;

    private InterfaceEngineLink(InterfaceEngineConfig c, Path file, StationStore store, InstantSource clock) {
        this.engine = new InterfaceEngine(c.host(), c.port(), c.connectTimeout(), c.ackTimeout(), c.firstRetry(),
                c.maxRetry());
        this.file = file;
        this.store = store;
        this.clock = clock;
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vigil-outbox");
            t.setDaemon(true);
            return t;
        });
        e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = e;
        executor.scheduleWithFixedDelay(this::round, 1, 1, TimeUnit.SECONDS);
    }

    /** The link for {@code config}, or null when no interface engine is configured. */
    static InterfaceEngineLink start(InterfaceEngineConfig config, Path file, StationStore store, InstantSource clock) {
        return config == null ? null : new InterfaceEngineLink(config, file, store, clock);
    }

    /** A session was signed: queue its message (the record's store key; never blocks). */
    void signed(long storeKey) {
        executor.execute(() -> {
            try {
                if (!open()) {
                    executor.schedule(() -> signed(storeKey), 1, TimeUnit.SECONDS);
                    return;
                }
                store.flush(Duration.ofSeconds(30));
                Long id = store.sessionId(storeKey).orElse(null);
                if (id == null) {
                    log.warn("outbox: the signed session (record {}) is not in the database yet; retrying", storeKey);
                    executor.schedule(() -> signed(storeKey), 5, TimeUnit.SECONDS);
                    return;
                }
                signed.enqueue(id);
                round();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("outbox: cannot queue a signed session: {}", e.getMessage(), e);
            }
        });
    }

    private void round() {
        try {
            if (open()) {
                sender.sendDue();
            }
        } catch (RuntimeException e) {
            log.warn("outbox: {}", e.getMessage(), e);
        }
    }

    private boolean open() {
        if (sender != null) {
            return true;
        }
        if (!store.everOpened()) {
            return false;
        }
        try {
            db = VigilDatabase.open(file);
            outbox = db.outbox();
            sender = new OutboxSender(outbox, engine, clock, item -> notices.add("Interface engine " + engine
                    + " refused session " + item.sessionId() + " (" + item.controlId() + "): " + item.lastAnswer()));
            signed = new SignedSessions(new SessionLogReader(new SessionArchive(db), ZoneId.systemDefault()), outbox, clock);
            for (OutboxStore.Item i : outbox.rejected()) {
                notices.add("Interface engine " + engine + " refused session " + i.sessionId() + " (" + i.controlId()
                        + "): " + i.lastAnswer());
            }
            return true;
        } catch (StorageException e) {
            log.debug("outbox: database not available yet: {}", e.getMessage());
            return false;
        }
    }

    /** What the engine refused, with its words, for an admin. */
    List<String> notices() {
        return List.copyOf(notices);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (outbox != null) {
            outbox.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
