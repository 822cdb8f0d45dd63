package org.vigil.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.Role;
import org.vigil.storage.DatabaseKeys;

/** Reading the trail: auditors and admins only (checked here, not only on screen), filters, CSV, each read recorded. */
class AuditReaderTest {

    static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    static final Actor ANN = new Actor("u-ann", "Ann Nurse", Role.NURSE, T0, "login");
    static final Actor BOB = new Actor("u-bob", "Bob Charge", Role.ADMIN, T0, "pin");
    static final Actor ADA = new Actor("u-ada", "Ada Auditor", Role.AUDITOR, T0, "login");

    @TempDir
    Path dir;

    private final List<AuditEntry> recorded = new ArrayList<>();

    private AuditReader reader() throws Exception {
        Path db = dir.resolve("vigil.db");
        DatabaseKeys keys = DatabaseKeys.inFolder(dir.resolve("keys"), Map.of());
        try (AuditTrail trail = AuditTrail.start(db, keys, InstantSource.fixed(T0))) {
            trail.record(new AuditEntry(T0, ANN, "login", "", Map.of()));
            trail.record(new AuditEntry(T0.plusSeconds(60), ANN, "session.viewed", "session:7", Map.of()));
            trail.record(new AuditEntry(T0.plusSeconds(86_400), BOB, "limits.changed", "chair-1",
                    new java.util.LinkedHashMap<>(Map.of("limit", "spo2.low"))));
            trail.record(new AuditEntry(T0.plusSeconds(90_000), ANN, "login.failed", "", Map.of()));
            assertTrue(trail.flush(Duration.ofSeconds(20)));
        }
        return AuditReader.of(db, keys, recorded::add, InstantSource.fixed(T0.plusSeconds(100_000)));
    }

    @Test
    void aNurseMayNotReadOrExportAndTheAttemptIsRecorded() throws Exception {
        AuditReader r = reader();
        AuditAccessDeniedException e = assertThrows(AuditAccessDeniedException.class, () -> r.read(ANN, AuditFilter.ALL));
        assertTrue(e.getMessage().contains("auditors and admins"), e.getMessage());
        assertThrows(AuditAccessDeniedException.class, () -> r.exportCsv(ANN, AuditFilter.ALL, new StringWriter()));
        assertEquals(List.of("audit.denied", "audit.denied"), recorded.stream().map(AuditEntry::action).toList());
    }

    @Test
    void anAuditorFiltersByUserActionAndDateAndTheReadIsRecorded() throws Exception {
        AuditReader r = reader();
        assertEquals(4, r.read(ADA, AuditFilter.ALL).size());
        assertEquals(List.of("login", "session.viewed", "login.failed"),
                r.read(ADA, new AuditFilter("Ann", "", null, null, 100)).stream().map(AuditRow::action).toList());
        assertEquals(List.of("login", "login.failed"),
                r.read(ADA, new AuditFilter("u-ann", "login", null, null, 100)).stream().map(AuditRow::action).toList());
        assertEquals(List.of("limits.changed"), r.read(BOB, new AuditFilter("", "", T0.plusSeconds(3600),
                T0.plusSeconds(86_401), 100)).stream().map(AuditRow::action).toList());
        assertEquals("audit.viewed", recorded.get(0).action());
        assertEquals(ADA, recorded.get(0).actor());
        assertEquals(4, recorded.size());
    }

    @Test
    void theCsvExportQuotesCellsNeutralisesFormulasAndKeepsTheChain() throws Exception {
        AuditReader r = reader();
        StringWriter out = new StringWriter();
        assertEquals(1, r.exportCsv(ADA, new AuditFilter("", "limits", null, null, 100), out));
        String[] lines = out.toString().split("\r\n");
        assertEquals("seq,at,actor_id,actor_name,role,how,action,target,detail,prev_hash,hash", lines[0]);
        assertTrue(lines[1].startsWith("3,2026-01-06T08:00:00Z,u-bob,Bob Charge,ADMIN,pin,limits.changed,chair-1,"), lines[1]);
        assertTrue(lines[1].contains(",\"{\"\"limit\"\":\"\"spo2.low\"\"}\","), lines[1]);
        assertEquals("\"'=88, \"\"low\"\"\"", AuditReader.csv("=88, \"low\""), "a formula guard, then quoted");
        assertEquals("'=1+1", AuditReader.csv("=1+1"));
        assertEquals("audit.exported", recorded.get(0).action());
        assertEquals("csv", recorded.get(0).detail().get("format"));
    }
}
