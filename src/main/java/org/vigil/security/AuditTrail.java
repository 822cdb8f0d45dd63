package org.vigil.security;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.AuditSink;
import org.vigil.storage.DatabaseKeys;
import org.vigil.storage.VigilDatabase;

/**
 * The station's audit trail: an {@link AuditSink} that appends every entry to {@code audit_event},
 * each row chained to the one before by hash ({@link AuditRow}), and signs the chain's head into a
 * file outside the database ({@link AuditHead}).
 *
 * <p>{@link #record} only queues (bounded, never blocks, never throws): the {@code vigil-audit} thread
 * opens the database (retrying at every pass while it cannot), appends the queued entries in one
 * IMMEDIATE transaction that re-reads the last row inside it (so two processes never fork the
 * chain), then rewrites the head. Entries that find the queue full are counted and the count is
 * itself written as an {@code audit.dropped} entry. At start the head is compared with the table;
 * a head that is missing, behind or ahead is written into the trail as {@code audit.head.*}
 * before the head is signed again, so the trail says what happened. {@link #close()} writes what is
 * queued first.
 */
public final class AuditTrail implements AuditSink, AutoCloseable {

    /** Entries held while the database cannot be written. */
    public static final int DEFAULT_CAPACITY = 10_000;
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** Opens a connection to the database and the head that goes with it (writer thread). */
    interface Backend {
        Connection connect() throws Exception;

        AuditHead head() throws Exception;
    }

    private final Backend backend;
    private final InstantSource clock;
    private final BlockingQueue<AuditEntry> queue;
    private final List<AuditEntry> pending = new ArrayList<>();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Object progress = new Object();
    private final Thread thread;
    private volatile boolean closing;
    private volatile String problem;
    private Connection connection;
    private AuditHead head;
    private boolean headChecked;
    private long droppedWritten;

