package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.chair.DeviceSetup;
import org.vigil.config.ConfigLoader;
import org.vigil.config.StationYamlEditor;
import org.vigil.device.PortDetector;
import org.vigil.device.ProtocolRegistry;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.Role;

/** The station refuses a device change from anyone but an admin, whatever the screen did, and audits the admin's. */
class StationDeviceSetupTest {

    @TempDir
    Path dir;

    @Test
    void onlyAnAdminChangesTheDevicesAndTheChangeIsAudited() throws Exception {
        Path file = dir.resolve("station.yaml");
        String yaml = """
                station:
                  data_dir: data
                chairs:
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: masimo, port: /dev/ttyUSB0 }
                """;
        Files.writeString(file, yaml);
        List<AuditEntry> audit = new ArrayList<>();
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-12-03T08:00:00Z"));
        StationDeviceSetup setup = new StationDeviceSetup(file, List.of("chair-1"), List::of,
                new PortDetector(ProtocolRegistry.standard(), (p, s) -> { throw new IllegalStateException(); }, clock,
                        Duration.ofMillis(10)), ProtocolRegistry.standard(), new StationYamlEditor(ConfigLoader.forCurrentUser()),
                audit::add, clock);
        Actor nurse = new Actor("n1", "Nina", Role.NURSE, clock.instant(), "pin");
        DeviceSetup.Saved refused = setup.assign(nurse, "/dev/ttyUSB1", "nonin", "chair-1", "ox2");
        assertFalse(refused.done());
        assertEquals(yaml, Files.readString(file));
        assertEquals(List.of(), audit);
        Actor admin = new Actor("a1", "Alex", Role.ADMIN, clock.instant(), "pin");
        DeviceSetup.Saved saved = setup.assign(admin, "/dev/ttyUSB1", "nonin", "chair-1", "ox2");
        assertTrue(saved.done(), saved.message());
        assertTrue(Files.readString(file).contains("- { id: ox2, protocol: nonin, port: \"/dev/ttyUSB1\" }"));
        assertEquals(1, audit.size());
        assertEquals("device.add", audit.get(0).action());
        assertEquals(admin, audit.get(0).actor());
        assertFalse(setup.protocols().contains("hl7"), "only serial protocols are offered");
    }
}
