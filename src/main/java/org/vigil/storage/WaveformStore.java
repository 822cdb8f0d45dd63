package org.vigil.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Waveform chunks ({@code waveform_chunk}, schema step 4): append and stream back. Shares the
 * session repository's connection and lock (obtained from {@link VigilDatabase#waveforms()});
 * every call touches the disk, so make it off the FX thread and off device reader threads.
 */
public final class WaveformStore {

    static final String INSERT =
            "INSERT INTO waveform_chunk (session_id, device_id, wave, t_ms, rate_hz, lo, hi, samples) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final Path file;
    private final Object lock;

    WaveformStore(Connection connection, Path file, Object lock) {
        this.connection = connection;
        this.file = file;
        this.lock = lock;
    }

    /** Binds one chunk to {@link #INSERT} (for a writer with a connection of its own). */
    static void bind(PreparedStatement p, long sessionId, WaveformChunk c) throws SQLException {
        p.setLong(1, sessionId);
        p.setString(2, c.deviceId());
        p.setString(3, c.wave());
        p.setLong(4, c.start().toEpochMilli());
        p.setDouble(5, c.rateHz());
        int lo = 0;
        int hi = 0;
        short[] s = c.samples();
        for (int i = 0; i < s.length; i++) {
            lo = i == 0 ? s[i] : Math.min(lo, s[i]);
            hi = i == 0 ? s[i] : Math.max(hi, s[i]);
        }
        p.setInt(6, lo);
        p.setInt(7, hi);
        p.setBytes(8, c.encodedSamples());
    }

    /** Appends chunks of one session in one transaction. */
    public void append(long sessionId, List<WaveformChunk> chunks) {
        Objects.requireNonNull(chunks, "chunks");
        synchronized (lock) {
            try {
                connection.setAutoCommit(false);
                try (PreparedStatement p = connection.prepareStatement(INSERT)) {
                    for (WaveformChunk c : chunks) {
                        bind(p, sessionId, c);
                        p.addBatch();
                    }
                    p.executeBatch();
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StorageException("cannot write waveform chunks of session " + sessionId + " in " + file
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Streams the chunks of one wave that start in {@code [from, to)}, oldest first, through the
     * index (one row in memory at a time). A chunk that starts shortly before {@code from} is not
     * included: ask from a second earlier to get the samples at the window's edge.
     */
    public void forEachChunk(long sessionId, String wave, Instant from, Instant to, Consumer<WaveformChunk> out) {
        synchronized (lock) {
            try (PreparedStatement p = connection.prepareStatement("SELECT device_id, t_ms, rate_hz, samples "
                    + "FROM waveform_chunk WHERE session_id = ? AND wave = ? AND t_ms >= ? AND t_ms < ? ORDER BY t_ms, rowid")) {
                p.setLong(1, sessionId);
                p.setString(2, wave);
                p.setLong(3, from.toEpochMilli());
                p.setLong(4, to.toEpochMilli());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.accept(new WaveformChunk(rs.getString(1), wave, Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getDouble(3), WaveformChunk.decodeSamples(rs.getBytes(4))));
                    }
                }
            } catch (SQLException e) {
                throw new StorageException("cannot read waveform " + wave + " of session " + sessionId + " in " + file
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** The waves recorded for a session (e.g. {@code [pleth]}), sorted. */
    public List<String> waves(long sessionId) {
        synchronized (lock) {
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT DISTINCT wave FROM waveform_chunk WHERE session_id = ? ORDER BY wave")) {
                p.setLong(1, sessionId);
                java.util.ArrayList<String> out = new java.util.ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new StorageException("cannot list the waveforms of session " + sessionId + " in " + file
                        + ": " + e.getMessage(), e);
            }
        }
    }
}
