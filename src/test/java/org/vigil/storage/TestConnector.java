package org.vigil.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands the writer real connections, and lets a test stall the writer thread inside
 * {@code open()} or pull the disk away (close the live connection and refuse new ones).
 */
final class TestConnector implements BatchCommitter.Connector {

    private final VigilDatabase db;
    private final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch stalled = new CountDownLatch(1);
    final AtomicInteger refusedOpens = new AtomicInteger();
    private volatile boolean stall;
    private volatile boolean broken;
    private volatile CountDownLatch refusals = new CountDownLatch(0);
    private volatile Connection last;

    TestConnector(VigilDatabase db) {
        this.db = db;
    }

    /** The next {@code open()} blocks until {@link #release()}. */
    TestConnector stallNextOpen() {
        stall = true;
        return this;
    }

    void release() {
        stall = false;
        release.countDown();
    }

    /** Closes the writer's connection under it and refuses to open new ones. */
    void pullTheDisk() throws SQLException {
        broken = true;
        Connection c = last;
        if (c != null) {
            c.close();
        }
    }

    /** A latch that opens after {@code n} more refused opens. */
    CountDownLatch awaitRefusals(int n) {
        CountDownLatch l = new CountDownLatch(n);
        refusals = l;
        return l;
    }

    void putTheDiskBack() {
        broken = false;
    }

    @Override
    public Connection open() throws SQLException {
        if (stall) {
            stalled.countDown();
            boolean interrupted = false;
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (broken) {
            refusedOpens.incrementAndGet();
            refusals.countDown();
            throw new SQLException("disk I/O error (test: disk pulled)");
        }
        Connection c = db.connect();
        last = c;
        return c;
    }
}
