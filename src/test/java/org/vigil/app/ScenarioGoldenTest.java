package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmLogFormat;
import org.vigil.domain.RecordedEvent;
import org.vigil.session.SessionRules;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioParser;

/**
 * Every shipped scenario, run in-process through the simulators' bytes, the decoders and the
 * alarm engine on simulated time, prints exactly its expected alarm log
 * ({@code device-sims/scenarios/expected/<name>.csv}, explained row by row in {@code <name>.md});
 * one with a session part also its expected session log ({@code <name>.session.csv}).
 */
class ScenarioGoldenTest {

    static final Path SCENARIOS = Path.of("device-sims", "scenarios");
    static final Path EXPECTED = SCENARIOS.resolve("expected");

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static String name(Path p) {
        return p.getFileName().toString().replaceFirst("\\.(yaml|csv|md)$", "");
    }

    /** The alarm log of {@code scenario} with the station's default configuration, header first. */
    static List<String> alarmLog(Path scenario) throws Exception {
        Scenario s = new ScenarioParser().parse(scenario);
        Instant t0 = ScenarioRunner.origin(s);
        List<String> lines = new ArrayList<>();
        lines.add(AlarmLogFormat.HEADER);
        new ScenarioRunner(AlarmConfig.defaults(), Duration.ofSeconds(10)).run(s, e -> lines.add(AlarmLogFormat.row(e, t0)));
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioPrintsItsExpectedAlarmLog(Path scenario) throws Exception {
        Path expected = EXPECTED.resolve(name(scenario) + ".csv");
        assertTrue(Files.exists(expected), () -> "no expected alarm log " + expected + " for " + scenario);
        // one run gives both logs: a scenario with a session part also prints its expected session log
        Scenario s = new ScenarioParser(new ClinicScenarioChecks(SessionRules.DEFAULTS)).parse(scenario);
        Instant t0 = ScenarioRunner.origin(s);
        List<String> alarms = new ArrayList<>();
        alarms.add(AlarmLogFormat.HEADER);
        List<RecordedEvent> session = new ArrayList<>();
        new ScenarioRunner(AlarmConfig.defaults(), Duration.ofSeconds(10)).run(s, e -> alarms.add(AlarmLogFormat.row(e, t0)),
                session::add, note -> { });
        assertEquals(Files.readAllLines(expected), alarms, scenario.toString());
        if (s.clinical().isPresent()) {
            Path log = EXPECTED.resolve(name(scenario) + ScenarioSessionGoldenTest.SUFFIX);
            assertTrue(Files.exists(log), () -> "no expected session log " + log + " for " + scenario);
            List<String> rows = new ArrayList<>();
            rows.add(SessionLogFormat.HEADER);
            SessionLogFormat.inTimeOrder(session).forEach(e -> rows.add(SessionLogFormat.row(e, t0)));
            assertEquals(Files.readAllLines(log), rows, scenario + " session log");
        } else {
            assertTrue(session.isEmpty(), "no session part, no session events");
        }
    }

    @Test
    void everyExpectedLogBelongsToAShippedScenarioAndIsExplained() throws Exception {
        List<String> names = scenarios().stream().map(ScenarioGoldenTest::name).toList();
        assertFalse(names.isEmpty());
        List<Path> csvs;
        try (Stream<Path> s = Files.list(EXPECTED)) {
            csvs = s.filter(p -> p.toString().endsWith(".csv") && !p.toString().endsWith(ScenarioSessionGoldenTest.SUFFIX))
                    .sorted().toList();
        }
        assertEquals(names, csvs.stream().map(ScenarioGoldenTest::name).toList());
        for (Path csv : csvs) {
            Path md = EXPECTED.resolve(name(csv) + ".md");
            assertTrue(Files.exists(md), () -> "no explanation " + md);
            long rows = Files.readAllLines(csv).size() - 1;
            String text = Files.readString(md);
            assertTrue(rows == 0 || text.contains("| " + rows + " | "), () -> md + " explains every one of its " + rows + " rows");
        }
    }
}
