package org.vigil.storage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RecordingWriter} thread's commit step and failure bookkeeping: takes everything
 * queued, commits it with any recording-gap events in one transaction, keeps the rows when the
 * commit fails, and turns failures and recoveries into one {@link WriterListener} call per
 * episode. Used by the writer thread only.
 */
final class CommitCycle implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommitCycle.class);

    private final BatchCommitter committer;
    private final WriterListener listener;
    private final int capacity;
    private final List<Row> inFlight = new ArrayList<>();
    private final AtomicLong rejected = new AtomicLong();
    /** Refused rows per session already written into the session as recording-gap events. */
    private final java.util.Map<Long, Long> gapRowsWritten = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean failing;
    private long dropsReported;
    private long failedAttempts;

    CommitCycle(BatchCommitter committer, WriterListener listener, int capacity) {
        this.committer = committer;
        this.listener = listener;
        this.capacity = capacity;
    }

    /**
     * Commits the rows kept from a failed attempt plus everything in {@code queue}. Returns how
     * many queued rows are now done (committed or refused for good), or -1 when the commit failed
     * and they are kept for the next attempt. The listener has been told before this returns.
     *
     * @param droppedSoFar rows refused by a full queue since start; an increase is a failure
     */
    int attempt(Queue<Row> queue, Gaps gaps, long droppedSoFar) {
        Exception problem = null;
        if (droppedSoFar > dropsReported) {
            problem = new StorageException("recording queue full (" + capacity + " rows): "
                    + (droppedSoFar - dropsReported) + " rows were not recorded");
            log.error("recording queue full: {} rows refused so far", droppedSoFar);
            dropsReported = droppedSoFar;
        }
        for (Row r; (r = queue.poll()) != null; ) {
            inFlight.add(r);
        }
        List<Gaps.Gap> gapList = gaps.drain();
        if (inFlight.isEmpty() && gapList.isEmpty()) {
            if (!committer.isOpen()) {
                // nothing to write, but a database that cannot be opened is news now, not at the first row
                try {
                    committer.open();
                } catch (SQLException | RuntimeException e) {
                    if (failedAttempts++ == 0) {
                        log.error("the session database cannot be opened; retrying", e);
                    }
                    report(problem != null ? problem : e);
                    return -1;
                }
                if (failedAttempts > 0) {
                    log.info("the session database opens again after {} failed attempts", failedAttempts);
                    failedAttempts = 0;
                }
            }
            report(problem);
            return 0;
        }
        List<Row> rows = inFlight;
        if (!gapList.isEmpty()) {
            rows = new ArrayList<>(inFlight);
            for (Gaps.Gap g : gapList) {
                rows.add(g.toRow());
            }
        }
        try {
            int refused = committer.commit(rows);
            if (refused > 0) {
                rejected.addAndGet(refused);
                if (problem == null) {
                    problem = new StorageException(refused + " rows were refused by the session database and not recorded");
                }
            }
        } catch (SQLException | RuntimeException e) {
            gaps.restore(gapList);
            if (failedAttempts++ == 0) {
                log.error("committing {} rows failed; keeping them and retrying", inFlight.size(), e);
            } else {
                log.debug("commit retry {} failed: {}", failedAttempts, e.toString());
            }
            report(problem != null ? problem : e);
            return -1;
        }
        for (Gaps.Gap g : gapList) {
            gapRowsWritten.merge(g.sessionId(), g.rows(), Long::sum);
        }
        if (failedAttempts > 0) {
            log.info("recording to disk works again after {} failed attempts", failedAttempts);
            failedAttempts = 0;
        }
        int done = inFlight.size();
        inFlight.clear();
        report(problem);
        return done;
    }

    /** Rows taken from the queue and not committed (kept from a failed attempt). */
    List<Row> unwritten() {
        return List.copyOf(inFlight);
    }

    /** Per session key, the refused rows already written into it as recording-gap events. */
    java.util.Map<Long, Long> gapRowsWritten() {
        return java.util.Map.copyOf(gapRowsWritten);
    }

    /** Rows the database refused for good since start. */
    long rejectedCount() {
        return rejected.get();
    }

    /** Reports that {@code lost} rows will never be written (the writer stops). */
    void reportLoss(StorageException loss) {
        if (!failing) {
            failing = true;
            tell(loss);
        }
    }

    @Override
    public void close() {
        committer.close();
    }

    /** Starts a failure episode with {@code problem}, or ends one when there is none. */
    private void report(Exception problem) {
        if (problem != null) {
            if (!failing) {
                failing = true;
                tell(problem);
            }
        } else if (failing) {
            failing = false;
            try {
                listener.onRecovered();
            } catch (RuntimeException e) {
                log.warn("writer listener failed in onRecovered", e);
            }
        }
    }

    private void tell(Exception problem) {
        try {
            listener.onFailure(problem);
        } catch (RuntimeException e) {
            log.warn("writer listener failed in onFailure", e);
        }
    }
}
