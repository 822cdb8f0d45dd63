package org.vigil.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The session part of a scenario (scenarios.md "Sessions in a scenario"): patient, order and the workflow's actions. */
class ScenarioSessionPartTest {

    /** Devices, then patient (line 6) and order (line 7); events from line 9. */
    static final String HEAD = """
            duration: 2h
            devices:
              ox:  { protocol: masimo, reports: [spo2, pr] }
              mon: { protocol: ivy, reports: [hr, nibp] }
            vitals: { hr: 70, spo2: 98, pr: 70, nibp: 120/80 }
            patient: { weight: 82kg }
            order: { dose: 0.5mg/kg, concentration: 10mg/mL, duration: 40m }
            events:
            """;

    /** Refuses what a clinic would: orders over 100 kg, kinds other than nausea/antiemetic, aldrete above 10. */
    static final SessionChecks CLINIC = new SessionChecks() {
        @Override
        public List<String> orderProblems(ClinicalSpec order) {
            return order.weightKg() > 100 ? List.of("weight " + order.weightKg() + " kg outside 30-100 kg") : List.of();
        }

        @Override
        public Optional<String> eventProblem(String kind, String detail) {
            if (!kind.equals("nausea") && !kind.equals("antiemetic")) {
                return Optional.of("unknown event kind '" + kind + "'");
            }
            return kind.equals("antiemetic") && detail == null ? Optional.of("antiemetic needs a detail") : Optional.empty();
        }

        @Override
        public Optional<String> scoreProblem(String score, long value) {
            return value > 10 ? Optional.of(score + " " + value + " outside 0-10") : Optional.empty();
        }
    };

    private static Scenario parse(String yaml) throws ScenarioException {
        return new ScenarioParser(CLINIC).parse("s.yaml", yaml);
    }

