package org.vigil.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.Reading;

/**
 * Appends a whole recording to a session in few transactions: an import (a recording replayed
 * into a session) and the review benchmark's generated data. Not for live recording (that is the
 * {@link RecordingWriter}'s job, which never blocks). Shares the session repository's connection
 * and lock; obtained from {@link VigilDatabase#bulk()}. Rows are committed every
 * {@value #BATCH_ROWS} rows, so any iterator length fits in bounded memory.
 */
public final class BulkAppender {

    static final int BATCH_ROWS = 50_000;

    private final Connection connection;
    private final Path file;
    private final Object lock;

    BulkAppender(Connection connection, Path file, Object lock) {
        this.connection = connection;
        this.file = file;
        this.lock = lock;
    }

    /** Appends readings; returns how many. */
    public long readings(long sessionId, Iterator<Reading> rows) {
        return append(sessionId, Codec.INSERT_READING, rows, (p, r) -> Codec.bindReading(p, sessionId, r));
    }

    /** Appends alarm log rows; returns how many. */
    public long alarmEvents(long sessionId, Iterator<AlarmEvent> rows) {
        return append(sessionId, Codec.INSERT_ALARM_EVENT, rows, (p, e) -> Codec.bindAlarmEvent(p, sessionId, e));
    }

    /** Appends session events; returns how many. The session's phase becomes its last {@code phase} event's, as when recorded live. */
    public long sessionEvents(long sessionId, Iterator<SessionEvent> rows) {
        String[] phase = {null};
        long n = append(sessionId, Codec.INSERT_SESSION_EVENT, rows, (p, e) -> {
            if ("phase".equals(e.type()) && e.details().get("phase") != null) {
                phase[0] = e.details().get("phase");
            }
            Codec.bindSessionEvent(p, sessionId, e);
        });
        if (phase[0] != null) {
            synchronized (lock) {
                try (PreparedStatement p = connection.prepareStatement("UPDATE session SET phase = ? WHERE id = ?")) {
                    p.setString(1, phase[0]);
                    p.setLong(2, sessionId);
                    p.executeUpdate();
                } catch (SQLException e) {
                    throw new StorageException("cannot set the phase of session " + sessionId + " in " + file + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return n;
    }

    /** Appends waveform chunks; returns how many. */
    public long waveforms(long sessionId, Iterator<WaveformChunk> rows) {
        return append(sessionId, WaveformStore.INSERT, rows, (p, c) -> WaveformStore.bind(p, sessionId, c));
    }

    private <T> long append(long sessionId, String sql, Iterator<T> rows, Binder<T> binder) {
        synchronized (lock) {
            long n = 0;
            try {
                connection.setAutoCommit(false);
                try (PreparedStatement p = connection.prepareStatement(sql)) {
                    while (rows.hasNext()) {
                        binder.bind(p, rows.next());
                        p.addBatch();
                        if (++n % BATCH_ROWS == 0) {
                            p.executeBatch();
                            connection.commit();
                        }
                    }
                    p.executeBatch();
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
                return n;
            } catch (SQLException e) {
                throw new StorageException("cannot append rows to session " + sessionId + " in " + file + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Runs {@code work} (appends and session starts and ends on this database) with SQLite's
     * {@code synchronous=OFF}, then restores {@code FULL}: for generated data and imports that can be
     * redone after a power loss, never for a patient's live recording.
     */
    public void unsynchronized(Runnable work) {
        synchronized (lock) {
            pragma("OFF");
            try {
                work.run();
            } finally {
                pragma("FULL");
            }
        }
    }

    private void pragma(String mode) {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("PRAGMA synchronous = " + mode);
        } catch (SQLException e) {
            throw new StorageException("cannot set synchronous=" + mode + " on " + file + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement p, T row) throws SQLException;
    }
}
