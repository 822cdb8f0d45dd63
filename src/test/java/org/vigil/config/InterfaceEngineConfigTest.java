package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterfaceEngineConfigTest {

    @TempDir
    Path dir;

    private ConfigFiles files;

    private static final String CHAIRS = """
            chairs:
              - id: chair-1
                devices:
                  - id: ox
                    protocol: masimo
                    port: /dev/ttyUSB0
            """;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    @Test
    void theSectionGivesHostPortAndTheRetryTimes() throws Exception {
        StationConfig c = files.load(CHAIRS + """
                interface_engine:
                  host: mirth.clinic.local
                  port: 6661
                  max_retry: 10m
                """);
        assertEquals(new InterfaceEngineConfig("mirth.clinic.local", 6661, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofMinutes(10)), c.interfaceEngine());
    }

    @Test
    void withoutTheSectionNothingIsSent() throws Exception {
        assertNull(files.load(CHAIRS).interfaceEngine());
    }

    @Test
    void mistakesNameFileLineAndKey() throws Exception {
        assertEquals(String.join("\n",
                "station.yaml:9: interface_engine.port: must be 1-65535, got 70000",
                "station.yaml:10: interface_engine.retry: unknown key (expected one of host, port, connect_timeout,"
                        + " ack_timeout, first_retry, max_retry)"),
                files.errors(CHAIRS + """
                        interface_engine:
                          host: mirth
                          port: 70000
                          retry: 5s
                        """));
        assertEquals("station.yaml:8: interface_engine.host: missing (required)",
                files.errors(CHAIRS + """
                        interface_engine:
                          port: 6661
                        """));
    }
}