    private static List<String> problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(yaml));
        return e.problems().stream().map(ScenarioException.Problem::toString).toList();
    }

    @Test
    void theContractExampleParsesIntoTheOrderAndTheWorkflowInTimeOrder() throws Exception {
        Scenario s = parse(HEAD + """
                  - { at: 1m,  nurse: capture_baseline }
                  - { at: 2m,  nurse: start_infusion }
                  - { at: 2m30s, prescriber: confirm_start, note: "reviewed, proceed" }
                  - { at: 20m, nurse: event, kind: nausea }
                  - { at: 21m, nurse: event, kind: antiemetic, detail: "ondansetron 4 mg IV" }
                  - { at: 42m, nurse: stop_infusion }
                  - { at: 70m, nurse: score, aldrete: 10 }
                  - { at: 71m, nurse: discharge }
                """);
        assertEquals(Optional.of(new ClinicalSpec(82, 0.5, 10, 40, "prescriber", 7)), s.clinical());
        List<ScenarioEvent.Clinical> c = s.events(ScenarioEvent.Clinical.class);
        assertEquals(List.of("capture_baseline", "start_infusion", "confirm_start", "event", "event", "stop_infusion",
                "score", "discharge"), c.stream().map(ScenarioEvent.Clinical::action).toList());
        assertEquals("reviewed, proceed", c.get(2).note());
        assertEquals("nausea", c.get(3).kind());
        assertNull(c.get(3).detail());
        assertEquals("ondansetron 4 mg IV", c.get(4).detail());
        assertEquals(Map.of("aldrete", 10), c.get(6).scores());
        assertTrue(c.get(7).escort());
        assertEquals(Duration.ofMinutes(71), c.get(7).at());
        assertEquals(16, c.get(7).line());
    }

    @Test
    void weightsInPoundsAreConvertedAndThePrescriberIsKept() throws Exception {
        Scenario s = parse(HEAD.replace("weight: 82kg", "weight: 180 lb")
                .replace("duration: 40m }", "duration: 1h, prescriber: Dr Rivera }"));
        ClinicalSpec c = s.clinical().orElseThrow();
        assertEquals(81.6, c.weightKg(), 1e-9);
        assertEquals(60, c.durationMin(), 1e-9);
        assertEquals("Dr Rivera", c.prescriber());
    }

    @Test
    void aLateEntryScoresAndAnEscortNotConfirmed() throws Exception {
        Scenario s = parse(HEAD + """
                  - { at: 30m, nurse: event, kind: nausea, happened: 22m }
                  - { at: 60m, nurse: score, aldrete: 8, sedation: 5, dissociation: 1 }
                  - { at: 61m, nurse: discharge, escort: false }
                """);
        List<ScenarioEvent.Clinical> c = s.events(ScenarioEvent.Clinical.class);
        assertEquals(Duration.ofMinutes(22), c.get(0).happened());
        assertEquals(List.of("aldrete", "sedation", "dissociation"), List.copyOf(c.get(1).scores().keySet()));
        assertFalse(c.get(2).escort());
    }

    @Test
    void withoutPatientAndOrderThereIsNoSessionAndSessionActionsAreRefused() throws Exception {
        String devicesOnly = HEAD.replace("patient: { weight: 82kg }\n", "").replace(
                "order: { dose: 0.5mg/kg, concentration: 10mg/mL, duration: 40m }\n", "");
        assertEquals(Optional.empty(), parse(devicesOnly + "  - { at: 1m, nurse: acknowledge }\n").clinical());
        assertEquals(List.of(
                "s.yaml:7: nurse: start_infusion is a session action: give patient and order at the top level (e.g. patient: { weight: 82kg })",
                "s.yaml:8: prescriber: confirm_start is a session action: give patient and order at the top level (e.g. patient: { weight: 82kg })"),
                problems(devicesOnly + """
                  - { at: 1m, nurse: start_infusion }
                  - { at: 2m, prescriber: confirm_start, note: ok }
                """));
        assertEquals(List.of("s.yaml:6: patient needs an order (e.g. order: { dose: 0.5mg/kg, concentration: 10mg/mL, duration: 40m })"),
                problems(HEAD.replace("order: { dose: 0.5mg/kg, concentration: 10mg/mL, duration: 40m }\n", "")));
    }

    @Test
    void anOrderOutsideTheClinicsRangesIsRefusedAtItsLine() {
        assertEquals(List.of("s.yaml:7: order refused: weight 120.0 kg outside 30-100 kg"),
                problems(HEAD.replace("weight: 82kg", "weight: 120kg")));
    }

    @Test
    void badUnitsAndMissingFiguresAreRefused() {
        assertEquals(List.of(
                "s.yaml:6: bad weight unit 'st' in '13st' (expected kg or lb)",
                "s.yaml:7: unknown key 'rate' in order (expected one of dose, concentration, duration, prescriber)",
                "s.yaml:7: bad dose unit 'mg' in '0.5mg' (expected mg/kg)",
                "s.yaml:7: bad concentration '10' (expected a number with mg/mL, e.g. 10mg/mL)",
                "s.yaml:7: missing key 'duration' in order (e.g. duration: 40m)"),
                problems(HEAD.replace("weight: 82kg", "weight: 13st").replace(
                        "{ dose: 0.5mg/kg, concentration: 10mg/mL, duration: 40m }",
                        "{ dose: 0.5mg, concentration: 10, rate: 5 }")));
    }

    @Test
    void unknownActionsKindsKeysAndScoresAreRefusedWithTheirLine() {
        List<String> p = problems(HEAD + """
                  - { at: 1m, nurse: start_infusoin }
                  - { at: 2m, nurse: event, kind: hiccups }
                  - { at: 3m, nurse: event, kind: antiemetic }
                  - { at: 4m, nurse: event }
                  - { at: 5m, nurse: score, aldrete: 12 }
                  - { at: 6m, nurse: score }
                  - { at: 7m, nurse: stop_infusion, kind: nausea }
                  - { at: 8m, prescriber: approve }
                  - { at: 9m, nurse: discharge, escort: maybe }
                  - { at: 10m, nurse: event, kind: nausea, happened: 12m }
                  - { at: 11m, nurse: score, mood: 3, sedation: 4 }
                """);
        assertEquals(List.of(
                "s.yaml:9: unknown nurse action 'start_infusoin' (expected one of acknowledge, pause_audio, set_baseline,"
                        + " capture_baseline, start_infusion, pause_infusion, resume_infusion, stop_infusion, event, score, discharge)",
                "s.yaml:10: unknown event kind 'hiccups'",
                "s.yaml:11: antiemetic needs a detail",
                "s.yaml:12: nurse: event needs 'kind' (e.g. kind: nausea)",
                "s.yaml:13: aldrete 12 outside 0-10",
                "s.yaml:14: nurse: score needs at least one of aldrete, sedation, dissociation (e.g. aldrete: 9)",
                "s.yaml:15: 'kind' does not apply to stop_infusion (only to event)",
                "s.yaml:16: unknown prescriber action 'approve' (expected confirm_start)",
                "s.yaml:17: escort must be true or false, not 'maybe'",
                "s.yaml:18: happened 12m is after at 10m (an entry made late happened before it is written)",
                "s.yaml:19: unknown key 'mood' in event (expected one of at, set, ramp, over, sensor_off, silent, for, garbage,"
                        + " bytes, nibp_measure, glitch, nurse, prescriber, kind, detail, happened, aldrete, sedation,"
                        + " dissociation, escort, note)"), p);
    }

    @Test
    void theFormatOnlyParserLeavesTheClinicsRulesToTheSessionCore() throws Exception {
        Scenario s = new ScenarioParser().parse("s.yaml", HEAD.replace("weight: 82kg", "weight: 400kg") + """
                  - { at: 2m, nurse: event, kind: hiccups }
                """);
        assertEquals(400, s.clinical().orElseThrow().weightKg(), 1e-9);
        assertEquals("hiccups", s.events(ScenarioEvent.Clinical.class).get(0).kind());
    }
}
