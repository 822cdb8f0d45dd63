package org.vigil.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.domain.Role;

/** SQL on {@code audit_event} (schema step 7): append, the last row, every row in order, filtered reads. */
final class AuditTable {

    private static final String COLUMNS = "seq, at_ms, actor_id, actor_name, actor_role, actor_how, actor_auth_ms, "
            + "action, target, detail, prev_hash, hash";

    private AuditTable() {
    }

    static void insert(Connection c, AuditRow r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_event (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, r.seq());
            p.setLong(2, r.at().toEpochMilli());
            p.setString(3, r.actorId());
            p.setString(4, r.actorName());
            p.setString(5, r.actorRole().name());
            p.setString(6, r.actorHow());
            if (r.actorAuthenticatedAt() == null) {
                p.setNull(7, java.sql.Types.INTEGER);
            } else {
                p.setLong(7, r.actorAuthenticatedAt().toEpochMilli());
            }
            p.setString(8, r.action());
            p.setString(9, r.target());
            p.setString(10, r.detail());
            p.setString(11, r.prevHash());
            p.setString(12, r.hash());
            p.executeUpdate();
        }
    }

    static Optional<AuditRow> last(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_event ORDER BY seq DESC LIMIT 1");
                ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    static Optional<AuditRow> bySeq(Connection c, long seq) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_event WHERE seq = ?")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Every row in order, one at a time (never the whole table in memory). */
    static void each(Connection c, Consumer<AuditRow> out) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_event ORDER BY seq")) {
            p.setFetchSize(500);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.accept(row(rs));
                }
            }
        }
    }

    /** The rows matching {@code f}, oldest first, at most {@code f.limit()}. */
    static List<AuditRow> query(Connection c, AuditFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!f.user().isBlank()) {
            sql.append(" AND (actor_id = ? OR actor_name LIKE ? ESCAPE '\\')");
            args.add(f.user().strip());
            args.add("%" + like(f.user().strip()) + "%");
        }
        if (!f.action().isBlank()) {
            sql.append(" AND action LIKE ? ESCAPE '\\'");
            args.add(like(f.action().strip()) + "%");
        }
        if (f.from() != null) {
            sql.append(" AND at_ms >= ?");
            args.add(f.from().toEpochMilli());
        }
        if (f.to() != null) {
            sql.append(" AND at_ms < ?");
            args.add(f.to().toEpochMilli());
        }
        sql.append(" ORDER BY seq LIMIT ?");
        args.add(f.limit());
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                p.setObject(i + 1, args.get(i));
            }
            List<AuditRow> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        }
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditRow row(ResultSet rs) throws SQLException {
        long auth = rs.getLong(7);
        Instant authAt = rs.wasNull() ? null : Instant.ofEpochMilli(auth);
        Role role;
        try {
            role = Role.valueOf(rs.getString(5));
        } catch (IllegalArgumentException | NullPointerException e) {
            role = Role.SYSTEM; // an unknown role breaks the hash check anyway; keep reading
        }
        return new AuditRow(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4), role,
                rs.getString(6), authAt, rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12));
    }
}
