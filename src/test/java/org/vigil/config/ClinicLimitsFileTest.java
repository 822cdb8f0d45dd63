package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.LimitRule;
import org.vigil.alarm.Priority;

class ClinicLimitsFileTest {

    private static final Instant SAVED = Instant.parse("2026-01-05T09:00:00Z");

    @TempDir
    Path dir;

    private static AlarmConfig with(AlarmConfig c, String id, double threshold) {
        return c.withRule(c.rule(id).orElseThrow().withThreshold(threshold));
    }

    private ClinicLimitsFile file() {
        return ClinicLimitsFile.in(dir);
    }

    private String refusal(String yaml) throws Exception {
        Files.writeString(dir.resolve(ClinicLimitsFile.FILE_NAME), yaml);
        return assertThrows(ConfigException.class,
                () -> file().read(AlarmConfig.defaults(), ClinicBounds.defaults())).getMessage();
    }

    @Test
    void aLimitsFileWhoseMediumRespirationAlarmCanNeverFireAloneIsRefused() throws Exception {
        // What a station saved before the high RR default moved from 25 to 30 holds; both lines are named.
        String why = "rr.high > 24 can never fire alone: 25 is already high-priority (rr.very_high \u2265 25)";
        assertEquals("clinic-limits.yaml:2: limits.rr.high.threshold: " + why
                + "\nclinic-limits.yaml:3: limits.rr.very_high.threshold: " + why,
                refusal("""
                        limits:
                          rr.high: { threshold: 24 }
                          rr.very_high: { threshold: 25 }
                        """));
    }

    @Test
    void savedThresholdsReadBackOntoTheConfiguration() throws Exception {
        AlarmConfig chair = with(with(AlarmConfig.defaults(), "spo2.low", 92), "nibp_sys.high", 170.5);

        file().write(chair, "carol (admin) from chair-1", SAVED);
        AlarmConfig read = file().read(AlarmConfig.defaults(), ClinicBounds.defaults());

        assertEquals(chair.rules(), read.rules());
        String text = Files.readString(file().path());
        assertTrue(text.contains("  spo2.low: { threshold: 92 }\n"), text);
        assertTrue(text.contains("  nibp_sys.high: { threshold: 170.5 }\n"), text);
        assertTrue(text.contains("# Saved 2026-01-05T09:00:00Z by carol (admin) from chair-1."), text);
    }

    @Test
    void onlyThresholdsAreSavedSoAnAlarmSwitchedOffAtOneChairStaysOnForTheClinic() throws Exception {
        AlarmConfig base = AlarmConfig.defaults();
        AlarmConfig chair = base.withRule(base.rule("spo2.low").orElseThrow().withEnabled(false));

        file().write(chair, "carol", SAVED);

        assertTrue(file().read(base, ClinicBounds.defaults()).rule("spo2.low").orElseThrow().enabled());
    }

    @Test
    void theFileKeepsEverythingElseOfTheConfigurationAndAcceptsTheLimitsFormat() throws Exception {
        AlarmConfig base = new AlarmConfig(AlarmConfig.defaults().rules(), Map.of(), null,
                java.time.Duration.ofMinutes(1), null, java.time.Duration.ofMinutes(2), false);
        Files.writeString(dir.resolve(ClinicLimitsFile.FILE_NAME), """
                limits:
                  spo2.low: { threshold: 93, priority: high, delay: 20s, latching: true }
                """);

        AlarmConfig read = file().read(base, ClinicBounds.defaults());

        LimitRule r = read.rule("spo2.low").orElseThrow();
        assertEquals(93, r.threshold());
        assertEquals(Priority.HIGH, r.priority());
        assertEquals(java.time.Duration.ofSeconds(20), r.conditionDelay());
        assertTrue(r.latching());
        assertEquals(java.time.Duration.ofMinutes(1), read.audioPause());
        assertEquals(null, read.escalateMediumAfter());
        assertFalse(read.pulseRateOnlyWithoutHr());
    }

    @Test
    void aBrokenFileIsRefusedWithFileLineKeyAndReason() throws Exception {
        assertEquals(String.join("\n",
                "clinic-limits.yaml:2: limits.spo2.low.threshold: threshold 97 is outside the clinic bounds 85..95"
                        + " (alarms.bounds.spo2.low)",
                "clinic-limits.yaml:3: limits.spo2.lo: unknown alarm id 'spo2.lo' (expected one of hr.low, hr.very_low,"
                        + " hr.high, hr.very_high, pr.low, pr.very_low, pr.high, pr.very_high, spo2.low, spo2.desat,"
                        + " nibp_sys.low, nibp_sys.high, nibp_sys.very_high, nibp_dia.low, nibp_dia.high,"
                        + " nibp_dia.very_high, nibp_mean.low, nibp_mean.high, nibp_sys.rise, nibp_dia.rise, rr.low,"
                        + " rr.very_low, rr.high, rr.very_high)",
                "clinic-limits.yaml:4: limits.hr.low.threshold: bad number 'fifty'",
                "clinic-limits.yaml:5: limits.hr.high.threshold: threshold 400 can never be reached (hr is never"
                        + " above 300 /min): it would switch hr.high off without saying so; to switch it off write"
                        + " enabled: false",
                "clinic-limits.yaml:6: alarms: unknown key (expected one of limits)"),
                refusal("""
                        limits:
                          spo2.low: { threshold: 97 }
                          spo2.lo: { threshold: 92 }
                          hr.low: { threshold: fifty }
                          hr.high: { threshold: 400 }
                        alarms: {}
                        """));
    }

    @Test
    void notYamlAndAnEmptyFileAreRefusedToo() throws Exception {
        assertTrue(refusal("limits: [\n").startsWith("clinic-limits.yaml:"), "syntax error with its line");
        assertEquals("clinic-limits.yaml:1: the file is empty", refusal(""));
    }

    @Test
    void theStationConfigurationGetsTheClinicDefaultsOfItsDataFolder() throws Exception {
        StationConfig cfg = new ConfigLoader(new UserEnvironment(dir, dir.resolve("home"), "Linux", Map.of()))
                .defaults().withDataDir(dir);
        assertSame(cfg, ClinicLimitsFile.applyTo(cfg), "no file: unchanged");

        file().write(with(cfg.alarms(), "spo2.low", 94), "carol", SAVED);

        assertEquals(94, ClinicLimitsFile.applyTo(cfg).alarms().rule("spo2.low").orElseThrow().threshold());
    }

    @Test
    void savingReplacesTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        file().write(with(AlarmConfig.defaults(), "spo2.low", 92), "a", SAVED);
        file().write(with(AlarmConfig.defaults(), "spo2.low", 93), "b", SAVED);

        assertEquals(93, file().read(AlarmConfig.defaults(), ClinicBounds.defaults()).rule("spo2.low").orElseThrow()
                .threshold());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(ClinicLimitsFile.FILE_NAME), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
