package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.LimitRule;
import org.vigil.alarm.Priority;
import org.vigil.alarm.TechnicalAlarmType;

class AlarmOverridesTest {

    private static final String CHAIRS = """
            chairs:
              - id: c1
                devices:
                  - { id: ox, protocol: masimo, port: simulated }
            """;

    @TempDir
    Path dir;

    @Test
    void limitOverridesChangeOnlyTheGivenFieldsOfTheGivenRules() throws Exception {
        StationConfig c = new ConfigFiles(dir).load(CHAIRS + """
                alarms:
                  limits:
                    spo2.low: { threshold: 92, priority: high, delay: 20s, latching: true, enabled: false }
                    hr.high: { threshold: 110.5 }
                """);
        AlarmConfig defaults = AlarmConfig.defaults();
        LimitRule before = defaults.rule("spo2.low").orElseThrow();
        LimitRule spo2 = c.alarms().rule("spo2.low").orElseThrow();
        assertEquals(new LimitRule("spo2.low", before.vital(), before.direction(), 92, before.inclusive(),
                before.reference(), Priority.HIGH, Duration.ofSeconds(20), true, false), spo2);
        assertEquals(defaults.rule("hr.high").orElseThrow().withThreshold(110.5),
                c.alarms().rule("hr.high").orElseThrow());
        for (LimitRule r : defaults.rules()) {
            if (!r.id().equals("spo2.low") && !r.id().equals("hr.high")) {
                assertEquals(r, c.alarms().rule(r.id()).orElseThrow(), r.id());
            }
        }
        assertEquals(defaults.rules().stream().map(LimitRule::id).toList(),
                c.alarms().rules().stream().map(LimitRule::id).toList());
    }

    @Test
    void generalSettingsAndTechnicalAlarmsOverrideDefaults() throws Exception {
        StationConfig c = new ConfigFiles(dir).load(CHAIRS + """
                alarms:
                  audio_pause: 90s
                  escalate_medium_after: off
                  nibp_grace: 0s
                  pulse_rate_only_without_hr: false
                  technical:
                    no_data: { priority: high, latching: true }
                    pulse_search: { priority: medium }
                """);
        AlarmConfig a = c.alarms();
        assertEquals(Duration.ofSeconds(90), a.audioPause());
        assertNull(a.escalateMediumAfter());
        assertEquals(Duration.ZERO, a.nibpGrace());
        assertFalse(a.pulseRateOnlyWithoutHr());
        assertEquals(Priority.HIGH, a.technicalPriorities().get(TechnicalAlarmType.NO_DATA));
        assertEquals(Priority.MEDIUM, a.technicalPriorities().get(TechnicalAlarmType.PULSE_SEARCH));
        assertEquals(Priority.MEDIUM, a.technicalPriorities().get(TechnicalAlarmType.DISCONNECTED));
        assertEquals(Set.of(TechnicalAlarmType.NO_DATA), a.latchingTechnical());
        assertEquals(AlarmConfig.defaults().rules(), a.rules());
    }

    @Test
    void escalationDelayCanBeChanged() throws Exception {
        StationConfig c = new ConfigFiles(dir).load(CHAIRS + "alarms:\n  escalate_medium_after: 5m\n");
        assertEquals(Duration.ofMinutes(5), c.alarms().escalateMediumAfter());
        assertEquals(AlarmConfig.defaults().audioPause(), c.alarms().audioPause());
    }

    @Test
    void boundsOverridesKeepTheOtherDefaultRanges() throws Exception {
        StationConfig c = new ConfigFiles(dir).load(CHAIRS + """
                alarms:
                  limits:
                    spo2.low: { threshold: 93 }
                  bounds:
                    spo2.low: { min: 90, max: 94 }
                """);
        assertEquals(new ClinicBounds.Range(90, 94), c.bounds().range("spo2.low").orElseThrow());
        assertEquals(ClinicBounds.defaults().range("hr.low"), c.bounds().range("hr.low"));
        assertTrue(c.bounds().allows("spo2.low", 93));
        assertFalse(c.bounds().allows("spo2.low", 95));
    }

    @Test
    void defaultBoundsContainEveryDefaultThresholdAndStayPhysiological() {
        ClinicBounds b = ClinicBounds.defaults();
        for (LimitRule r : AlarmConfig.defaults().rules()) {
            ClinicBounds.Range range = b.range(r.id()).orElseThrow(() -> new AssertionError("no bounds for " + r.id()));
            assertTrue(range.contains(r.threshold()), r.id() + " default " + r.threshold() + " outside " + range);
            assertTrue(Physiology.allows(r, range.min()) && Physiology.allows(r, range.max()),
                    r.id() + " bounds " + range + " outside the safe range");
            assertTrue(Physiology.allows(r, r.threshold()), r.id() + " default outside the safe range");
        }
        assertEquals(new ClinicBounds.Range(85, 95), b.range("spo2.low").orElseThrow());
        assertEquals(new ClinicBounds.Range(30, 60), b.range("hr.low").orElseThrow());
        assertEquals(new ClinicBounds.Range(140, 200), b.range("nibp_sys.high").orElseThrow());
        assertEquals(AlarmConfig.defaults().rules().size(), b.ranges().size());
    }
}
