package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmConfig;

/**
 * Files no one wrote as a configuration (a 20 MB value, a file saved in Latin-1) are refused with
 * one clear line, quickly, before the YAML parser sees them.
 */
class ConfigInputBoundsTest {

    private static final String CHAIR = """
            chairs:
              - id: chair-1
                devices:
                  - { id: ox, protocol: masimo, port: simulated }
            alarms:
              audio_pause:\s""";

    @TempDir
    Path dir;

    private String refusal(Path file) {
        ConfigLoader loader = new ConfigLoader(new UserEnvironment(dir, dir.resolve("home"), "Linux",
                java.util.Map.of()));
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ConfigException.class, () -> loader.load(file)).getMessage());
    }

    @Test
    void aTwentyMegabyteValueIsRefusedBeforeParsing() throws Exception {
        Path file = dir.resolve("station.yaml");
        Files.writeString(file, CHAIR + "1".repeat(20 * 1024 * 1024) + "s\n");
        assertEquals("station.yaml: too large: 20971636 bytes (a configuration or scenario file is at most 1048576"
                + " bytes)", refusal(file));
    }

    @Test
    void aLongLineIsRefusedAtItsLine() throws Exception {
        Path file = dir.resolve("station.yaml");
        Files.writeString(file, CHAIR + "1".repeat(100_000) + "s\n");
        assertEquals("station.yaml:6: line is 100016 characters long (at most 4096)", refusal(file));
    }

    @Test
    void aLongValueIsRefusedAtItsKey() throws Exception {
        Path file = dir.resolve("station.yaml");
        String folded = ("      " + "x".repeat(1000) + "\n").repeat(3);
        Files.writeString(file, CHAIR.replace("id: chair-1", "id: chair-1\n    label: >\n" + folded) + "2m\n");
        assertEquals("station.yaml:3: chairs[0].label: value is 3003 characters long (at most 1024)", refusal(file));
    }

    @Test
    void aLatin1FileNamesTheByteItsOffsetAndLine() throws Exception {
        Path file = dir.resolve("station.yaml");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("chairs:\n  - id: chair-1\n    label: Chaise ".getBytes(StandardCharsets.US_ASCII));
        b.write(0xE9); // é in Latin-1: a UTF-8 lead byte without its continuation
        b.writeBytes("t\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(file, b.toByteArray());
        assertEquals("station.yaml:3: not UTF-8 text (byte 0xE9 at offset 42)", refusal(file));
    }

    @Test
    void aFileCutInsideAUtf8CharacterIsRefused() throws Exception {
        Path file = dir.resolve("station.yaml");
        byte[] text = "chairs:\n  - id: chair-1\n    label: Chaise \u00e9".getBytes(StandardCharsets.UTF_8);
        Files.write(file, java.util.Arrays.copyOf(text, text.length - 1));
        assertEquals("station.yaml:3: not UTF-8 text (byte 0xC3 at offset 42)", refusal(file));
    }

    @Test
    void theClinicLimitsFileHasTheSameBounds() throws Exception {
        Path file = dir.resolve(ClinicLimitsFile.FILE_NAME);
        Files.write(file, new byte[] {'l', 'i', 'm', 'i', 't', 's', ':', '\n', ' ', ' ', (byte) 0xFF, '\n'});
        ClinicLimitsFile limits = new ClinicLimitsFile(file);
        assertEquals("clinic-limits.yaml:2: not UTF-8 text (byte 0xFF at offset 10)",
                assertThrows(ConfigException.class, () -> limits.read(AlarmConfig.defaults(), ClinicBounds.defaults()))
                        .getMessage());
        Files.writeString(file, "limits:\n  spo2.low: { threshold: " + "9".repeat(2 * 1024 * 1024) + " }\n");
        assertEquals("clinic-limits.yaml: too large: 2097188 bytes (a configuration or scenario file is at most"
                + " 1048576 bytes)", assertThrows(ConfigException.class,
                        () -> limits.read(AlarmConfig.defaults(), ClinicBounds.defaults())).getMessage());
    }
}
