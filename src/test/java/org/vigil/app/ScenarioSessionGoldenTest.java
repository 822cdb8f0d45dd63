package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.vigil.domain.RecordedEvent;
import org.vigil.session.SessionRules;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioParser;

/**
 * Every shipped scenario with a session part ({@code patient}, {@code order}) prints exactly its
 * expected session log ({@code expected/<name>.session.csv}, explained row by row in
 * {@code <name>.md}), run through the chair's clinical session on simulated time.
 */
class ScenarioSessionGoldenTest {

    static final String SUFFIX = ".session.csv";

    static List<Path> sessionScenarios() throws Exception {
        List<Path> out = new ArrayList<>();
        for (Path p : ScenarioGoldenTest.scenarios()) {
            if (parse(p).clinical().isPresent()) {
                out.add(p);
            }
        }
        return out;
    }

    private static Scenario parse(Path p) throws Exception {
        return new ScenarioParser(new ClinicScenarioChecks(SessionRules.DEFAULTS)).parse(p);
    }

    private static String name(Path p) {
        return p.getFileName().toString().replaceFirst("(\\.session\\.csv|\\.yaml)$", "");
    }

    /** The session log of {@code scenario} (header first) and the notes of refused actions. */
    static List<String> sessionLog(Path scenario, List<String> notes) throws Exception {
        Scenario s = parse(scenario);
        Instant t0 = ScenarioRunner.origin(s);
        List<RecordedEvent> events = new ArrayList<>();
        new ScenarioRunner(AlarmConfig.defaults(), Duration.ofSeconds(10)).run(s, e -> { }, events::add, notes::add);
        List<String> lines = new ArrayList<>();
        lines.add(SessionLogFormat.HEADER);
        SessionLogFormat.inTimeOrder(events).forEach(e -> lines.add(SessionLogFormat.row(e, t0)));
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionScenarios")
    void sessionScenarioPrintsItsExpectedSessionLog(Path scenario) throws Exception {
        Path expected = ScenarioGoldenTest.EXPECTED.resolve(name(scenario) + SUFFIX);
        assertTrue(Files.exists(expected), () -> "no expected session log " + expected + " for " + scenario);
        assertEquals(Files.readAllLines(expected), sessionLog(scenario, new ArrayList<>()), scenario.toString());
    }

    @Test
    void everyExpectedSessionLogBelongsToASessionScenarioAndEveryRowIsExplained() throws Exception {
        List<String> names = sessionScenarios().stream().map(ScenarioSessionGoldenTest::name).toList();
        assertTrue(names.size() >= 5, () -> "the five session scenarios are shipped: " + names);
        List<Path> logs;
        try (Stream<Path> s = Files.list(ScenarioGoldenTest.EXPECTED)) {
            logs = s.filter(p -> p.toString().endsWith(SUFFIX)).sorted().toList();
        }
        assertEquals(names, logs.stream().map(ScenarioSessionGoldenTest::name).toList());
        for (Path log : logs) {
            Path md = ScenarioGoldenTest.EXPECTED.resolve(name(log) + ".md");
            String text = Files.readString(md);
            assertTrue(text.contains("## Session log rows"), () -> md + " has a section for the session log");
            String section = text.substring(text.indexOf("## Session log rows"));
            long rows = Files.readAllLines(log).size() - 1;
            assertFalse(rows == 0);
            for (long i = 1; i <= rows; i++) {
                long row = i;
                assertTrue(section.contains("\n| " + row + " | "), () -> md + " explains session log row " + row);
            }
        }
    }
}
