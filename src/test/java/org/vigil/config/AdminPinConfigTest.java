package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPinConfigTest {

    private static final String CHAIRS = """
            chairs:
              - id: chair-1
                devices:
                  - id: ox
                    protocol: masimo
                    port: simulated
            """;

    @TempDir
    Path dir;

    private ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    @Test
    void theAdminPinIsReadAndCheckedButNeverPrinted() throws Exception {
        StationConfig cfg = files.load("station:\n  admin_pin: \"0815\"\n" + CHAIRS);
        AdminPin pin = cfg.admin().orElseThrow();
        assertTrue(pin.matches("0815"));
        assertFalse(pin.matches("815"));
        assertFalse(pin.matches(null));
        assertFalse(cfg.toString().contains("0815"), cfg.toString());
        assertTrue(cfg.withDataDir(dir).withDatabase(dir.resolve("x.db")).admin().isPresent(), "kept by the copies");
    }

    @Test
    void anUnquotedPinKeepsItsLeadingZero() throws Exception {
        AdminPin pin = files.load("station:\n  admin_pin: 0815\n" + CHAIRS).admin().orElseThrow();
        assertTrue(pin.matches("0815"));
    }

    @Test
    void withoutAnAdminPinAdminActionsAreOff() throws Exception {
        assertTrue(files.load(CHAIRS).admin().isEmpty());
        assertTrue(files.loader().defaults().admin().isEmpty());
    }

    @Test
    void aShortPinOrOneWithSpacesIsRefused() throws Exception {
        assertEquals("station.yaml:2: station.admin_pin: the admin PIN needs at least 4 characters",
                files.errors("station:\n  admin_pin: 123\n" + CHAIRS));
        assertEquals("station.yaml:2: station.admin_pin: the admin PIN must not contain spaces",
                files.errors("station:\n  admin_pin: \"12 34\"\n" + CHAIRS));
    }
}
