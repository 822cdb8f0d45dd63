package org.vigil.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Vital;
import org.vigil.sim.scenario.Nibp;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioParser;

class PatientTimelineTest {

    private static PatientTimeline timeline(String events) throws Exception {
        Scenario s = new ScenarioParser().parse("t.yaml", """
                duration: 60m
                devices: { mon: { protocol: ivy, reports: [hr, nibp, rr] } }
                vitals: { hr: 72, nibp: 124/78 }
                events:
                """ + events);
        return PatientTimeline.of(s);
    }

    private static double hr(PatientTimeline p, Duration t) {
        return p.value(Vital.HR, t).getAsDouble();
    }

    @Test
    void setIsAStepAtItsInstant() throws Exception {
        PatientTimeline p = timeline("  - { at: 10m, set: { hr: 50 } }\n");
        assertEquals(72.0, hr(p, Duration.ofMinutes(10).minusNanos(1)));
        assertEquals(50.0, hr(p, Duration.ofMinutes(10)));
        assertEquals(50.0, hr(p, Duration.ofMinutes(59)));
    }

    @Test
    void rampIsLinearFromTheValueAtItsStartToTheTargetThenHolds() throws Exception {
        PatientTimeline p = timeline("  - { at: 20m, ramp: { nibp: 176/106, hr: 96 }, over: 15m }\n");
        assertEquals(72.0, hr(p, Duration.ofMinutes(20)));
        assertEquals(72.0 + 24.0 / 3, hr(p, Duration.ofMinutes(25)), 1e-9);
        assertEquals(84.0, hr(p, Duration.ofSeconds(20 * 60 + 450)), 1e-9);
        assertEquals(96.0, hr(p, Duration.ofMinutes(35)));
        assertEquals(96.0, hr(p, Duration.ofMinutes(50)));
        Nibp mid = p.nibp(Duration.ofSeconds(20 * 60 + 450)).orElseThrow();
        assertEquals(150.0, mid.sys(), 1e-9);
        assertEquals(92.0, mid.dia(), 1e-9);
        assertEquals((93.0 + 129.0) / 2, mid.mean(), 1e-9);
    }

    @Test
    void laterEventsReplaceARampStillRunning() throws Exception {
        PatientTimeline p = timeline("""
                  - { at: 10m, ramp: { hr: 132 }, over: 10m }
                  - { at: 15m, ramp: { hr: 62 }, over: 5m }
                  - { at: 30m, ramp: { hr: 100 }, over: 10m }
                  - { at: 35m, set: { hr: 40 } }
                """);
        assertEquals(102.0, hr(p, Duration.ofMinutes(15)), 1e-9); // halfway 72 -> 132
        assertEquals(82.0, hr(p, Duration.ofSeconds(17 * 60 + 30)), 1e-9); // halfway 102 -> 62
        assertEquals(62.0, hr(p, Duration.ofMinutes(25)));
        assertEquals(40.0, hr(p, Duration.ofMinutes(36)));
    }

    @Test
    void eventsSharingAnInstantApplyInFileOrder() throws Exception {
        PatientTimeline p = timeline("""
                  - { at: 5m, set: { hr: 90 } }
                  - { at: 5m, ramp: { hr: 110 }, over: 2m }
                """);
        assertEquals(90.0, hr(p, Duration.ofMinutes(5)));
        assertEquals(100.0, hr(p, Duration.ofMinutes(6)), 1e-9);
    }

    @Test
    void aVitalNotGivenIsAbsentUntilSet() throws Exception {
        PatientTimeline p = timeline("  - { at: 3m, set: { rr: 14 } }\n");
        assertTrue(p.value(Vital.RR, Duration.ofMinutes(2)).isEmpty());
        assertFalse(p.at(Duration.ofMinutes(2)).containsKey(Vital.RR));
        assertEquals(14.0, p.at(Duration.ofMinutes(3)).get(Vital.RR));
        assertTrue(p.value(Vital.SPO2, Duration.ofMinutes(3)).isEmpty());
    }
}
