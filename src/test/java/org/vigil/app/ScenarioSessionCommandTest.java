package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code scenario FILE --session-log}, errors in the session part, and {@code sim} leaving the session part out. */
class ScenarioSessionCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void theSessionLogFollowsTheAlarmLogAfterABlankLineAndRefusalsAreNotedOnStderr() throws Exception {
        Path file = ScenarioGoldenTest.SCENARIOS.resolve("session-start-gate.yaml");
        assertEquals(0, run("scenario", file.toString(), "--session-log"), err::toString);
        List<String> lines = out.toString().lines().toList();
        int blank = lines.indexOf("");
        assertTrue(blank > 0, "a blank line between the two logs");
        assertEquals(Files.readAllLines(ScenarioGoldenTest.EXPECTED.resolve("session-start-gate.csv")),
                lines.subList(0, blank));
        assertEquals(Files.readAllLines(ScenarioGoldenTest.EXPECTED.resolve("session-start-gate.session.csv")),
                lines.subList(blank + 1, lines.size()));
        assertEquals(List.of("session-start-gate.yaml:20: at 7m: start_infusion refused: start gate: baseline 150/87 above"
                + " 140/90; a prescriber must confirm"), err.toString().lines().toList());
    }

    @Test
    void withoutTheOptionOnlyTheAlarmLogIsPrinted() throws Exception {
        Path file = ScenarioGoldenTest.SCENARIOS.resolve("session-nausea-pause.yaml");
        assertEquals(0, run("scenario", file.toString()), err::toString);
        assertEquals(Files.readAllLines(ScenarioGoldenTest.EXPECTED.resolve("session-nausea-pause.csv")),
                out.toString().lines().toList());
    }

    @Test
    void anErrorInTheSessionPartIsRefusedWithFileLineAndReasonBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("order.yaml");
        Files.writeString(file, """
                duration: 60m
                devices:
                  mon: { protocol: ivy, reports: [hr, nibp] }
                vitals: { hr: 70, nibp: 120/80 }
                patient: { weight: 82 stone }
                order: { dose: 1.5mg/kg, concentration: 10mg/mL, duration: 40m }
                events:
                  - { at: 1m, nurse: event, kind: hiccups }
                  - { at: 2m, nurse: score, aldrete: 11 }
                  - { at: 3m, nurse: event, kind: antiemetic }
                """);
        assertEquals(2, run("scenario", file.toString(), "--session-log"));
        assertEquals("", out.toString(), "nothing runs");
        assertEquals(List.of(
                "order.yaml:5: bad weight unit 'stone' in '82 stone' (expected kg or lb)",
                "order.yaml:8: unknown event kind 'hiccups' (expected one of nausea, vomiting, antiemetic, anxiety,"
                        + " dissociation, headache, other)",
                "order.yaml:9: aldrete 11 outside 0-10",
                "order.yaml:10: event antiemetic needs a detail (which antiemetic and the dose, e.g. detail:"
                        + " \"ondansetron 4 mg IV\")"), err.toString().lines().toList());
    }

    @Test
    void anOrderOutsideTheClinicsRangesIsRefusedAtTheOrdersLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dose.yaml");
        Files.writeString(file, """
                duration: 60m
                devices:
                  mon: { protocol: ivy, reports: [hr, nibp] }
                patient: { weight: 82kg }
                order: { dose: 1.5mg/kg, concentration: 10mg/mL, duration: 3h }
                """);
        assertEquals(2, run("scenario", file.toString()));
        assertEquals(List.of("dose.yaml:5: order refused: dose 1.5 mg/kg outside 0.1-1 mg/kg",
                "dose.yaml:5: order refused: duration 180 min outside 10-120 min"), err.toString().lines().toList());
    }

    @Test
    void theConfigurationsSessionRulesApply(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("station.yaml");
        Files.writeString(config, """
                chairs:
                  - id: chair-1
                    devices:
                      - { id: ox, protocol: masimo, port: simulated }
                      - { id: mon, protocol: ivy, port: simulated }
                session:
                  start_gate: 160/100
                """);
        Path file = ScenarioGoldenTest.SCENARIOS.resolve("session-start-gate.yaml");
        assertEquals(0, run("scenario", file.toString(), "--session-log", "--config", config.toString()), err::toString);
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.contains("420,infusion,start rate_ml_h=5.99"), "150/87 is under this clinic's 160/100 gate");
        assertTrue(lines.stream().noneMatch(l -> l.contains("start_refused,start gate")), out::toString);
        assertTrue(lines.contains("600,start_refused,the infusion already started"), out::toString);
    }

    @Test
    void simSaysOnceThatItLeavesTheSessionPartOut() {
        int code = run("sim", "--scenario", "device-sims/scenarios/session-routine.yaml", "--speed", "0");
        assertEquals(2, code);
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.contains("session part")).count(), err::toString);
        assertEquals("sim: session-routine.yaml: the session part (patient, order and the nurse's session actions) is"
                + " not played live: devices only", lines.get(0));
    }
}
