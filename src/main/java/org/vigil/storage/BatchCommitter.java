package org.vigil.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RecordingWriter} thread's side of the database: one connection, three prepared
 * statements, one transaction per commit. A transient failure (I/O error, disk full, busy, closed
 * connection) rolls the whole transaction back and drops the connection so that the next attempt
 * reconnects. A row the database can never accept (a constraint such as an unknown session id)
 * must not hold every later row hostage: the transaction is then redone row by row, the refused
 * rows are skipped and counted, and the rest commit.
 */
final class BatchCommitter implements AutoCloseable {

    /** Opens a connection with the station's settings; a test seam. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;

        /**
         * Called before each transaction on an open connection (e.g. to check that the file is
         * still the one opened, or to create sessions first); throwing fails the commit as a
         * transient failure and drops the connection.
         */
        default void prepare() throws SQLException {
        }

        /** The database id of a row's session key (the identity by default). */
        default long resolve(long sessionKey) {
            return sessionKey;
        }
    }

    static final int BATCH_ROWS = 1_000;
    private static final int LOGGED_REJECTIONS = 5;
    private static final Logger log = LoggerFactory.getLogger(BatchCommitter.class);

    private final Connector connector;
    private Connection connection;
    private PreparedStatement readings;
    private PreparedStatement alarms;
    private PreparedStatement events;
    private PreparedStatement waves;
    private PreparedStatement identities;

    BatchCommitter(Connector connector) {
        this.connector = connector;
    }

    /**
     * Writes {@code rows} in one transaction; returns how many the database refused for good.
     *
     * @throws SQLException on a transient failure; nothing was written
     */
    int commit(List<Row> rows) throws SQLException {
        open();
        try {
            // One explicit transaction per commit, then back to auto-commit: the driver begins
            // a new (IMMEDIATE) transaction right after commit() while auto-commit is off, which
            // would hold the write lock between commits and lock out the session repository.
            connection.setAutoCommit(false);
            insertBatched(rows);
            connection.commit();
            connection.setAutoCommit(true);
            return 0;
        } catch (SQLException e) {
            rollbackQuietly();
            if (!isPermanent(e)) {
                reset();
                throw e;
            }
            log.warn("a row was refused by the database ({}); writing {} rows one by one", e.getMessage(), rows.size());
        }
        try {
            connection.setAutoCommit(false);
            int rejected = insertOneByOne(rows);
            connection.commit();
            connection.setAutoCommit(true);
            return rejected;
        } catch (SQLException e) {
            rollbackQuietly();
            reset();
            throw e;
        }
    }

    /** Opens the connection if needed and runs the connector's checks; drops it when they fail. */
    void open() throws SQLException {
        ensureOpen();
        try {
            connector.prepare();
        } catch (SQLException | RuntimeException e) {
            reset();
            throw e;
        }
    }

    boolean isOpen() {
        return connection != null;
    }

    /** Closes the connection, if any, so that the next commit reconnects. */
    void reset() {
        for (PreparedStatement p : new PreparedStatement[] {readings, alarms, events, waves, identities}) {
            if (p != null) {
                try {
                    p.close();
                } catch (SQLException e) {
                    log.debug("closing statement failed", e);
                }
            }
        }
        readings = null;
        alarms = null;
        events = null;
        waves = null;
        identities = null;
        if (connection != null) {
            VigilDatabase.closeQuietly(connection);
            connection = null;
        }
    }

    @Override
    public void close() {
        reset();
    }

    private void ensureOpen() throws SQLException {
        if (connection != null) {
            return;
        }
        Connection c = connector.open();
        try {
            readings = c.prepareStatement(Codec.INSERT_READING);
            alarms = c.prepareStatement(Codec.INSERT_ALARM_EVENT);
            events = c.prepareStatement(Codec.INSERT_SESSION_EVENT);
            connection = c;
        } catch (SQLException e) {
            connection = c;
            reset();
            throw e;
        }
    }

    private void insertBatched(List<Row> rows) throws SQLException {
        int nr = 0;
        int na = 0;
        int ne = 0;
        int nw = 0;
        int ni = 0;
        List<Row> updates = new java.util.ArrayList<>();
        try {
            for (Row row : rows) {
                if (needsUpdate(row)) {
                    updates.add(row);
                }
                if (row instanceof Row.EndRow) {
                    continue;
                }
                PreparedStatement p = bind(row);
                p.addBatch();
                if (p == readings && ++nr % BATCH_ROWS == 0
                        || p == alarms && ++na % BATCH_ROWS == 0
                        || p == events && ++ne % BATCH_ROWS == 0
                        || p == waves && ++nw % BATCH_ROWS == 0
                        || p == identities && ++ni % BATCH_ROWS == 0) {
                    p.executeBatch();
                }
            }
            readings.executeBatch();
            alarms.executeBatch();
            events.executeBatch();
            if (waves != null) {
                waves.executeBatch();
            }
            if (identities != null) {
                identities.executeBatch();
            }
            for (Row u : updates) {
                update(u);
            }
        } catch (SQLException e) {
            readings.clearBatch();
            alarms.clearBatch();
            events.clearBatch();
            if (waves != null) {
                waves.clearBatch();
            }
            if (identities != null) {
                identities.clearBatch();
            }
            throw e;
        }
    }

    private int insertOneByOne(List<Row> rows) throws SQLException {
        int rejected = 0;
        for (Row row : rows) {
            try {
                if (!(row instanceof Row.EndRow)) {
                    bind(row).executeUpdate();
                }
                if (needsUpdate(row)) {
                    update(row);
                }
            } catch (SQLException e) {
                if (!isPermanent(e)) {
                    throw e;
                }
                if (++rejected <= LOGGED_REJECTIONS) {
                    log.error("row refused by the session database and not recorded: {} ({})", describe(row), e.getMessage());
                }
            }
        }
        if (rejected > LOGGED_REJECTIONS) {
            log.error("{} rows refused by the session database in one commit and not recorded", rejected);
        }
        return rejected;
    }

    private PreparedStatement bind(Row row) throws SQLException {
        if (row instanceof Row.ReadingRow r) {
            Codec.bindReading(readings, connector.resolve(r.sessionId()), r.reading());
            return readings;
        } else if (row instanceof Row.AlarmRow a) {
            Codec.bindAlarmEvent(alarms, connector.resolve(a.sessionId()), a.event());
            return alarms;
        } else if (row instanceof Row.WaveRow w) {
            if (waves == null) {
                // prepared with the first pleth row: most stations never record one
                waves = connection.prepareStatement(WaveformStore.INSERT);
            }
            WaveformStore.bind(waves, connector.resolve(w.sessionId()), w.chunk());
            return waves;
        } else if (row instanceof Row.IdentityRow i) {
            if (identities == null) {
                identities = connection.prepareStatement(DeviceIdentities.INSERT);
            }
            DeviceIdentities.bind(identities, connector.resolve(i.sessionId()), i.change());
            return identities;
        } else {
            Row.EventRow e = (Row.EventRow) row;
            Codec.bindSessionEvent(events, connector.resolve(e.sessionId()), e.event());
            return events;
        }
    }

    /** A row that also changes its session row: an end, or a phase reached. */
    private static boolean needsUpdate(Row row) {
        return row instanceof Row.EndRow
                || row instanceof Row.EventRow e && org.vigil.domain.SessionEventType.PHASE.key().equals(e.event().type());
    }

    private void update(Row row) throws SQLException {
        long id = connector.resolve(row.sessionId());
        if (row instanceof Row.EndRow end) {
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE session SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL")) {
                p.setLong(1, end.time().toEpochMilli());
                p.setString(2, end.reason().key());
                p.setLong(3, id);
                if (p.executeUpdate() == 1) {
                    // the session list's summary, written once as the session ends (after its rows)
                    SessionSummaries.write(connection, id);
                }
            }
        } else if (row instanceof Row.EventRow e) {
            String phase = e.event().details().get("phase");
            try (PreparedStatement p = connection.prepareStatement("UPDATE session SET phase = ? WHERE id = ?")) {
                p.setString(1, phase);
                p.setLong(2, id);
                p.executeUpdate();
            }
        }
    }

    /** Constraint, type mismatch or too big: the same row will fail again whatever the disk does. */
    private static boolean isPermanent(SQLException e) {
        int code = VigilDatabase.primaryCode(e);
        return code == 19 /* CONSTRAINT */ || code == 20 /* MISMATCH */ || code == 18 /* TOOBIG */;
    }

    private void rollbackQuietly() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            log.debug("rollback failed", e);
        }
    }

    /** A row for the log: its kind, session and time, never its content (an event's detail may name the patient). */
    static String describe(Row row) {
        String kind = row instanceof Row.EventRow e ? "event " + e.event().type() : row.getClass().getSimpleName();
        return kind + " of session " + row.sessionId() + " at " + row.time();
    }
}
