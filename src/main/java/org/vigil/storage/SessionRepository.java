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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

/**
 * Starts, ends and recovers sessions and reads them back. Obtained from
 * {@link VigilDatabase#sessions()}; thread-safe (calls are serialised on the database's own
 * connection). Calls are synchronous and touch the disk: make them from the session or UI
 * workflow, never from a device reader thread. Readings and events are written through a
 * {@link RecordingWriter}; what it has not committed yet is not visible here (call its
 * {@code flush()} first when that matters, e.g. before ending a session).
 *
 * <p>Every method throws {@link StorageException} when the database cannot be read or written.
 */
public final class SessionRepository {

    private static final Logger log = LoggerFactory.getLogger(SessionRepository.class);

    private final Connection connection;
    private final Path file;

    private final PatientRepository patients;

    SessionRepository(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
        this.patients = new PatientRepository(connection, file, this);
    }

    /** Creates the session row and its device rows in one transaction; returns the new session id. */
    public synchronized long startSession(NewSession s) {
        Objects.requireNonNull(s, "session");
        return inTransaction("start a session", () -> {
            long id;
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO session (chair_id, started_at, software_version, simulated) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, s.chairId());
                p.setLong(2, s.start().toEpochMilli());
                p.setString(3, s.softwareVersion());
                p.setInt(4, s.simulated() ? 1 : 0);
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO session_device (session_id, device_id, label, protocol, endpoint) VALUES (?, ?, ?, ?, ?)")) {
                for (SessionDevice d : s.devices()) {
                    p.setLong(1, id);
                    p.setString(2, d.deviceId());
                    p.setString(3, d.label());
                    p.setString(4, d.protocol());
                    p.setString(5, d.endpoint());
                    p.addBatch();
                }
                p.executeBatch();
            }
            if (s.clinical() != null) {
                long patientId = s.clinical().patient().id();
                if (patientId <= 0) {
                    // a patient not stored yet: the one with this MRN, or a new one
                    Optional<org.vigil.session.Patient> known = patients.byMrn(s.clinical().patient().mrn());
                    patientId = known.isPresent() ? known.get().id()
                            : PatientRepository.insert(connection, s.clinical().patient(), s.start());
                }
                org.vigil.session.DoseCalculation d = s.clinical().dose();
                try (PreparedStatement p = connection.prepareStatement("""
                        UPDATE session SET patient_id = ?, phase = ?, weight_kg = ?, dose_mg_kg = ?,
                            concentration_mg_ml = ?, duration_min = ?, prescriber = ?, total_mg = ?, volume_ml = ?,
                            rate_ml_h = ? WHERE id = ?""")) {
                    p.setLong(1, patientId);
                    p.setString(2, org.vigil.session.Phase.BASELINE.key());
                    p.setDouble(3, d.order().weightKg());
                    p.setDouble(4, d.order().doseMgPerKg());
                    p.setDouble(5, d.order().concentrationMgPerMl());
                    p.setDouble(6, d.order().durationMin());
                    p.setString(7, d.order().prescriber());
                    p.setDouble(8, d.totalMg());
                    p.setDouble(9, d.volumeMl());
                    p.setDouble(10, d.rateMlPerH());
                    p.setLong(11, id);
                    p.executeUpdate();
                }
                try (PreparedStatement p = connection.prepareStatement("UPDATE patient SET weight_kg = ? WHERE id = ?")) {
                    p.setDouble(1, d.order().weightKg());
                    p.setLong(2, patientId);
                    p.executeUpdate();
                }
            }
            return id;
        });
    }

    /** A clinical session left open (a crash, or the station closed while it ran): what a restart resumes it from. */
    public record OpenSession(long id, String chairId, Instant start, Instant lastActivity,
            org.vigil.session.Patient patient, org.vigil.session.InfusionOrder order,
            List<org.vigil.domain.RecordedEvent> events, List<org.vigil.session.CuffReading> cuffs) {
    }

    /** Every clinical session without an end, oldest first, with its patient, order and typed events. */
    public synchronized List<OpenSession> openClinicalSessions() {
        List<OpenSession> out = new ArrayList<>();
        List<long[]> ids = new ArrayList<>();
        query("find open clinical sessions", """
                SELECT s.id, max(s.started_at,
                    coalesce((SELECT max(t_ms) FROM reading WHERE session_id = s.id), 0),
                    coalesce((SELECT max(t_ms) FROM alarm_event WHERE session_id = s.id), 0),
                    coalesce((SELECT max(t_ms) FROM session_event WHERE session_id = s.id), 0))
                FROM session s WHERE s.ended_at IS NULL AND s.patient_id IS NOT NULL ORDER BY s.id""", p -> { },
                rs -> ids.add(new long[] {rs.getLong(1), rs.getLong(2)}));
        for (long[] row : ids) {
            long id = row[0];
            List<OpenSession> one = query("read open session " + id, """
                    SELECT s.chair_id, s.started_at, s.weight_kg, s.dose_mg_kg, s.concentration_mg_ml, s.duration_min,
                        s.prescriber, p.id, p.mrn, p.name, p.birth_date, p.weight_kg, p.allergies
                    FROM session s JOIN patient p ON p.id = s.patient_id WHERE s.id = ?""", p -> p.setLong(1, id),
                    rs -> new OpenSession(id, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(row[1]), PatientRepository.patient(rs, 8),
                            new org.vigil.session.InfusionOrder(rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                                    rs.getDouble(6), rs.getString(7)), List.of(), List.of()));
            if (one.isEmpty()) {
                continue;
            }
            List<org.vigil.domain.RecordedEvent> events = sessionEvents(id).stream()
                    .filter(e -> e.seq() > 0)
                    .sorted(java.util.Comparator.comparingLong(SessionEvent::seq))
                    .map(SessionEvent::toRecorded).flatMap(Optional::stream).toList();
            OpenSession o = one.get(0);
            out.add(new OpenSession(o.id(), o.chairId(), o.start(), o.lastActivity(), o.patient(), o.order(), events,
                    cuffs(id)));
        }
        return out;
    }

    /** The session's valid cuff measurements, in time order (systolic and diastolic of one frame). */
    /** The session's valid cuff measurements (systolic and diastolic, unflagged), oldest first. */
    public synchronized List<org.vigil.session.CuffReading> cuffReadings(long sessionId) {
        return cuffs(sessionId);
    }

    private List<org.vigil.session.CuffReading> cuffs(long sessionId) {
        return query("read the cuff readings of session " + sessionId, """
                SELECT s.t_ms, s.device_id, s.value, d.value,
                    (SELECT m.value FROM reading m WHERE m.session_id = s.session_id AND m.t_ms = s.t_ms
                        AND m.device_id = s.device_id AND m.vital = 'nibp_mean')
                FROM reading s JOIN reading d ON d.session_id = s.session_id AND d.t_ms = s.t_ms
                    AND d.device_id = s.device_id AND d.vital = 'nibp_dia'
                WHERE s.session_id = ? AND s.vital = 'nibp_sys' AND s.value IS NOT NULL AND d.value IS NOT NULL
                    AND s.flags = '' AND d.flags = ''
                ORDER BY s.t_ms""", p -> p.setLong(1, sessionId), rs -> {
                    double mean = rs.getDouble(5);
                    return new org.vigil.session.CuffReading(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                            rs.getDouble(3), rs.getDouble(4), rs.wasNull() ? Double.NaN : mean);
                });
    }

    /** The patients of this database. */
    public PatientRepository patients() {
        return patients;
    }

    /**
     * Records the end of a running session.
     *
     * @throws IllegalArgumentException when there is no such session
     * @throws IllegalStateException    when it has already ended
     */
    public synchronized void endSession(long sessionId, Instant end, EndReason reason) {
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(reason, "reason");
        inTransaction("end session " + sessionId, () -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE session SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL")) {
                p.setLong(1, end.toEpochMilli());
                p.setString(2, reason.key());
                p.setLong(3, sessionId);
                if (p.executeUpdate() == 1) {
                    SessionSummaries.write(connection, sessionId);
                    return null;
                }
            }
            SessionInfo existing = find(sessionId)
                    .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId + " in " + file));
            throw new IllegalStateException("session " + sessionId + " already ended at " + existing.end()
                    + " (" + existing.endReason().key() + ")");
        });
    }

    /**
     * Ends a running session that lost rows: writes {@code gap} (a {@link SessionEvent#RECORDING_GAP}
     * with the count; null when earlier gap events already hold every lost row) and ends it as
     * {@link EndReason#ENDED_ABNORMALLY}, in one transaction, so a session with a hole is never
     * marked {@code closed} as if complete.
     */
    public synchronized void endIncomplete(long sessionId, Instant end, SessionEvent gap) {
        Objects.requireNonNull(end, "end");
        inTransaction("end incomplete session " + sessionId, () -> {
            try (PreparedStatement event = connection.prepareStatement(Codec.INSERT_SESSION_EVENT);
                    PreparedStatement p = connection.prepareStatement(
                            "UPDATE session SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL")) {
                if (gap != null) {
                    Codec.bindSessionEvent(event, sessionId, gap);
                    event.executeUpdate();
                }
                p.setLong(1, end.toEpochMilli());
                p.setString(2, EndReason.ENDED_ABNORMALLY.key());
                p.setLong(3, sessionId);
                if (p.executeUpdate() != 1) {
                    throw new IllegalStateException("session " + sessionId + " is not running in " + file);
                }
                SessionSummaries.write(connection, sessionId);
            }
            return null;
        });
    }

    /**
     * Ends every session that has no end as {@link EndReason#ENDED_ABNORMALLY}, with
     * {@code ended_at} = its last reading, alarm event or session event time (its start if it has
     * none), and adds a {@link SessionEvent#SESSION_RECOVERED} event at {@code now}. Call once at
     * station start, before starting any session. Returns the recovered ids, oldest first.
     */
    public synchronized List<Long> recoverUnfinished(Instant now) {
        return recoverUnfinished(now, java.util.Set.of());
    }

    /**
     * As {@link #recoverUnfinished(Instant)}, leaving open the clinical sessions of the chairs in
     * {@code resumingChairs} (the station resumes them in the same rows).
     */
    public synchronized List<Long> recoverUnfinished(Instant now, java.util.Set<String> resumingChairs) {
        Objects.requireNonNull(now, "now");
        return inTransaction("recover unfinished sessions", () -> {
            List<long[]> open = new ArrayList<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("""
                            SELECT s.id, max(s.started_at,
                                coalesce((SELECT max(t_ms) FROM reading WHERE session_id = s.id), 0),
                                coalesce((SELECT max(t_ms) FROM alarm_event WHERE session_id = s.id), 0),
                                coalesce((SELECT max(t_ms) FROM session_event WHERE session_id = s.id), 0))
                            , s.chair_id, s.patient_id
                            FROM session s WHERE s.ended_at IS NULL ORDER BY s.id""")) {
                while (rs.next()) {
                    rs.getLong(4);
                    boolean clinical = !rs.wasNull();
                    if (clinical && resumingChairs.contains(rs.getString(3))) {
                        continue;
                    }
                    open.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            List<Long> ids = new ArrayList<>(open.size());
            try (PreparedStatement end = connection.prepareStatement(
                    "UPDATE session SET ended_at = ?, end_reason = ? WHERE id = ?");
                    PreparedStatement event = connection.prepareStatement(Codec.INSERT_SESSION_EVENT)) {
                for (long[] row : open) {
                    Instant endedAt = Instant.ofEpochMilli(row[1]);
                    end.setLong(1, row[1]);
                    end.setString(2, EndReason.ENDED_ABNORMALLY.key());
                    end.setLong(3, row[0]);
                    end.executeUpdate();
                    Codec.bindSessionEvent(event, row[0], SessionEvent.of(now, SessionEvent.SESSION_RECOVERED,
                            Map.of("ended_at", endedAt.toString(), "reason", "no end recorded; station restarted"), null));
                    event.executeUpdate();
                    SessionSummaries.write(connection, row[0]);
                    ids.add(row[0]);
                    log.warn("session {} had no end; recorded as ended abnormally at {}", row[0], endedAt);
                }
            }
            return ids;
        });
    }

    /** Every session, newest first, with reading and raised-alarm counts. */
    public synchronized List<SessionSummary> listSessions() {
        return query("list sessions", """
                SELECT s.id, s.chair_id, s.started_at, s.ended_at, s.end_reason, s.simulated,
                    (SELECT count(*) FROM reading r WHERE r.session_id = s.id),
                    (SELECT count(*) FROM alarm_event a WHERE a.session_id = s.id AND a.event = 'raised')
                FROM session s ORDER BY s.started_at DESC, s.id DESC""", p -> { }, rs -> new SessionSummary(
                rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), Codec.instantOrNull(rs, 4),
                endReason(rs.getString(5)), rs.getInt(6) == 1, rs.getLong(7), rs.getLong(8)));
    }

    /** One session with its devices and baseline, or empty when there is no such id. */
    public synchronized Optional<SessionInfo> session(long sessionId) {
        try {
            return find(sessionId);
        } catch (SQLException e) {
            throw failure("read session " + sessionId, e);
        }
    }

    /**
     * Stores the session's baseline (replacing any earlier one; null parts are stored as not
     * taken). The session layer also appends a session event saying who set it.
     *
     * @throws IllegalArgumentException when there is no such session
     */
    public synchronized void setBaseline(long sessionId, Baseline baseline) {
        Objects.requireNonNull(baseline, "baseline");
        inTransaction("set the baseline of session " + sessionId, () -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE session SET baseline_sys = ?, baseline_dia = ?, baseline_hr = ? WHERE id = ?")) {
                Codec.setDouble(p, 1, baseline.systolic());
                Codec.setDouble(p, 2, baseline.diastolic());
                Codec.setDouble(p, 3, baseline.heartRate());
                p.setLong(4, sessionId);
                if (p.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no session " + sessionId + " in " + file);
                }
            }
            return null;
        });
    }

    /** Readings of one vital with {@code from <= time < to}, oldest first (same time: as recorded). */
    public synchronized List<Reading> readings(long sessionId, Vital vital, Instant from, Instant to) {
        return query("read " + vital.key() + " readings of session " + sessionId,
                "SELECT " + Codec.READING_COLUMNS + " FROM reading WHERE session_id = ? AND vital = ? AND t_ms >= ? AND t_ms < ?"
                        + " ORDER BY t_ms, rowid",
                p -> {
                    p.setLong(1, sessionId);
                    p.setString(2, vital.key());
                    p.setLong(3, from.toEpochMilli());
                    p.setLong(4, to.toEpochMilli());
                }, Codec::reading);
    }

    /** Every reading of a session, oldest first (same time: as recorded). */
    public synchronized List<Reading> readings(long sessionId) {
        return query("read the readings of session " + sessionId,
                "SELECT " + Codec.READING_COLUMNS + " FROM reading WHERE session_id = ? ORDER BY t_ms, rowid",
                p -> p.setLong(1, sessionId), Codec::reading);
    }

    /** The session's alarm log, oldest first. */
    public synchronized List<AlarmEvent> alarmEvents(long sessionId) {
        return query("read the alarm log of session " + sessionId,
                "SELECT " + Codec.ALARM_EVENT_COLUMNS + " FROM alarm_event WHERE session_id = ? ORDER BY t_ms, id",
                p -> p.setLong(1, sessionId), Codec::alarmEvent);
    }

    /** The session's other events (silencing, nurse actions, limit changes, recovery), oldest first. */
    public synchronized List<SessionEvent> sessionEvents(long sessionId) {
        return query("read the events of session " + sessionId,
                "SELECT " + Codec.SESSION_EVENT_COLUMNS + " FROM session_event WHERE session_id = ? ORDER BY t_ms, id",
                p -> p.setLong(1, sessionId), Codec::sessionEvent);
    }

    private Optional<SessionInfo> find(long sessionId) throws SQLException {
        List<SessionDevice> devices = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT device_id, label, protocol, endpoint FROM session_device WHERE session_id = ? ORDER BY rowid")) {
            p.setLong(1, sessionId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    devices.add(new SessionDevice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        try (PreparedStatement p = connection.prepareStatement("SELECT chair_id, started_at, ended_at, end_reason, "
                + "software_version, simulated, baseline_sys, baseline_dia, baseline_hr, patient_ref FROM session WHERE id = ?")) {
            p.setLong(1, sessionId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Baseline baseline = new Baseline(Codec.getDouble(rs, 7), Codec.getDouble(rs, 8), Codec.getDouble(rs, 9));
                return Optional.of(new SessionInfo(sessionId, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Codec.instantOrNull(rs, 3), endReason(rs.getString(4)), rs.getString(5), rs.getInt(6) == 1,
                        baseline, rs.getString(10), devices, DeviceIdentities.of(connection, sessionId)));
            }
        }
    }

    private static EndReason endReason(String key) {
        return key == null ? null : EndReason.fromKey(key);
    }

    private <T> T inTransaction(String what, SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private <T> List<T> query(String what, String sql, SqlBinder binder, SqlRow<T> mapper) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            binder.bind(p);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private StorageException failure(String what, SQLException e) {
        return new StorageException("cannot " + what + " in session database " + file + ": " + e.getMessage(), e);
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed", e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlBinder {
        void bind(PreparedStatement p) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlRow<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
