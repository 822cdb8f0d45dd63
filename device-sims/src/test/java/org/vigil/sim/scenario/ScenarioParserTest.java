package org.vigil.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Vital;

class ScenarioParserTest {

    static final String CONTRACT_EXAMPLE = """
            name: BP surge at peak with a brief desaturation
            duration: 60m
            devices:
              ox:  { protocol: masimo, reports: [spo2, pr, pi] }
              mon: { protocol: ivy, reports: [hr, nibp], nibp_interval: 5m }
            baseline: { nibp: 124/78, hr: 72 }      # optional: the session baseline
            vitals: { hr: 72, pr: 72, spo2: 98, pi: 3.5, nibp: 124/78 }   # the patient at t = 0
            events:
              - { at: 20m, ramp: { nibp: 176/106, hr: 96, pr: 96 }, over: 15m }
              - { at: 30m, set: { spo2: 86 } }
              - { at: 30m40s, set: { spo2: 97 } }
              - { at: 31m, nurse: acknowledge }
              - { at: 40m, sensor_off: ox, for: 30s }
              - { at: 45m, silent: mon, for: 20s }
              - { at: 50m, nibp_measure: mon }
            """;

    /** A valid two-device header to which a test appends its own lines (events start on line 8). */
    static final String HEAD = """
            name: t
            duration: 10m
            devices:
              ox:  { protocol: masimo, reports: [spo2, pr] }
              mon: { protocol: ivy, reports: [hr, nibp] }
            vitals: { hr: 70, spo2: 98, pr: 70, nibp: 120/80 }
            events:
            """;

    private final ScenarioParser parser = new ScenarioParser();

    private Scenario parse(String yaml) throws ScenarioException {
        return parser.parse("bp.yaml", yaml);
    }

