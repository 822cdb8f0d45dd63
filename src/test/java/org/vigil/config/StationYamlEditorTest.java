package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device setup screen's change to station.yaml: one line added where it belongs, checked before it replaces the file. */
class StationYamlEditorTest {

    @TempDir
    Path dir;

    private static final String YAML = """
            # the clinic's station
            station:
              data_dir: data
            chairs:
              - id: chair-1
                label: Chair 1
                devices:
                  - { id: ox, protocol: masimo, port: /dev/ttyUSB0 }   # the Rad-8
                  - id: mon
                    protocol: ivy
                    port: /dev/ttyUSB1

              - id: chair-2
                devices:
                  - { id: ox, protocol: nonin, port: /dev/ttyUSB2 }
            """;

    @Test
    void aDeviceIsAddedAfterTheChairsLastDeviceAndEverythingElseStays() throws Exception {
        Path file = dir.resolve("station.yaml");
        Files.writeString(file, YAML);
        StationConfig c = new StationYamlEditor(ConfigLoader.forCurrentUser()).addDevice(file, "chair-1", "ox2", "contec",
                "/dev/ttyUSB3");
        assertEquals(3, c.chairs().get(0).devices().size());
        assertEquals("contec", c.chairs().get(0).devices().get(2).protocol().key());
        assertEquals(1, c.chairs().get(1).devices().size());
        String text = Files.readString(file);
        assertEquals(YAML.replace("        port: /dev/ttyUSB1\n",
                "        port: /dev/ttyUSB1\n      - { id: ox2, protocol: contec, port: \"/dev/ttyUSB3\" }\n"), text);
        assertEquals(YAML, Files.readString(dir.resolve("station.yaml.bak")));
    }

    @Test
    void aChangeTheStationWouldRefuseIsRefusedAndTheFileUntouched() throws Exception {
        Path file = dir.resolve("station.yaml");
        Files.writeString(file, YAML);
        StationYamlEditor editor = new StationYamlEditor(ConfigLoader.forCurrentUser());
        StationYamlEditor.Refused sameId = assertThrows(StationYamlEditor.Refused.class,
                () -> editor.addDevice(file, "chair-1", "ox", "contec", "/dev/ttyUSB3"));
        assertTrue(sameId.getMessage().contains("station.yaml:"), sameId.getMessage());
        StationYamlEditor.Refused samePort = assertThrows(StationYamlEditor.Refused.class,
                () -> editor.addDevice(file, "chair-2", "ox2", "contec", "/dev/ttyUSB0"));
        assertTrue(samePort.getMessage().contains("/dev/ttyUSB0"), samePort.getMessage());
        assertThrows(StationYamlEditor.Refused.class, () -> editor.addDevice(file, "chair-9", "ox2", "contec", "/dev/ttyUSB3"));
        assertEquals(YAML, Files.readString(file));
        assertTrue(Files.notExists(dir.resolve("station.yaml.new")));
    }
}
