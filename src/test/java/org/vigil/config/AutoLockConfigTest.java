package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoLockConfigTest {

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

    @Test
    void theWindowLocksAfterFiveMinutesUnlessTheFileSaysOtherwise() throws Exception {
        ConfigFiles files = new ConfigFiles(dir);
        assertEquals(Duration.ofMinutes(5), files.load(CHAIRS).autoLock());
        assertEquals(Duration.ofMinutes(5), files.loader().defaults().autoLock());
        StationConfig two = files.load("station:\n  auto_lock: 2m\n" + CHAIRS);
        assertEquals(Duration.ofMinutes(2), two.autoLock());
        assertEquals(Duration.ofMinutes(2), two.withDataDir(dir).withDatabase(dir.resolve("x.db")).autoLock(),
                "kept by the copies");
    }

    @Test
    void anAutoLockOutsideHalfAMinuteToAnHourIsRefusedAtItsLine() throws Exception {
        ConfigFiles files = new ConfigFiles(dir);
        assertEquals("station.yaml:2: station.auto_lock: must be between 30s and 60m",
                files.errors("station:\n  auto_lock: 10s\n" + CHAIRS));
        assertEquals("station.yaml:2: station.auto_lock: must be between 30s and 60m",
                files.errors("station:\n  auto_lock: 2h\n" + CHAIRS));
    }
}
