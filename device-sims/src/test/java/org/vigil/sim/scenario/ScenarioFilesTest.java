package org.vigil.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Vital;
import org.vigil.sim.DeviceScript;
import org.vigil.sim.Emission;
import org.vigil.sim.PatientTimeline;
import org.vigil.sim.Simulation;
import org.vigil.sim.TextEncoder;

/** The scenarios shipped in {@code device-sims/scenarios}: they parse, play, and show what their header says. */
class ScenarioFilesTest {

    private static final Path DIR = Path.of("device-sims", "scenarios");

    private static List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static Simulation sim(String file) throws Exception {
        return new Simulation(new ScenarioParser().parse(DIR.resolve(file)), key -> new TextEncoder());
    }

    @Test
    void everyShippedScenarioParsesPlaysAndExplainsItself() throws Exception {
        List<Path> files = files();
        assertTrue(files.stream().map(p -> p.getFileName().toString()).toList().containsAll(List.of(
                "routine-session.yaml", "bp-surge-at-peak.yaml", "desaturation.yaml", "bradycardia.yaml",
                "probe-off.yaml", "cable-pulled.yaml", "artifact-spike.yaml", "cuff-artifact.yaml",
                "default-station.yaml")), files::toString);
        for (Path f : files) {
            assertTrue(Files.readString(f).startsWith("# "), f + " starts with a comment header");
            Simulation sim = new Simulation(new ScenarioParser().parse(f), key -> new TextEncoder());
            for (DeviceScript s : sim.scripts().values()) {
                Emission first = s.iterator().next();
                assertEquals(Duration.ZERO, first.at(), f + " " + s.deviceId());
                assertTrue(s.stream().count() > sim.duration().toSeconds() / 2, f + " " + s.deviceId());
            }
        }
    }

    @Test
    void routineSessionIsTheContractExampleVerbatim() throws Exception {
        String text = Files.readString(DIR.resolve("routine-session.yaml"));
        assertTrue(text.contains(ScenarioParserTest.CONTRACT_EXAMPLE), "contract example verbatim");
    }

    @Test
    void defaultStationIsACalmLoopableTwoHoursWithAMildRiseAtPeak() throws Exception {
        Simulation sim = sim("default-station.yaml");
        Scenario s = sim.scenario();
        assertEquals(List.of("ox", "mon"), List.copyOf(s.devices().keySet()));
        assertEquals("masimo", s.devices().get("ox").protocol());
        assertEquals(Set.of(Vital.SPO2, Vital.PR, Vital.PI), s.devices().get("ox").reports());
        assertEquals("ivy", s.devices().get("mon").protocol());
        assertEquals(Set.of(Vital.HR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN, Vital.RR), s.devices().get("mon").reports());
        assertTrue(s.duration().compareTo(Duration.ofMinutes(100)) >= 0 && s.duration().compareTo(Duration.ofMinutes(140)) <= 0);
        PatientTimeline p = sim.timeline();
        assertEquals(p.at(Duration.ZERO), p.at(s.duration()), "ends where it starts, so it loops");
        Nibp base = s.baseline().orElseThrow().nibp().orElseThrow();
        for (long m = 0; m <= s.duration().toMinutes(); m++) {
            Map<Vital, Double> v = p.at(Duration.ofMinutes(m));
            String at = "minute " + m + ": " + v;
            assertTrue(v.get(Vital.SPO2) >= 95 && v.get(Vital.HR) >= 55 && v.get(Vital.HR) <= 100, at);
            assertTrue(v.get(Vital.NIBP_SYS) < 160 && v.get(Vital.NIBP_DIA) < 90, at);
            assertTrue(v.get(Vital.NIBP_SYS) - base.sys() < 40 && v.get(Vital.NIBP_DIA) - base.dia() < 25, at);
            assertTrue(v.get(Vital.RR) >= 10 && v.get(Vital.RR) <= 20, at);
        }
        double peak = p.value(Vital.NIBP_SYS, Duration.ofMinutes(35)).getAsDouble();
        assertTrue(peak - base.sys() >= 10, "a visible rise around 30-40 min: " + peak);
    }

    /** The longest run of whole seconds in which {@code v} satisfies the test. */
    private static long longestRun(PatientTimeline p, Duration length, Vital v, java.util.function.DoublePredicate test) {
        long best = 0;
        long run = 0;
        for (long t = 0; t < length.toSeconds(); t++) {
            run = test.test(p.value(v, Duration.ofSeconds(t)).getAsDouble()) ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    @Test
    void artifactSpikesLastThreeToFiveSecondsShorterThanTheDelays() throws Exception {
        Simulation sim = sim("artifact-spike.yaml");
        PatientTimeline p = sim.timeline();
        Duration d = sim.duration();
        long hrHigh = longestRun(p, d, Vital.HR, x -> x > 120);
        long hrLow = longestRun(p, d, Vital.HR, x -> x < 50);
        long spo2Low = longestRun(p, d, Vital.SPO2, x -> x < 90);
        assertTrue(hrHigh >= 3 && hrHigh <= 5, "HR high for " + hrHigh + " s");
        assertTrue(hrLow >= 3 && hrLow <= 5, "HR low for " + hrLow + " s");
        assertTrue(spo2Low >= 3 && spo2Low <= 5, "SpO2 low for " + spo2Low + " s");
        assertEquals(0, longestRun(p, d, Vital.SPO2, x -> x < 85), "never in the no-delay desat range");
    }

    @Test
    void cuffArtifactDipsOnlyWhileTheCuffOnTheSameArmIsUp() throws Exception {
        Simulation sim = sim("cuff-artifact.yaml");
        assertEquals("mon", sim.scenario().devices().get("ox").sameArmAs().orElseThrow());
        DeviceScript mon = sim.script("mon");
        int dips = 0;
        for (long t = 0; t < sim.duration().toSeconds(); t++) {
            Duration at = Duration.ofSeconds(t);
            if (sim.timeline().value(Vital.SPO2, at).getAsDouble() < 95) {
                dips++;
                assertTrue(mon.outputAt(at).orElseThrow().cuffInflating(), "SpO2 dip at " + t + " s with the cuff down");
            }
        }
        assertTrue(dips >= 4 * 15, "four dips: " + dips);
        assertFalse(mon.outputAt(Duration.ofSeconds(10)).orElseThrow().cuffInflating());
    }
}
