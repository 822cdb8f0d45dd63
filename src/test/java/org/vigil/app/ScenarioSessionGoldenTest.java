package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigil.session.SessionRules;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioParser;

/**
 * The shipped session scenarios ({@code patient}, {@code order}) each have an expected session log
 * ({@code expected/<name>.session.csv}, compared in {@link ScenarioGoldenTest} from the same run as
 * the alarm log) with every row explained in {@code <name>.md}.
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
