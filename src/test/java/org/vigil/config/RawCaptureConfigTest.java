package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code raw_capture:} is off unless a device asks for it, and only true or false. */
class RawCaptureConfigTest {

    @TempDir
    Path dir;

    @Test
    void offByDefaultOnPerDevice() throws Exception {
        StationConfig c = new ConfigFiles(dir).load("""
                chairs:
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: nonin, port: /dev/ttyUSB0, raw_capture: true }
                      - { id: mon, protocol: ivy, port: /dev/ttyUSB1 }
                """);
        assertTrue(c.chairs().get(0).devices().get(0).rawCapture());
        assertFalse(c.chairs().get(0).devices().get(1).rawCapture());
    }

    @Test
    void aValueOtherThanTrueOrFalseIsRefusedWithItsLine() throws Exception {
        String errors = new ConfigFiles(dir).errors("""
                chairs:
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: nonin, port: /dev/ttyUSB0, raw_capture: yes please }
                """);
        assertEquals("station.yaml:4: chairs[0].devices[0].raw_capture: expected true or false, got 'yes please'", errors.strip());
    }
}
