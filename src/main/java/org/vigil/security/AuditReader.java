package org.vigil.security;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.AuditSink;
import org.vigil.domain.Role;
import org.vigil.storage.DatabaseKeys;
import org.vigil.storage.VigilDatabase;

/**
 * The read side of the audit trail for auditors (and admins): filtered rows and a CSV export. The
 * role is checked here, in the core, whatever a screen shows; each read and export is itself
 * written to the trail ({@code audit.viewed}, {@code audit.exported}).
 */
public final class AuditReader {

    /** The roles that may read the trail. */
    public static final Set<Role> READERS = Set.of(Role.AUDITOR, Role.ADMIN);

    /** Opens a connection for one read. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final AuditSink trail;
    private final InstantSource clock;

    AuditReader(Connections connections, AuditSink trail, InstantSource clock) {
        this.connections = connections;
        this.trail = trail;
        this.clock = clock;
    }

    /** The reader of {@code database} (opened with {@code keys}); reads are recorded in {@code trail}. */
    public static AuditReader of(Path database, DatabaseKeys keys, AuditSink trail, InstantSource clock) {
        return new AuditReader(() -> VigilDatabase.connection(database, keys), trail, clock);
    }

    /** True when {@code actor} may read the trail. */
    public static boolean mayRead(Actor actor) {
        return actor != null && READERS.contains(actor.role());
    }

    /**
     * The rows matching {@code filter}, oldest first.
     *
     * @throws AuditAccessDeniedException when {@code actor} is not an auditor or admin (recorded as {@code audit.denied})
     */
    public List<AuditRow> read(Actor actor, AuditFilter filter) throws SQLException {
        authorize(actor, "read");
        List<AuditRow> rows;
        try (Connection c = connections.open()) {
            rows = AuditTable.query(c, filter);
        }
        trail.record(new AuditEntry(clock.instant(), actor, "audit.viewed", "audit", describe(filter, rows.size())));
        return rows;
    }

    /**
     * Writes the rows matching {@code filter} as CSV (RFC 4180, a header line, chain columns
     * included so a copy can be checked) to {@code out}; returns the number of rows.
     */
    public int exportCsv(Actor actor, AuditFilter filter, Writer out) throws SQLException, IOException {
        authorize(actor, "export");
        List<AuditRow> rows;
        try (Connection c = connections.open()) {
            rows = AuditTable.query(c, filter);
        }
        out.write("seq,at,actor_id,actor_name,role,how,action,target,detail,prev_hash,hash\r\n");
        for (AuditRow r : rows) {
            out.write(String.join(",", List.of(Long.toString(r.seq()), r.at().toString(), csv(r.actorId()),
                    csv(r.actorName()), r.actorRole().name(), csv(r.actorHow()), csv(r.action()), csv(r.target()),
                    csv(r.detail()), r.prevHash(), r.hash())));
            out.write("\r\n");
        }
        out.flush();
        Map<String, String> d = describe(filter, rows.size());
        d.put("format", "csv");
        trail.record(new AuditEntry(clock.instant(), actor, "audit.exported", "audit", d));
        return rows.size();
    }

    private void authorize(Actor actor, String what) {
        if (!mayRead(actor)) {
            if (actor != null) {
                trail.record(new AuditEntry(clock.instant(), actor, "audit.denied", "audit", Map.of("attempt", what)));
            }
            throw new AuditAccessDeniedException((actor == null ? "nobody" : actor.role().label())
                    + " may not " + what + " the audit trail (auditors and admins may)");
        }
    }

    private static Map<String, String> describe(AuditFilter f, int rows) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("user", f.user());
        d.put("action", f.action());
        d.put("from", f.from() == null ? "" : f.from().toString());
        d.put("to", f.to() == null ? "" : f.to().toString());
        d.put("rows", Integer.toString(rows));
        return d;
    }

    static String csv(String s) {
        if (s == null) {
            return "";
        }
        // a cell starting with = + - @ is text, never a spreadsheet formula
        String t = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
            return "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }
}
