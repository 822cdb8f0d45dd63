package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScenarioCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private List<String> outLines() {
        return out.toString().lines().toList();
    }

    @Test
    void shippedScenarioPrintsHeaderAndRowsAndExitsZero() throws Exception {
        Path file = ScenarioGoldenTest.SCENARIOS.resolve("probe-off.yaml");
        assertEquals(0, run("scenario", file.toString()), err::toString);
        List<String> lines = outLines();
        assertEquals("t_seconds,event,alarm_id,priority,parameter,value,limit", lines.get(0));
        assertEquals("720,raised,ox.sensor_off,medium,ox,,", lines.get(1));
        assertEquals(Files.readAllLines(ScenarioGoldenTest.EXPECTED.resolve("probe-off.csv")), lines);
        assertEquals("", err.toString());
    }

    @Test
    void brokenScenarioIsRefusedWithFileLineAndReasonAndExitsTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, """
                duration: 10m
                devices:
                  ox: { protocol: masimo, reports: [spo2] }
                vitals: { spo2: 98 }
                events:
                  - { at: 1m, set: { spo: 80 } }
                """);
        assertEquals(2, run("scenario", file.toString()));
        assertEquals("", out.toString(), "nothing runs, so no log is printed");
        String first = err.toString().lines().findFirst().orElse("");
        assertTrue(first.startsWith("broken.yaml:6: ") && first.contains("'spo'"), err::toString);
    }

    /** Runs routine-session with a one-chair configuration ({@code monExtra} added to the monitor's entry). */
    private List<String> routineSessionWith(Path dir, String monExtra, String rest) throws Exception {
        Path scenario = ScenarioGoldenTest.SCENARIOS.resolve("routine-session.yaml");
        Path config = dir.resolve("station.yaml");
        Files.writeString(config, """
                chairs:
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: masimo, port: simulated }
                      - { id: mon, protocol: ivy, port: simulated%s }
                """.formatted(monExtra) + rest);
        assertEquals(0, run("scenario", scenario.toString(), "--config", config.toString()), err::toString);
        return outLines();
    }

    @Test
    void configFileWithAnotherLimitChangesTheLog(@TempDir Path dir) throws Exception {
        List<String> lines = routineSessionWith(dir, "", """
                alarms:
                  limits:
                    nibp_dia.high: { threshold: 100 }
                """);
        assertNotEquals(Files.readAllLines(ScenarioGoldenTest.EXPECTED.resolve("routine-session.csv")), lines);
        // 97 at 30 min is no longer above the limit; 106 at 35 min is
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("1800,raised,nibp_dia.high,")), lines::toString);
        assertTrue(lines.contains("2100,raised,nibp_dia.high,medium,nibp_dia,106,100"), lines::toString);
    }

    @Test
    void configSilenceTimeoutOfADeviceWithTheSameIdIsUsed(@TempDir Path dir) throws Exception {
        List<String> lines = routineSessionWith(dir, ", silence_timeout: 30s", "");
        // mon is silent for 20 s from 45 min: with 10 s it raises no_data at 2709 s, with 30 s never
        assertFalse(lines.stream().anyMatch(l -> l.contains("mon.no_data")), lines::toString);
        assertTrue(lines.contains("2400,raised,ox.sensor_off,medium,ox,,"), lines::toString);
    }
}