    AuditTrail(Backend backend, InstantSource clock, int capacity) {
        this.backend = backend;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "vigil-audit");
        thread.setDaemon(true);
        thread.start();
    }

    /** The trail of {@code database}, opened with {@code keys} (the station's). */
    public static AuditTrail start(Path database, DatabaseKeys keys, InstantSource clock) {
        return new AuditTrail(new Backend() {
            @Override
            public Connection connect() throws SQLException {
                try (VigilDatabase db = VigilDatabase.open(database, keys)) {
                    return db.newConnection();
                }
            }

            @Override
            public AuditHead head() {
                return new AuditHead(AuditHead.fileFor(database),
                        keys.existing().orElseThrow().derive(AuditHead.PURPOSE));
            }
        }, clock, DEFAULT_CAPACITY);
    }

    @Override
    public void record(AuditEntry entry) {
        if (entry == null) {
            return;
        }
        if (closing || !queue.offer(entry)) {
            dropped.incrementAndGet();
            return;
        }
        submitted.incrementAndGet();
    }

    /** Entries written to the database so far. */
    public long written() {
        return written.get();
    }

    /** Entries that found the queue full or the trail closed. */
    public long dropped() {
        return dropped.get();
    }

    /** Why the trail cannot be written now, if it cannot. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Waits until every entry recorded before this call is written, at most {@code timeout}; false if not. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = submitted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (written.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.notifyAll();
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
        return true;
    }

    /** Writes what is queued (up to 5 s), then stops the writer thread. */
    @Override
    public void close() {
        try {
            flush(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closing = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (written.get() < submitted.get()) {
            log.error("audit trail closed with {} entries not written", submitted.get() - written.get());
        }
    }

    private void run() {
        while (!closing) {
            try {
                AuditEntry first = queue.poll(RETRY.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    pending.add(first);
                    queue.drainTo(pending, 500);
                }
            } catch (InterruptedException e) {
                if (closing) {
                    break;
                }
            }
            if (!pending.isEmpty() || dropped.get() > droppedWritten) {
                writePending();
            }
        }
        queue.drainTo(pending);
        if (!pending.isEmpty()) {
            writePending();
        }
        closeConnection();
    }

    private void writePending() {
        try {
            if (connection == null) {
                connection = backend.connect();
                head = backend.head();
            }
            List<AuditEntry> batch = new ArrayList<>();
            if (!headChecked) {
                batch.addAll(headFindings());
            }
            long lost = dropped.get() - droppedWritten;
            if (lost > 0) {
                batch.add(new AuditEntry(clock.instant(), Actor.SYSTEM, "audit.dropped", "",
                        Map.of("entries", Long.toString(lost), "reason", "audit queue full or closed")));
            }
            batch.addAll(pending);
            AuditRow last = append(batch);
            headChecked = true;
            droppedWritten += lost;
            int mine = pending.size();
            pending.clear();
            synchronized (progress) {
                written.addAndGet(mine);
                progress.notifyAll();
            }
            if (problem != null) {
                log.info("audit trail written again");
            }
            problem = null;
            if (last != null) {
                try {
                    head.write(last.seq(), last.hash());
                } catch (java.io.IOException e) {
                    // the rows are in; the next start records that the head is behind
                    problem = "audit head " + head.file() + " cannot be written: " + e.getMessage();
                    log.error("audit trail: {}", problem, e);
                }
            }
        } catch (Exception e) {
            if (problem == null) {
                log.error("audit trail cannot be written ({} entries waiting); retrying", pending.size(), e);
            }
            problem = String.valueOf(e.getMessage());
            closeConnection();
            if (pending.size() > DEFAULT_CAPACITY) { // never grows without bound while the disk is away
                int excess = pending.size() - DEFAULT_CAPACITY;
                pending.subList(0, excess).clear();
                dropped.addAndGet(excess);
            }
        }
    }

    /** What the head outside the database says about the table, written into the trail before it is re-signed. */
    private List<AuditEntry> headFindings() throws Exception {
        Optional<AuditRow> last = AuditTable.last(connection);
        long lastSeq = last.map(AuditRow::seq).orElse(0L);
        Optional<AuditHead.Signed> signed = head.read();
        Map<String, String> d = new LinkedHashMap<>();
        String action = null;
        if (signed.isEmpty()) {
            if (lastSeq > 0) {
                action = "audit.head.missing";
                d.put("table_last_seq", Long.toString(lastSeq));
            }
        } else if (!signed.get().signatureValid()) {
            action = "audit.head.invalid";
            d.put("table_last_seq", Long.toString(lastSeq));
        } else if (signed.get().seq() > lastSeq) {
            action = "audit.head.ahead";
            d.put("head_seq", Long.toString(signed.get().seq()));
            d.put("table_last_seq", Long.toString(lastSeq));
        } else if (signed.get().seq() < lastSeq) {
            action = "audit.head.behind";
            d.put("head_seq", Long.toString(signed.get().seq()));
            d.put("table_last_seq", Long.toString(lastSeq));
        } else if (last.isPresent() && !last.get().hash().equals(signed.get().hash())) {
            action = "audit.head.mismatch";
            d.put("seq", Long.toString(lastSeq));
        }
        if (action == null) {
            return List.of();
        }
        log.error("audit trail: the signed head does not match the table ({} {}); recorded in the trail", action, d);
        return List.of(new AuditEntry(clock.instant(), Actor.SYSTEM, action, "", d));
    }

    /** Appends {@code batch} after the last row, in one transaction; returns the new last row. */
    private AuditRow append(List<AuditEntry> batch) throws SQLException {
        if (batch.isEmpty()) {
            return null;
        }
        connection.setAutoCommit(false);
        try {
            Optional<AuditRow> last = AuditTable.last(connection);
            long seq = last.map(AuditRow::seq).orElse(0L);
            String prev = last.map(AuditRow::hash).orElse(AuditRow.GENESIS);
            AuditRow row = null;
            for (AuditEntry e : batch) {
                row = AuditRow.chain(++seq, e, prev);
                AuditTable.insert(connection, row);
                prev = row.hash();
            }
            connection.commit();
            return row;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the audit connection failed", e);
            }
            connection = null;
        }
    }
}
