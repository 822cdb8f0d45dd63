package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.Role;
import org.vigil.security.AuditTrail;
import org.vigil.storage.DatabaseKeys;
import org.vigil.storage.VigilDatabase;
import picocli.CommandLine;

/** {@code vigil verify-audit --db FILE}: OK with the count, or the first broken row and a non-zero exit. */
class VerifyAuditCommandTest {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    private Path trailOf(int rows) throws Exception {
        Path db = dir.resolve("vigil.db");
        Actor auditor = new Actor("u-1", "Ada Auditor", Role.AUDITOR, T0, "login");
        try (AuditTrail trail = AuditTrail.start(db, DatabaseKeys.standard(), InstantSource.fixed(T0))) {
            for (int i = 1; i <= rows; i++) {
                trail.record(new AuditEntry(T0.plusSeconds(i), auditor, "session.viewed", "session:" + i, Map.of()));
            }
            assertTrue(trail.flush(Duration.ofSeconds(20)));
        }
        return db;
    }

    /** Drops the triggers first, as someone hiding an event would, then runs {@code sql}. */
    private static void tamper(Path db, String sql) throws Exception {
        try (Connection c = VigilDatabase.connection(db, DatabaseKeys.standard()); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_event_no_update");
            s.execute("DROP TRIGGER audit_event_no_delete");
            s.execute(sql);
        }
    }

    @Test
    void anIntactTrailIsOkWithItsCount() throws Exception {
        Path db = trailOf(6);
        Run r = run("verify-audit", "--db", db.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("OK: "), r.out());
        assertTrue(r.out().contains("6 rows"), r.out());
    }

    @Test
    void aRowEditedDirectlyInTheDatabaseIsNamedAndTheExitIsNonZero() throws Exception {
        Path db = trailOf(6);
        tamper(db, "UPDATE audit_event SET actor_name = 'somebody else' WHERE seq = 4");
        Run r = run("verify-audit", "--db", db.toString());
        assertEquals(VerifyAuditCommand.BROKEN, r.code());
        assertTrue(r.out().contains("first broken row: seq 4: row changed"), r.out());
    }

    @Test
    void aDeletedRowIsNamed() throws Exception {
        Path db = trailOf(6);
        tamper(db, "DELETE FROM audit_event WHERE seq = 2");
        Run r = run("verify-audit", "--db", db.toString());
        assertEquals(VerifyAuditCommand.BROKEN, r.code());
        assertTrue(r.out().contains("first broken row: seq 2: row missing"), r.out());
    }

    @Test
    void aTruncatedTailIsNamedThroughTheSignedHead() throws Exception {
        Path db = trailOf(6);
        tamper(db, "DELETE FROM audit_event WHERE seq > 3");
        Run r = run("verify-audit", "--db", db.toString());
        assertEquals(VerifyAuditCommand.BROKEN, r.code());
        assertTrue(r.out().contains("first broken row: seq 4: rows missing at the end (truncated)"), r.out());
    }

    @Test
    void aMissingFileOrKeyCannotBeCheckedAndSaysWhy() throws Exception {
        Run none = run("verify-audit", "--db", dir.resolve("nope.db").toString());
        assertEquals(VerifyAuditCommand.CANNOT_CHECK, none.code());
        assertTrue(none.err().contains("no database at"), none.err());
    }
}
