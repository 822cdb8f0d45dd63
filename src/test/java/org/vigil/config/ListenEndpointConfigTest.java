package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code listen:} and {@code bed:}: two chairs' HL7 monitors on one listening port. */
class ListenEndpointConfigTest {

    @TempDir
    Path dir;

    @Test
    void twoChairsShareOneListeningPortEachWithItsBed() throws Exception {
        StationConfig c = new ConfigFiles(dir).load("""
                chairs:
                  - id: chair-1
                    devices:
                      - { id: mon, protocol: hl7, listen: 2575, bed: B-01 }
                  - id: chair-2
                    devices:
                      - { id: mon, protocol: hl7, listen: 2575, bed: B-02, vitals: [hr, spo2, nibp] }
                """);
        assertEquals(new ListenEndpoint(2575, "B-01"), c.chairs().get(0).devices().get(0).endpoint());
        assertEquals(new ListenEndpoint(2575, "B-02"), c.chairs().get(1).devices().get(0).endpoint());
        assertEquals("hl7", c.chairs().get(0).devices().get(0).protocol().key());
    }

    @Test
    void aBedWithoutAPortOrBesideASerialPortIsRefusedWithItsLine() throws Exception {
        ConfigFiles files = new ConfigFiles(dir);
        String noListen = files.errors("""
                chairs:
                  - id: chair-1
                    devices:
                      - { id: mon, protocol: hl7, bed: B-01 }
                """);
        assertTrue(noListen.contains("bed needs listen"), noListen);
        String both = files.errors("""
                chairs:
                  - id: chair-1
                    devices:
                      - { id: mon, protocol: hl7, listen: 2575, bed: B-01, port: /dev/ttyUSB0 }
                """);
        assertTrue(both.contains("leave port out"), both);
        String badPort = files.errors("""
                chairs:
                  - id: chair-1
                    devices:
                      - { id: mon, protocol: hl7, listen: 70000, bed: B-01 }
                """);
        assertTrue(badPort.contains("1-65535"), badPort);
    }
}
