package org.vigil.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    ArchiveQueries(Connection connection, Path file, Object lock) {
        this.connection = connection;
        this.file = file;
        this.lock = lock;
    }

    /** The patient, order and stored dose arithmetic of a clinical session. */
    public record ClinicalPart(Patient patient, InfusionOrder order, double totalMg, double volumeMl, double rateMlPerH,
            String phase) {
    }

    /** The sessions {@code filter} keeps, newest first. */
    public List<SessionListRow> list(SessionListFilter filter) {
        Objects.requireNonNull(filter, "filter");
        StringBuilder sql = new StringBuilder("SELECT s.id, s.chair_id, s.started_at, s.ended_at, s.end_reason, "
                + "s.simulated, coalesce(p.id, 0), p.name, p.mrn, s.phase, s.dose_mg_kg, s.total_mg, "
                + summary("sum_peak_sys", SessionSummaries.PEAK_SYS) + ", "
                + summary("sum_min_spo2", SessionSummaries.MIN_SPO2) + ", "
                + summary("sum_alarms_high", SessionSummaries.alarms("high")) + ", "
                + summary("sum_alarms_medium", SessionSummaries.alarms("medium")) + ", "
                + summary("sum_alarms_low", SessionSummaries.alarms("low"))
                + " FROM session s LEFT JOIN patient p ON p.id = s.patient_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
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
        sql.append(" ORDER BY s.started_at DESC, s.id DESC");
        if (filter.limit() > 0) {
            sql.append(" LIMIT ").append(filter.limit());
        }
        synchronized (lock) {
            try (PreparedStatement p = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    p.setObject(i + 1, args.get(i));
                }
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

    /** A summary column of an ended session, or its expression computed now for one still open. */
    private static String summary(String column, String live) {
        return "(CASE WHEN s.sum_done = 1 THEN s." + column + " ELSE " + live + " END)";
    }

    private StorageException failure(String what, SQLException e) {
        return new StorageException("cannot " + what + " in session database " + file + ": " + e.getMessage(), e);
    }
}