    private List<String> problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(yaml));
        return e.problems().stream().map(ScenarioException.Problem::toString).toList();
    }

    private String onlyProblem(String yaml) {
        List<String> p = problems(yaml);
        assertEquals(1, p.size(), () -> "expected one problem, got " + p);
        return p.get(0);
    }

    @Test
    void contractExampleParsesIntoDevicesVitalsBaselineAndTimeOrderedEvents() throws Exception {
        Scenario s = parse(CONTRACT_EXAMPLE);
        assertEquals("BP surge at peak with a brief desaturation", s.name());
        assertEquals(Duration.ofMinutes(60), s.duration());
        assertEquals(List.of("ox", "mon"), List.copyOf(s.devices().keySet()));
        DeviceSpec ox = s.devices().get("ox");
        assertEquals("masimo", ox.protocol());
        assertEquals(Set.of(Vital.SPO2, Vital.PR, Vital.PI), ox.reports());
        DeviceSpec mon = s.devices().get("mon");
        assertEquals(Set.of(Vital.HR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN), mon.reports());
        assertEquals(Duration.ofMinutes(5), mon.nibpInterval());
        assertEquals(new Nibp(124, 78, 93), s.baseline().orElseThrow().nibp().orElseThrow());
        assertEquals(72.0, s.baseline().orElseThrow().hr().getAsDouble());
        assertEquals(3.5, s.vitals().get(Vital.PI));
        assertEquals(93.0, s.vitals().get(Vital.NIBP_MEAN));
        assertEquals(7, s.events().size());
        ScenarioEvent.Ramp ramp = (ScenarioEvent.Ramp) s.events().get(0);
        assertEquals(Duration.ofMinutes(15), ramp.over());
        assertEquals(129.0, ramp.targets().get(Vital.NIBP_MEAN)); // 106 + 70/3 = 129.3
        assertEquals(9, ramp.line());
        assertEquals(Duration.ofSeconds(30 * 60 + 40), s.events().get(2).at());
        assertEquals(new ScenarioEvent.SensorOff(Duration.ofMinutes(40), "ox", Duration.ofSeconds(30), 13), s.events().get(4));
        assertEquals(Scenario.DEFAULT_START, s.start());
        assertEquals(0L, s.seed());
    }

    @Test
    void eventsAreSortedByTimeKeepingFileOrderForEqualTimes() throws Exception {
        Scenario s = parse(HEAD + """
                  - { at: 5m, nurse: pause_audio }
                  - { at: 1m, set: { hr: 80 } }
                  - { at: 5m, nurse: acknowledge }
                """);
        assertEquals(List.of(9, 8, 10), s.events().stream().map(ScenarioEvent::line).toList());
    }

    @Test
    void theNurseSetsTheBaseline() throws Exception {
        Scenario s = parse(HEAD + "  - { at: 9m, nurse: set_baseline }\n");
        assertEquals(List.of(new ScenarioEvent.Nurse(Duration.ofMinutes(9), ScenarioEvent.Nurse.SET_BASELINE, 8)),
                s.events());
    }

    @Test
    void unknownVitalNamesLineAndExpectedNames() {
        assertEquals("bp.yaml:8: unknown vital 'spo' in set (expected one of hr, pr, spo2, pi, rr, nibp)",
                onlyProblem(HEAD + "  - { at: 1m, set: { spo: 90 } }\n"));
    }

    @Test
    void unknownKeysAreRefusedAtEveryLevel() {
        List<String> p = problems("""
                name: x
                duration: 10m
                colour: red
                devices:
                  ox: { protocol: masimo, reports: [spo2], baud: 9600 }
                baseline: { nibp: 120/80, weight: 70 }
                events:
                  - { at: 1m, set: { spo2: 90 }, when: later }
                """);
        assertEquals(List.of(
                "bp.yaml:3: unknown key 'colour' (expected one of name, duration, devices, baseline, vitals, events, start, seed)",
                "bp.yaml:5: unknown key 'baud' in device 'ox' (expected one of protocol, reports, nibp_interval, serial, cuff_inflation, same_arm_as)",
                "bp.yaml:6: unknown key 'weight' in baseline (expected one of nibp, hr)",
                "bp.yaml:8: unknown key 'when' in event (expected one of at, set, ramp, over, sensor_off, silent, for, garbage, bytes, nibp_measure, glitch, nurse)"),
                p);
    }

    @Test
    void unknownDeviceInAnEventIsRefused() {
        assertEquals("bp.yaml:8: unknown device 'oxi' in sensor_off (expected one of ox, mon)",
                onlyProblem(HEAD + "  - { at: 1m, sensor_off: oxi, for: 30s }\n"));
    }

    @Test
    void unknownProtocolListsTheProtocolsTheStationSpeaks() {
        String p = onlyProblem("""
                duration: 10m
                devices:
                  ox: { protocol: nellcor, reports: [spo2] }
                """);
        assertEquals("bp.yaml:3: unknown protocol 'nellcor' (expected one of masimo, ivy, contec)", p);
    }

    @Test
    void vitalTheProtocolCannotCarryIsRefused() {
        String p = onlyProblem("""
                duration: 10m
                devices:
                  ox:
                    protocol: masimo
                    reports: [spo2, pr, nibp]
                """);
        assertEquals("bp.yaml:5: device 'ox' (masimo) cannot report 'nibp' (masimo reports pr, spo2, pi)", p);
        assertTrue(onlyProblem("""
                duration: 10m
                devices:
                  mon: { protocol: ivy, reports: [hr, pi] }
                """).startsWith("bp.yaml:3: device 'mon' (ivy) cannot report 'pi'"));
    }

    @Test
    void badDurationsAreRefusedWithTheExpectedForm() {
        assertEquals("bp.yaml:2: bad duration '1 hour' for duration (expected e.g. 90s, 5m, 1h2m30s)",
                onlyProblem("name: x\nduration: 1 hour\ndevices: { ox: { protocol: masimo, reports: [spo2] } }\n"));
        assertEquals("bp.yaml:8: bad duration '90' for at: a unit is needed (e.g. 90s, 5m, 1h2m30s)",
                onlyProblem(HEAD + "  - { at: 90, set: { hr: 80 } }\n"));
        assertEquals("bp.yaml:8: bad duration '5x' for for (expected e.g. 90s, 5m, 1h2m30s)",
                onlyProblem(HEAD + "  - { at: 1m, silent: ox, for: 5x }\n"));
    }

    @Test
    void combinedDurationsAndBareZeroAreAccepted() throws Exception {
        Scenario s = parse(HEAD.replace("duration: 10m", "duration: 1h2m30s") + """
                  - { at: 0, set: { hr: 80 } }
                  - { at: 1h2m30s, nurse: acknowledge }
                  - { at: 90s, ramp: { hr: 90 }, over: 1h1m }
                """);
        assertEquals(Duration.ofSeconds(3750), s.duration());
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(90), Duration.ofSeconds(3750)),
                s.events().stream().map(ScenarioEvent::at).toList());
    }

    @Test
    void timesPastTheDurationAreRefused() {
        List<String> p = problems(HEAD + """
                  - { at: 10m1s, set: { hr: 80 } }
                  - { at: 9m, ramp: { hr: 90 }, over: 2m }
                  - { at: 9m50s, sensor_off: ox, for: 30s }
                  - { at: 10m, nurse: acknowledge }
                  - { at: 9m, silent: mon, for: 1m }
                """);
        assertEquals(List.of(
                "bp.yaml:8: at: 10m1s is past the scenario's duration 10m",
                "bp.yaml:9: over: at + over = 11m is past the scenario's duration 10m",
                "bp.yaml:10: for: at + for = 10m20s is past the scenario's duration 10m"), p);
    }

    @Test
    void badBloodPressureTextsAreRefused() {
        List<String> p = problems("""
                duration: 10m
                devices: { mon: { protocol: ivy, reports: [nibp] } }
                vitals: { nibp: 124-78 }
                baseline: { nibp: 78/124 }
                events:
                  - { at: 1m, set: { nibp: 124/78/130 } }
                  - { at: 2m, set: { nibp: 400/80 } }
                """);
        assertEquals(List.of(
                "bp.yaml:3: bad nibp '124-78' (expected sys/dia or sys/dia/mean in whole mmHg, e.g. 124/78)",
                "bp.yaml:4: bad nibp '78/124': diastolic must be below systolic",
                "bp.yaml:6: bad nibp '124/78/130': mean must lie between diastolic and systolic",
                "bp.yaml:7: bad nibp '400/80': systolic above 300 mmHg"), p);
    }

    @Test
    void nibpWithExplicitMeanKeepsIt() throws Exception {
        Scenario s = parse(HEAD.replace("nibp: 120/80", "nibp: 124/78/95"));
        assertEquals(95.0, s.vitals().get(Vital.NIBP_MEAN));
        assertEquals(new Nibp(176, 106, 129), Nibp.parse("176/106"));
        assertEquals(new Nibp(121, 75, 90), Nibp.parse("121 / 75"));
    }

    @Test
    void outOfRangeAndNonNumericValuesAreRefused() {
        List<String> p = problems(HEAD + """
                  - { at: 1m, set: { spo2: 101 } }
                  - { at: 2m, set: { hr: fast } }
                """);
        assertEquals(List.of("bp.yaml:8: spo2 101 is out of range (0-100 %)",
                "bp.yaml:9: hr must be a number, not 'fast'"), p);
    }

    @Test
    void eventShapeErrorsAreRefused() {
        List<String> p = problems(HEAD + """
                  - { at: 1m, set: { hr: 80 }, nurse: acknowledge }
                  - { at: 1m }
                  - { set: { hr: 80 } }
                  - { at: 1m, ramp: { hr: 80 } }
                  - { at: 1m, silent: ox }
                  - { at: 1m, set: { hr: 80 }, over: 1m }
                  - { at: 1m, garbage: ox }
                  - { at: 1m, nurse: call_doctor }
                  - { at: 1m, nibp_measure: ox }
                """);
        assertEquals(List.of(
                "bp.yaml:8: event has several actions [set, nurse] (give exactly one of set, ramp, sensor_off, silent, garbage, nibp_measure, glitch, nurse)",
                "bp.yaml:9: event has no action (give exactly one of set, ramp, sensor_off, silent, garbage, nibp_measure, glitch, nurse)",
                "bp.yaml:10: event 'set' has no 'at' (when it happens, e.g. at: 20m)",
                "bp.yaml:11: ramp needs 'over' (how long the change takes, e.g. over: 15m)",
                "bp.yaml:12: silent needs 'for' (how long, e.g. for: 30s)",
                "bp.yaml:13: 'over' does not apply to set (only to ramp)",
                "bp.yaml:14: garbage needs 'bytes' (how many, e.g. bytes: 40)",
                "bp.yaml:15: unknown nurse action 'call_doctor' (expected one of acknowledge, pause_audio, set_baseline)",
                "bp.yaml:16: nibp_measure: device 'ox' does not report nibp"), p);
    }

    @Test
    void rampOfAVitalWithNoValueYetIsRefused() {
        assertEquals("bp.yaml:8: ramp of 'rr' starts from no value (give rr in vitals or set it before the ramp)",
                onlyProblem(HEAD + "  - { at: 1m, ramp: { rr: 20 }, over: 1m }\n"));
    }

    @Test
    void missingDurationAndDevicesAreRefused() {
        List<String> p = problems("name: x\nvitals: { hr: 70 }\n");
        assertEquals(2, p.size());
        assertTrue(p.get(0).startsWith("bp.yaml:1: missing key 'duration'"));
        assertTrue(p.get(1).startsWith("bp.yaml:1: missing key 'devices'"));
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeysNameTheirLine() {
        assertEquals("bp.yaml:3: not valid YAML: expected ',' or '}', but got <scalar> (while parsing a flow mapping started on line 2)",
                onlyProblem("duration: 10m\ndevices: { ox: { protocol: masimo, reports: [spo2] }\nvitals: {}\n"));
        assertEquals("bp.yaml:3: duplicate key 'duration' (first given on line 1)",
                onlyProblem("duration: 10m\ndevices: { ox: { protocol: masimo, reports: [spo2] } }\nduration: 5m\n"));
        assertEquals("bp.yaml:1: the file is empty", onlyProblem(""));
    }

    @Test
    void extensionsAreReadAndChecked() throws Exception {
        Scenario s = parse("""
                duration: 20m
                start: 2026-11-22T09:00:00
                seed: 42
                devices:
                  mon: { protocol: ivy, reports: [hr, nibp], cuff_inflation: 30s, serial: "0000056661" }
                  ox: { protocol: masimo, reports: [spo2, pr, pi], same_arm_as: mon }
                """);
        assertEquals(LocalDateTime.of(2026, 11, 22, 9, 0), s.start());
        assertEquals(42L, s.seed());
        assertEquals(Duration.ofSeconds(30), s.devices().get("mon").cuffInflation());
        assertEquals("0000056661", s.devices().get("mon").serial().orElseThrow());
        assertEquals("mon", s.devices().get("ox").sameArmAs().orElseThrow());
        assertTrue(s.devices().get("ox").serial().isEmpty());
        assertEquals(Duration.ZERO, s.devices().get("ox").cuffInflation());

        List<String> p = problems("""
                duration: 20m
                start: next tuesday
                devices:
                  a: { protocol: ivy, reports: [hr], cuff_inflation: 30s }
                  b: { protocol: masimo, reports: [spo2], same_arm_as: a }
                  c: { protocol: masimo, reports: [spo2], same_arm_as: zz }
                  d: { protocol: ivy, reports: [nibp], nibp_interval: 1m, cuff_inflation: 2m }
                """);
        assertEquals(List.of(
                "bp.yaml:2: bad start 'next tuesday' (expected a date and time, e.g. 2026-11-22T09:00:00)",
                "bp.yaml:4: cuff_inflation in device 'a' needs a device that reports nibp",
                "bp.yaml:5: same_arm_as names 'a', which does not report nibp",
                "bp.yaml:6: unknown device 'zz' in same_arm_as (expected one of a, b, c, d)",
                "bp.yaml:7: cuff_inflation 2m must be shorter than nibp_interval 1m"), p);
    }

    @Test
    void cuffInflationDefaultsToTwentySecondsOnNibpDevicesAndZeroSwitchesItOff() throws Exception {
        Scenario s = parse("""
                duration: 20m
                devices:
                  mon: { protocol: ivy, reports: [hr, nibp] }
                  off: { protocol: ivy, reports: [nibp], cuff_inflation: 0s }
                  fast: { protocol: ivy, reports: [nibp], nibp_interval: 30s }
                  own: { protocol: ivy, reports: [nibp], cuff_inflation: 45s }
                  ecg: { protocol: ivy, reports: [hr] }
                  ox: { protocol: masimo, reports: [spo2, pr, pi] }
                """);
        assertEquals(Duration.ofSeconds(20), s.devices().get("mon").cuffInflation());
        assertEquals(Duration.ZERO, s.devices().get("off").cuffInflation());
        assertEquals(Duration.ofSeconds(15), s.devices().get("fast").cuffInflation(), "half a short interval");
        assertEquals(Duration.ofSeconds(45), s.devices().get("own").cuffInflation());
        assertEquals(Duration.ZERO, s.devices().get("ecg").cuffInflation());
        assertEquals(Duration.ZERO, s.devices().get("ox").cuffInflation());
        assertEquals(List.of("bp.yaml:4: cuff_inflation in device 'a' needs a device that reports nibp"), problems("""
                duration: 20m
                devices:
                  mon: { protocol: ivy, reports: [hr, nibp], cuff_inflation: 0s }
                  a: { protocol: ivy, reports: [hr], cuff_inflation: 0s }
                """));
    }

    @Test
    void everyErrorOfAFileIsReportedTogetherInLineOrder() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse("""
                duration: 10m
                devices:
                  ox: { protocol: masimo, reports: [spo2, hr] }
                vitals: { spo: 98 }
                events:
                  - { at: 1m, sensor_off: mon, for: 10s }
                """));
        assertEquals(List.of(3, 4, 6), e.problems().stream().map(ScenarioException.Problem::line).toList());
        assertEquals(3, e.getMessage().lines().count());
    }

    @Test
    void pathParsingNamesTheFileInMessages(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("probe.yaml");
        Files.writeString(f, "duration: 10m\ndevices: { ox: { protocol: masimo, reports: [spo2] } }\n");
        Scenario s = parser.parse(f);
        assertEquals("probe", s.name());
        assertEquals("probe.yaml", s.source());
        Files.writeString(f, "duration: 10m\ndevices: { ox: { protocol: masimo, reports: [spo3] } }\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> parser.parse(f));
        assertTrue(e.getMessage().startsWith("probe.yaml:2: unknown vital 'spo3'"), e.getMessage());
        assertFalse(e.problems().isEmpty());
    }

    @Test
    void aScenarioFileThatIsNotUtf8OrTooLargeIsRefusedWithOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin.yaml");
        byte[] head = HEAD.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = '#';
        bytes[head.length + 1] = (byte) 0xB0; // a Latin-1 degree sign
        bytes[head.length + 2] = '\n';
        Files.write(file, bytes);
        int line = (int) HEAD.chars().filter(c -> c == '\n').count() + 1;
        assertEquals("latin.yaml:" + line + ": not UTF-8 text (byte 0xB0 at offset " + (head.length + 1) + ")",
                assertThrows(ScenarioException.class, () -> parser.parse(file)).getMessage());

        Path big = dir.resolve("big.yaml");
        Files.writeString(big, HEAD + "# " + "x".repeat(4000) + "\n" + ("#" + "y".repeat(99) + "\n").repeat(11_000));
        ScenarioException e = assertThrows(ScenarioException.class, () -> parser.parse(big));
        assertEquals("big.yaml: too large: " + Files.size(big) + " bytes (a configuration or scenario file is at most"
                + " 1048576 bytes)", e.getMessage());
        assertEquals(0, e.problems().get(0).line());
    }
}
