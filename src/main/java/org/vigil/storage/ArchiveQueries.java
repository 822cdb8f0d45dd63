package org.vigil.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;

/**
 * The read side's queries that {@link SessionRepository} does not already have: the filtered
 * session list (one row per session through the summary columns, {@link SessionSummaries}), a
 * session's clinical part, and readings streamed through a cursor (one row in memory at a time).
 * Shares the session repository's connection and lock; obtained from {@link VigilDatabase#archive()}.
 * Every call blocks on the disk: call it off the FX thread.
 */
public final class ArchiveQueries {

    private static final String PHASE_ORDER = "CASE s.phase WHEN 'baseline' THEN 0 WHEN 'infusion' THEN 1 "
            + "WHEN 'recovery' THEN 2 WHEN 'ready_for_discharge' THEN 3 WHEN 'discharged' THEN 4 ELSE -1 END";
    private static final List<String> PHASES = List.of("baseline", "infusion", "recovery", "ready_for_discharge",
            "discharged");

    private final Connection connection;
    private final Path file;
    private final Object lock;

    /** The list's prepared statements, least recently used first; the eldest is closed beyond {@value #KEPT_STATEMENTS}. */
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= KEPT_STATEMENTS) {
                return false;
            }
            try {
                eldest.getValue().close();
            } catch (SQLException e) {
                // closing a statement we prepared: nothing to do about it, the connection closes it anyway
            }
            return true;
        }
    };

    private static final int KEPT_STATEMENTS = 16;

    ArchiveQueries(Connection connection, Path file, Object lock) {
        this.connection = connection;
        this.file = file;
        this.lock = lock;
    }

    /** The patient, order and stored dose arithmetic of a clinical session. */
    public record ClinicalPart(Patient patient, InfusionOrder order, double totalMg, double volumeMl, double rateMlPerH,
            String phase) {
    }

    /** The sessions {@code filter} keeps, newest first (at most {@code filter.limit()} of them; 0: all). */
    public List<SessionListRow> list(SessionListFilter filter) {
        return list(filter, null, 0);
    }

    /**
     * The next sessions {@code filter} keeps after the session that started at {@code start} with
     * id {@code id}, in the list's order (newest first: started earlier, or at the same time with a
     * smaller id), at most {@code filter.limit()} of them (0: all). A page read on from the index
     * where the last one stopped, so a later page costs what the first one does.
     */
    public List<SessionListRow> listAfter(SessionListFilter filter, Instant start, long id) {
        Objects.requireNonNull(start, "start");
        return list(filter, start, id);
    }

    /** How many sessions {@code filter} keeps (its limit aside). */
    public int count(SessionListFilter filter) {
        Objects.requireNonNull(filter, "filter");
        List<Object> args = new ArrayList<>();
        String sql = "SELECT count(*) FROM session s LEFT JOIN patient p ON p.id = s.patient_id WHERE 1 = 1"
                + where(filter, args);
        synchronized (lock) {
            try {
                PreparedStatement p = statement(sql);
                bind(p, args);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            } catch (SQLException e) {
                throw failure("count sessions", e);
            }
        }
    }

    private static final String LIST_COLUMNS = "SELECT s.id, s.chair_id, s.started_at, s.ended_at, s.end_reason, "
            + "s.simulated, coalesce(p.id, 0), p.name, p.mrn, s.phase, s.dose_mg_kg, s.total_mg, "
            + summary("sum_peak_sys", SessionSummaries.PEAK_SYS) + ", "
            + summary("sum_min_spo2", SessionSummaries.MIN_SPO2) + ", "
            + summary("sum_alarms_high", SessionSummaries.alarms("high")) + ", "
            + summary("sum_alarms_medium", SessionSummaries.alarms("medium")) + ", "
            + summary("sum_alarms_low", SessionSummaries.alarms("low"))
            + " FROM session s LEFT JOIN patient p ON p.id = s.patient_id WHERE 1 = 1";

    private List<SessionListRow> list(SessionListFilter filter, Instant afterStart, long afterId) {
        Objects.requireNonNull(filter, "filter");
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(LIST_COLUMNS).append(where(filter, args));
        if (afterStart != null) {
            // keyset: (started_at, id) below the last row shown; SQLite reads on from there in session_by_start
            sql.append(" AND (s.started_at, s.id) < (?, ?)");
            args.add(afterStart.toEpochMilli());
            args.add(afterId);
        }
        sql.append(" ORDER BY s.started_at DESC, s.id DESC");
        if (filter.limit() > 0) {
            sql.append(" LIMIT ").append(filter.limit());
        }
        synchronized (lock) {
            try {
                PreparedStatement p = statement(sql.toString());
                bind(p, args);
                List<SessionListRow> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String reason = rs.getString(5);
                        out.add(new SessionListRow(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                                Codec.instantOrNull(rs, 4), reason == null ? null : EndReason.fromKey(reason),
                                rs.getInt(6) == 1, rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                Codec.getDouble(rs, 11), Codec.getDouble(rs, 12), Codec.getDouble(rs, 13),
                                Codec.getDouble(rs, 14), rs.getInt(15), rs.getInt(16), rs.getInt(17)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw failure("list sessions", e);
            }
        }
    }

    /** The filter's conditions (after {@code WHERE 1 = 1}), their arguments added to {@code args}. */
    private static String where(SessionListFilter filter, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        String text = filter.patientText() == null ? "" : filter.patientText().trim().toLowerCase(Locale.ROOT);
        if (!text.isEmpty()) {
            sql.append(" AND (lower(p.name) LIKE ? ESCAPE '\\' OR lower(p.mrn) LIKE ? ESCAPE '\\')");
            String like = "%" + PatientRepository.escape(text) + "%";
            args.add(like);
            args.add(like);
        }
        if (filter.from() != null) {
            sql.append(" AND s.started_at >= ?");
            args.add(filter.from().toEpochMilli());
        }
        if (filter.to() != null) {
            sql.append(" AND s.started_at < ?");
            args.add(filter.to().toEpochMilli());
        }
        if (filter.chairId() != null && !filter.chairId().isBlank()) {
            sql.append(" AND s.chair_id = ?");
            args.add(filter.chairId());
        }
        if (filter.highAlarm()) {
            sql.append(" AND ").append(summary("sum_alarms_high", SessionSummaries.alarms("high"))).append(" > 0");
        }
        if (filter.phaseReached() != null && !filter.phaseReached().isBlank()) {
            int rank = PHASES.indexOf(filter.phaseReached());
            if (rank < 0) {
                throw new IllegalArgumentException("unknown phase '" + filter.phaseReached() + "' (expected one of "
                        + String.join(", ", PHASES) + ")");
            }
            sql.append(" AND ").append(PHASE_ORDER).append(" >= ?");
            args.add(rank);
        }
        if (filter.endedAbnormally()) {
            sql.append(" AND s.end_reason = 'ended_abnormally'");
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement p, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            p.setObject(i + 1, args.get(i));
        }
    }

    /**
     * A prepared statement for {@code sql}, kept for the next call with the same text (the list's
     * queries differ only by which filters are set, so a few are enough). Preparing the list query
     * costs about as much as reading a page of it. Call under the lock; the connection closes them.
     */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement p = statements.get(sql);
        if (p == null || p.isClosed()) {
            p = connection.prepareStatement(sql);
            statements.put(sql, p);
        }
        return p;
    }

    /** The chairs that have sessions, sorted (for the list's chair filter). */
    public List<String> chairs() {
        synchronized (lock) {
            try (PreparedStatement p = connection.prepareStatement("SELECT DISTINCT chair_id FROM session ORDER BY chair_id");
                    ResultSet rs = p.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            } catch (SQLException e) {
                throw failure("list chairs", e);
            }
        }
    }

    /** The clinical part of a session, empty for a record without a patient or no such session. */
    public Optional<ClinicalPart> clinical(long sessionId) {
        synchronized (lock) {
            try (PreparedStatement p = connection.prepareStatement("""
                    SELECT s.weight_kg, s.dose_mg_kg, s.concentration_mg_ml, s.duration_min, s.prescriber,
                        s.total_mg, s.volume_ml, s.rate_ml_h, s.phase,
                        p.id, p.mrn, p.name, p.birth_date, p.weight_kg, p.allergies
                    FROM session s JOIN patient p ON p.id = s.patient_id WHERE s.id = ?""")) {
                p.setLong(1, sessionId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    InfusionOrder order = new InfusionOrder(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3),
                            rs.getDouble(4), rs.getString(5));
                    return Optional.of(new ClinicalPart(PatientRepository.patient(rs, 10), order, rs.getDouble(6),
                            rs.getDouble(7), rs.getDouble(8), rs.getString(9)));
                }
            } catch (SQLException e) {
                throw failure("read the clinical part of session " + sessionId, e);
            }
        }
    }

    /** The ids of a patient's sessions, oldest first. */
    public List<Long> sessionsOfPatient(long patientId) {
        synchronized (lock) {
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT id FROM session WHERE patient_id = ? ORDER BY started_at, id")) {
                p.setLong(1, patientId);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw failure("list the sessions of patient " + patientId, e);
            }
        }
    }

    /**
     * Streams the readings of {@code vitals} with {@code from <= time < to} to {@code out} through a
     * cursor (one row in memory at a time). With one vital the rows come straight off the index in
     * time order; with several, in time order (same time: as recorded), SQLite sorting them. The
     * repository's lock is held while streaming: keep {@code out} quick (no UI work, no waiting).
     */
    public void forEachReading(long sessionId, Instant from, Instant to, Set<Vital> vitals, Consumer<Reading> out) {
        Objects.requireNonNull(vitals, "vitals");
        if (vitals.isEmpty()) {
            return;
        }
        String in = String.join(", ", java.util.Collections.nCopies(vitals.size(), "?"));
        String sql = "SELECT " + Codec.READING_COLUMNS + " FROM reading WHERE session_id = ? AND vital IN (" + in
                + ") AND t_ms >= ? AND t_ms < ? ORDER BY t_ms, rowid";
        synchronized (lock) {
            try (PreparedStatement p = connection.prepareStatement(sql)) {
                int i = 1;
                p.setLong(i++, sessionId);
                for (Vital v : vitals) {
                    p.setString(i++, v.key());
                }
                p.setLong(i++, from.toEpochMilli());
                p.setLong(i, to.toEpochMilli());
                p.setFetchSize(1_000);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.accept(Codec.reading(rs));
                    }
                }
            } catch (SQLException e) {
                throw failure("read the readings of session " + sessionId, e);
            }
        }
    }

    /** Receives one column's lowest and highest value, and the times of its first and last row (epoch ms). */
    @FunctionalInterface
    public interface ColumnExtremes {
        void accept(int column, long firstMs, double min, long lastMs, double max);
    }

    /** SQL that keeps a reading whose flags invalidate none of it (as {@link Reading#isValid()}). */
    static final String VALID = validSql();

    private static String validSql() {
        StringBuilder none = new StringBuilder();
        for (org.vigil.domain.ReadingFlag f : org.vigil.domain.ReadingFlag.values()) {
            if (f.invalidates()) {
                none.append(none.length() == 0 ? "" : " AND ").append("instr('|' || r.flags || '|', '|")
                        .append(f.key()).append("|') = 0");
            }
        }
        return "(r.flags = '' OR (" + none + "))";
    }

    /**
     * The lowest and highest valid reading of {@code vital} in each of {@code columns} equal columns
     * of {@code [from, to)}, computed by SQLite from the covering index (one row per column leaves
     * the database): a long session's overview without streaming every reading. The times given are
     * the column's first and last reading. Columns without a valid reading are left out; {@code out}
     * is called in column order.
     */
    public void forEachColumnExtreme(long sessionId, Vital vital, Instant from, Instant to, int columns,
            ColumnExtremes out) {
        extremes("read the " + vital.key() + " overview of session " + sessionId, "min(r.value), max(r.value)",
                " FROM reading r WHERE r.session_id = ? AND r.vital = ? AND r.t_ms >= ? AND r.t_ms < ?"
                        + " AND r.value IS NOT NULL AND " + VALID, vital.key(), sessionId, from, to, columns, out);
    }

    /** As {@link #forEachColumnExtreme} for a waveform, from each chunk's lowest and highest sample (times: chunk starts). */
    public void forEachWaveColumnExtreme(long sessionId, String wave, Instant from, Instant to, int columns,
            ColumnExtremes out) {
        extremes("read the " + wave + " overview of session " + sessionId, "min(r.lo), max(r.hi)",
                " FROM waveform_chunk r WHERE r.session_id = ? AND r.wave = ? AND r.t_ms >= ? AND r.t_ms < ?", wave,
                sessionId, from, to, columns, out);
    }

    private void extremes(String what, String aggregates, String where, String key, long sessionId, Instant from,
            Instant to, int columns, ColumnExtremes out) {
        long f = from.toEpochMilli();
        long span = to.toEpochMilli() - f;
        if (span <= 0 || columns < 1) {
            return;
        }
        String sql = "SELECT ((r.t_ms - " + f + ") * " + columns + " / " + span + ") AS col, " + aggregates
                + ", min(r.t_ms), max(r.t_ms)" + where + " GROUP BY col ORDER BY col";
        synchronized (lock) {
            try (PreparedStatement p = connection.prepareStatement(sql)) {
                p.setLong(1, sessionId);
                p.setString(2, key);
                p.setLong(3, f);
                p.setLong(4, to.toEpochMilli());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.accept(rs.getInt(1), rs.getLong(4), rs.getDouble(2), rs.getLong(5), rs.getDouble(3));
                    }
                }
            } catch (SQLException e) {
                throw failure(what, e);
            }
        }
    }

    /** A summary column of an ended session, or its expression computed now for one still open. */
    private static String summary(String column, String live) {
        return "(CASE WHEN s.sum_done = 1 THEN s." + column + " ELSE " + live + " END)";
    }

    private StorageException failure(String what, SQLException e) {
        return new StorageException("cannot " + what + " in session database " + file + ": " + e.getMessage(), e);
    }
}
