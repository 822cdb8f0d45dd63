package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.Priority;

/**
 * The unsafe-configuration table: settings that would switch an alarm off, or hide it, without
 * saying so. Each is refused with file, line, key and reason; each was accepted before the safe
 * ranges ({@code alarm.SafeRanges}).
 */
class UnsafeConfigurationTest {

    /** A valid chair; line 10 is "alarms:" in every case of the table. */
    private static final String CHAIRS = """
            chairs:
              - id: chair-1
                devices:
                  - id: ox
                    protocol: masimo
                    port: /dev/ttyUSB0
                  - id: mon
                    protocol: ivy
                    port: /dev/ttyUSB1
            """;

    private static final String OFF = " off without saying so; to switch it off write enabled: false";

    @TempDir
    Path dir;

    static Stream<Arguments> stationFiles() {
        return Stream.of(
                // the six cases of the issue
                Arguments.of("SpO2 low limit 0", "alarms:\n  limits:\n    spo2.low: { threshold: 0 }\n",
                        "station.yaml:12: alarms.limits.spo2.low.threshold: threshold 0 can never be reached (spo2 is"
                                + " never below 1 %): it would switch spo2.low" + OFF),
                Arguments.of("24 h condition delay", "alarms:\n  limits:\n    hr.low: { delay: 24h }\n",
                        "station.yaml:12: alarms.limits.hr.low.delay: delay 24h is longer than 1m, the longest"
                                + " allowed: a long delay hides a real condition"),
                Arguments.of("low-priority desaturation", "alarms:\n  limits:\n    spo2.desat: { priority: low }\n",
                        "station.yaml:12: alarms.limits.spo2.desat.priority: priority low is below high, the clinical"
                                + " default of spo2.desat: a priority may be raised, never lowered"),
                Arguments.of("24 h audio pause", "alarms:\n  audio_pause: 24h\n  escalate_medium_after: off\n",
                        "station.yaml:11: alarms.audio_pause: audio pause 24h is outside the safe range 1m..5m"),
                Arguments.of("24 h silence timeout", "",
                        "station.yaml:7: chairs[0].devices[0].silence_timeout: silence timeout 24h is outside the"
                                + " safe range 3s..1m"),
                Arguments.of("1 ms silence timeout", "",
                        "station.yaml:7: chairs[0].devices[0].silence_timeout: silence timeout 1ms is outside the"
                                + " safe range 3s..1m"),
                Arguments.of("low limit above the high limit",
                        "alarms:\n  limits:\n    hr.low: { threshold: 130 }\n  bounds:\n    hr.low: { min: 30, max: 150 }\n",
                        "station.yaml:12: alarms.limits.hr.low.threshold: threshold 130 is not below the high limit"
                                + " hr.high (120): every value would alarm"),
                // neighbours
                Arguments.of("SpO2 desaturation limit 1 (never below 1)",
                        "alarms:\n  limits:\n    spo2.desat: { threshold: 1 }\n",
                        "station.yaml:12: alarms.limits.spo2.desat.threshold: threshold 1 can never be reached (spo2 is"
                                + " never below 1 %): it would switch spo2.desat" + OFF),
                Arguments.of("HR high limit 400", "alarms:\n  limits:\n    hr.high: { threshold: 400 }\n",
                        "station.yaml:12: alarms.limits.hr.high.threshold: threshold 400 can never be reached (hr is"
                                + " never above 300 /min): it would switch hr.high" + OFF),
                Arguments.of("SpO2 low limit 101 (always alarming)",
                        "alarms:\n  limits:\n    spo2.low: { threshold: 101 }\n",
                        "station.yaml:12: alarms.limits.spo2.low.threshold: threshold 101 is outside the plausible"
                                + " range 1..100 for spo2 (%)"),
                Arguments.of("rise of 2 mmHg", "alarms:\n  limits:\n    nibp_sys.rise: { threshold: 2 }\n",
                        "station.yaml:12: alarms.limits.nibp_sys.rise.threshold: threshold 2 is outside the safe range"
                                + " 5..100 for a rise of nibp_sys (mmHg)"),
                Arguments.of("high limit below the low limit",
                        "alarms:\n  limits:\n    nibp_dia.high: { threshold: 45 }\n  bounds:\n"
                                + "    nibp_dia.high: { min: 40, max: 110 }\n",
                        "station.yaml:12: alarms.limits.nibp_dia.high.threshold: threshold 45 is not above the low"
                                + " limit nibp_dia.low (50): every value would alarm"),
                Arguments.of("bounds that allow an unreachable limit",
                        "alarms:\n  bounds:\n    spo2.low: { min: 0, max: 95 }\n",
                        "station.yaml:12: alarms.bounds.spo2.low.min: min 0 can never be reached (spo2 is never below"
                                + " 1 %): it would switch spo2.low" + OFF),
                Arguments.of("high-priority delay 31s", "alarms:\n  limits:\n    spo2.desat: { delay: 31s }\n",
                        "station.yaml:12: alarms.limits.spo2.desat.delay: delay 31s is longer than 30s, the longest"
                                + " for a high-priority alarm: a long delay hides a real condition"),
                Arguments.of("raised to high with a medium's delay",
                        "alarms:\n  limits:\n    hr.low: { priority: high, delay: 45s }\n",
                        "station.yaml:12: alarms.limits.hr.low.delay: delay 45s is longer than 30s, the longest for a"
                                + " high-priority alarm: a long delay hides a real condition"),
                Arguments.of("very-high tier at medium", "alarms:\n  limits:\n    hr.very_high: { priority: medium }\n",
                        "station.yaml:12: alarms.limits.hr.very_high.priority: priority medium is below high, the"
                                + " clinical default of hr.very_high: a priority may be raised, never lowered"),
                Arguments.of("no data at low priority", "alarms:\n  technical:\n    no_data: { priority: low }\n",
                        "station.yaml:12: alarms.technical.no_data.priority: priority low is below medium, the"
                                + " clinical default of no_data: a priority may be raised, never lowered"),
                Arguments.of("audio pause 30s", "alarms:\n  audio_pause: 30s\n",
                        "station.yaml:11: alarms.audio_pause: audio pause 30s is outside the safe range 1m..5m"),
                Arguments.of("escalation after 24 h", "alarms:\n  escalate_medium_after: 24h\n",
                        "station.yaml:11: alarms.escalate_medium_after: escalation after 24h is longer than 10m: write"
                                + " off to switch escalation off"),
                Arguments.of("escalation after 10 s", "alarms:\n  escalate_medium_after: 10s\n",
                        "station.yaml:11: alarms.escalate_medium_after: escalation 10s is outside the safe range"
                                + " 1m..10m"),
                Arguments.of("NIBP grace 1 h", "alarms:\n  nibp_grace: 1h\n",
                        "station.yaml:11: alarms.nibp_grace: NIBP grace 1h is outside the safe range 0s..5m"),
                Arguments.of("NIBP interval 24 h", "",
                        "station.yaml:10: chairs[0].devices[1].nibp_interval: NIBP interval 24h is outside the safe"
                                + " range 1m..1h"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stationFiles")
    void anUnsafeStationFileIsRefusedWithFileLineKeyAndReason(String name, String alarms, String expected)
            throws Exception {
        String chairs = CHAIRS;
        if (name.equals("24 h silence timeout")) {
            chairs = CHAIRS.replace("port: /dev/ttyUSB0", "port: /dev/ttyUSB0\n        silence_timeout: 24h");
        } else if (name.equals("1 ms silence timeout")) {
            chairs = CHAIRS.replace("port: /dev/ttyUSB0", "port: /dev/ttyUSB0\n        silence_timeout: 1ms");
        } else if (name.equals("NIBP interval 24 h")) {
            chairs = CHAIRS.replace("port: /dev/ttyUSB1", "port: /dev/ttyUSB1\n        nibp_interval: 24h");
        }
        assertEquals(expected, new ConfigFiles(dir).errors(chairs + alarms));
    }

    static Stream<Arguments> clinicLimitsFiles() {
        return Stream.of(
                Arguments.of("limits:\n  spo2.low: { threshold: 0 }\n",
                        "clinic-limits.yaml:2: limits.spo2.low.threshold: threshold 0 can never be reached (spo2 is"
                                + " never below 1 %): it would switch spo2.low" + OFF),
                Arguments.of("limits:\n  spo2.desat: { priority: medium }\n",
                        "clinic-limits.yaml:2: limits.spo2.desat.priority: priority medium is below high, the clinical"
                                + " default of spo2.desat: a priority may be raised, never lowered"),
                Arguments.of("limits:\n  rr.low: { delay: 24h }\n",
                        "clinic-limits.yaml:2: limits.rr.low.delay: delay 24h is longer than 1m, the longest allowed:"
                                + " a long delay hides a real condition"),
                Arguments.of("limits:\n  hr.high: { threshold: 45 }\n",
                        "clinic-limits.yaml:2: limits.hr.high.threshold: threshold 45 is not above the low limit hr.low"
                                + " (50): every value would alarm"));
    }

    @ParameterizedTest
    @MethodSource("clinicLimitsFiles")
    void anUnsafeClinicLimitsFileIsRefusedWithFileLineKeyAndReason(String yaml, String expected) throws Exception {
        Files.writeString(dir.resolve(ClinicLimitsFile.FILE_NAME), yaml);
        ClinicBounds wide = ClinicBounds.defaults().with("hr.high", new ClinicBounds.Range(40, 150));
        assertEquals(expected, assertThrows(ConfigException.class,
                () -> ClinicLimitsFile.in(dir).read(AlarmConfig.defaults(), wide)).getMessage());
    }

    @Test
    void settingsAtTheEdgesOfTheSafeRangesAndAnExplicitOffAreAccepted() throws Exception {
        StationConfig c = new ConfigFiles(dir).load(CHAIRS.replace("port: /dev/ttyUSB0",
                "port: /dev/ttyUSB0\n        silence_timeout: 3s").replace("port: /dev/ttyUSB1",
                "port: /dev/ttyUSB1\n        silence_timeout: 60s\n        nibp_interval: 60m") + """
                alarms:
                  audio_pause: 5m
                  escalate_medium_after: off
                  nibp_grace: 5m
                  limits:
                    spo2.low: { enabled: false }
                    hr.low: { delay: 60s }
                    hr.very_low: { delay: 30s }
                    hr.high: { priority: high, delay: 30s }
                    nibp_sys.rise: { threshold: 5 }
                  technical:
                    pulse_search: { priority: medium }
                  bounds:
                    nibp_sys.rise: { min: 5, max: 100 }
                """);
        AlarmConfig a = c.alarms();
        assertEquals(Duration.ofMinutes(5), a.audioPause());
        assertEquals(null, a.escalateMediumAfter());
        assertFalse(a.rule("spo2.low").orElseThrow().enabled());
        assertEquals(Duration.ofSeconds(60), a.rule("hr.low").orElseThrow().conditionDelay());
        assertEquals(Priority.HIGH, a.rule("hr.high").orElseThrow().priority());
        assertEquals(Duration.ofSeconds(3), c.chairs().get(0).devices().get(0).silenceTimeout());
    }
}
