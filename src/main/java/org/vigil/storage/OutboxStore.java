package org.vigil.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox of messages to the clinic's interface engine (table {@code export_outbox},
 * schema step 5): one message per signed session, its control id fixed at enqueue, sent in the
 * order enqueued. States: {@code pending} (waiting or retrying), {@code acknowledged} (the engine
 * answered AA), {@code rejected} (AE/AR: kept with the engine's text for an admin, not retried).
 * Has its own connection (the sender thread's); calls are synchronous and touch the disk.
 */
public final class OutboxStore implements AutoCloseable {

    /** One outbox row. */
    public record Item(long id, long sessionId, String controlId, String message, String state, int attempts,
            Instant enqueuedAt, Instant nextAttemptAt, Instant lastAttemptAt, Instant doneAt, String lastAnswer) {
    }

    private static final String COLUMNS = "id, session_id, control_id, message, state, attempts, enqueued_at, "
            + "next_attempt_at, last_attempt_at, done_at, last_answer";

    private final Connection connection;
    private final Path file;

    OutboxStore(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /**
     * Adds the message of a signed session; a session already in the outbox keeps its first
     * message (signing twice never sends twice). Returns the row's id.
     */
    public synchronized long enqueue(long sessionId, String controlId, String message, Instant now) {
        try {
            try (PreparedStatement p = connection.prepareStatement("INSERT OR IGNORE INTO export_outbox "
                    + "(session_id, control_id, message, state, enqueued_at, next_attempt_at) VALUES (?, ?, ?, 'pending', ?, ?)")) {
                p.setLong(1, sessionId);
                p.setString(2, controlId);
                p.setString(3, message);
                p.setLong(4, now.toEpochMilli());
                p.setLong(5, now.toEpochMilli());
                p.executeUpdate();
            }
            try (PreparedStatement p = connection.prepareStatement("SELECT id FROM export_outbox WHERE session_id = ?")) {
                p.setLong(1, sessionId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw failure("queue the message of session " + sessionId, e);
        }
    }

    /** The oldest pending message (whatever its next attempt time: order is kept by waiting for it). */
    public synchronized Optional<Item> oldestPending() {
        List<Item> one = query("SELECT " + COLUMNS + " FROM export_outbox WHERE state = 'pending' ORDER BY id LIMIT 1");
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** Every message in the outbox, oldest first. */
    public synchronized List<Item> all() {
        return query("SELECT " + COLUMNS + " FROM export_outbox ORDER BY id");
    }

    /** The messages the engine rejected, oldest first (for the admin's notice). */
    public synchronized List<Item> rejected() {
        return query("SELECT " + COLUMNS + " FROM export_outbox WHERE state = 'rejected' ORDER BY id");
    }

    /** The number of messages still to send. */
    public synchronized int pendingCount() {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM export_outbox WHERE state = 'pending'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failure("count the pending messages", e);
        }
    }

    /** Records the end of an attempt: acknowledged or rejected (done), or a retry at {@code nextAttempt}. */
    public synchronized void attempted(long id, String state, Instant at, Instant nextAttempt, String answer) {
        boolean done = !state.equals("pending");
        try (PreparedStatement p = connection.prepareStatement("UPDATE export_outbox SET state = ?, attempts = attempts + 1, "
                + "last_attempt_at = ?, next_attempt_at = ?, done_at = ?, last_answer = ? WHERE id = ?")) {
            p.setString(1, state);
            p.setLong(2, at.toEpochMilli());
            p.setLong(3, nextAttempt.toEpochMilli());
            if (done) {
                p.setLong(4, at.toEpochMilli());
            } else {
                p.setNull(4, java.sql.Types.INTEGER);
            }
            p.setString(5, answer);
            p.setLong(6, id);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("record an attempt of outbox message " + id, e);
        }
    }

    private List<Item> query(String sql) {
        List<Item> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8)),
                        Codec.instantOrNull(rs, 9), Codec.instantOrNull(rs, 10), rs.getString(11)));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    private StorageException failure(String what, SQLException e) {
        return new StorageException("cannot " + what + " in session database " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close the outbox connection", e);
        }
    }
}
