package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.PtyPair;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.Role;
import org.vigil.security.AuditFilter;
import org.vigil.security.AuditRow;
import org.vigil.security.AuditVerifier;
import org.vigil.storage.DatabaseKeys;
import org.vigil.storage.VigilDatabase;

/** The running station's audit trail: what review, export and accounts record lands in the chained table. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StationAuditTrailTest {

    @TempDir
    Path dir;

    @Test
    void whatTheStationIsToldLandsInTheTrailBetweenItsStartAndStopAndVerifies() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        StationConfig cfg = OneChairConfig.write(dir, "      - { id: ox, protocol: masimo, port: simulated }\n");
        Actor auditor = new Actor("u-ada", "Ada Auditor", Role.AUDITOR, Instant.now(), "login");
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            station.audit().record(new AuditEntry(Instant.now(), auditor, "session.viewed", "session:1", Map.of()));
            assertTrue(station.flushAudit(Duration.ofSeconds(20)));
            List<AuditRow> rows = station.auditReader().read(auditor, AuditFilter.ALL);
            assertEquals(List.of("station.started", "session.viewed"), rows.stream().map(AuditRow::action).toList());
        }
        try (Connection c = VigilDatabase.connection(cfg.database(), DatabaseKeys.standard())) {
            AuditVerifier.Verdict v = AuditVerifier.verify(c, cfg.database(), DatabaseKeys.standard().existing().orElseThrow());
            assertTrue(v.ok(), v.toString());
            assertEquals(4, v.rows(), "started, viewed, the auditor's read (audit.viewed), stopped");
        }
    }
}
