package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"decode", "sim", "record", "scenario", "bench", "verify-audit"})
    void everyCommandsHelpSaysWhatItDoesWithAnExample(String command) {
        Run r = run(command, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Example"), r.out());
        assertTrue(r.out().contains("java -jar vigil.jar " + command), r.out());
    }

    @Test
    void decodePrintsTheIvyCaptureAsCsv() {
        Run r = run("decode", "--protocol", "ivy", "src/test/resources/captures/ivy/Ivy450C.1.data");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\\R");
        assertEquals("time,device,vital,value,unit,flags", lines[0]);
        assertEquals(1 + 27 * 7, lines.length);
        assertTrue(r.out().contains("+00:00:00,ivy,nibp_sys,121,mmHg,"), r.out());
        assertTrue(r.err().contains("27 frames"), r.err());
    }

    @Test
    void decodePrintsMasimoFlagsAndAbsentValues() throws Exception {
        Path f = dir.resolve("probe-off.txt");
        Files.writeString(f, "02/22/16 22:47:45 SN=0000056661 SPO2=---% BPM=--- PI=--.--% SPCO=--.-% SPMET=--.-%"
                + " DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000820\r\n");
        Run r = run("decode", "--protocol", "masimo", "--device", "ox", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2016-02-22T22:47:45,ox,spo2,,%,invalid|sensor_off"), r.out());
    }

    @Test
    void decodeRefusesAnUnknownProtocolAndAMissingFileClearly() {
        Run bad = run("decode", "--protocol", "nonesuch", "x.bin");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown protocol 'nonesuch' (expected one of masimo, ivy"), bad.err());
        Run missing = run("decode", "--protocol", "masimo", dir.resolve("nothere.bin").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void recordRefusesABadDuration() {
        Run r = run("record", "--duration", "ten seconds");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad duration 'ten seconds'"), r.err());
    }

    @Test
    void simRefusesAScenarioSpeedItCannotPlay() {
        Run r = run("sim", "--scenario", "device-sims/scenarios/desaturation.yaml", "--speed", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("sim: speed must be above 0 and at most 3600: 0.0"), r.err());
    }

    @Test
    void theStationWindowNeedsADisplayOnLinuxOnly() {
        assertNotNull(StationLauncher.noDisplayReason("Linux", Map.of()));
        assertNull(StationLauncher.noDisplayReason("Linux", Map.of("DISPLAY", ":0")));
        assertNull(StationLauncher.noDisplayReason("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0")));
        assertNull(StationLauncher.noDisplayReason("Mac OS X", Map.of()));
    }
}
