package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmConfig;
import org.vigil.config.ConfigLoader;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.PtyPair;
import org.vigil.chair.ChairMonitor;
import org.vigil.storage.EndReason;
import org.vigil.storage.SessionEvent;
import org.vigil.storage.SessionSummary;
import org.vigil.storage.VigilDatabase;

/**
 * Kill-restart: a station in its own JVM gets bedside changes and a latched desaturation from
 * simulated devices on pseudo-terminals, is killed with SIGKILL (no close, no shutdown hook),
 * and is started again on the same database: the settings in force come back. After a normal
 * close the next start uses the clinic's settings.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RestartAfterCrashTest {

    @TempDir
    Path dir;

    @Test
    void settingsInForceComeBackAfterAKillAndNotAfterANormalClose() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        Path scenario = dir.resolve("chair.yaml");
        // before the crash: SpO2 97, a desaturation to 80 from 3 s to 7 s, then 97 again
        Files.writeString(scenario, scenario("""
                events:
                  - { at: 3s, set: { spo2: 80 } }
                  - { at: 7s, set: { spo2: 97 } }
                """));
        Path config = OneChairConfig.file(dir, """
                      - { id: ox, protocol: masimo, port: "simulated:chair.yaml" }
                      - { id: mon, protocol: ivy, port: "simulated:chair.yaml", vitals: [hr, nibp] }
                """);
        StationConfig cfg = ConfigLoader.forCurrentUser().load(config);

        String[] ready = runAndKill(config).split(" ");
        long crashed = Long.parseLong(ready[1]);
        Instant pausedUntil = Instant.parse(ready[2]).truncatedTo(ChronoUnit.MILLIS); // stored to the millisecond

        // after the restart the patient is well: no desaturation in the fresh data
        Files.writeString(scenario, scenario(""));
        long restarted;
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            station.flush();
            ChairMonitor chair = station.chairs().get(0);
            AlarmConfig in = chair.alarmConfig().orElseThrow();
            assertEquals(110.0, in.rule("hr.high").orElseThrow().threshold(), "the bedside HR high limit");
            assertFalse(in.rule("pr.low").orElseThrow().enabled(), "PR low stays off");
            assertTrue(chair.alarms().disabled().contains("pr.low"), "and is shown off");
            assertEquals(130.0, chair.baseline().orElseThrow().sys());
            assertEquals(85.0, chair.baseline().orElseThrow().dia());
            assertEquals(pausedUntil, chair.alarms().audioPausedUntil(), "a restart within 30 s keeps the audio pause");
            ActiveAlarm desat = chair.alarms().alarms().stream().filter(a -> a.id().equals("spo2.desat")).findFirst()
                    .orElseThrow(() -> new AssertionError("latched desaturation not back: " + chair.alarms()));
            assertFalse(desat.acknowledged());
            assertTrue(desat.audible(), "raised after the pause began, it sounded before the crash and sounds again");
            assertTrue(chair.alarmLog().stream().anyMatch(e -> e.event().equals(ChairMonitor.SETTINGS_RESTORED)
                    && e.detail().startsWith("settings restored from session " + crashed)), chair.alarmLog().toString());
            restarted = sessionOf(cfg, "chair-1");
        }
        try (VigilDatabase db = VigilDatabase.open(cfg.database())) {
            assertEquals(EndReason.ENDED_ABNORMALLY, db.sessions().session(crashed).orElseThrow().endReason());
            List<SessionEvent> events = db.sessions().sessionEvents(restarted);
            assertTrue(events.stream().anyMatch(e -> e.type().equals(ChairMonitor.SETTINGS_RESTORED)
                    && e.detail().contains("from session " + crashed) && e.detail().contains("hr.high 110")
                    && e.detail().contains("latched spo2.desat")), events.toString());
        }

        // that session was closed normally: the next start has the clinic's settings
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            station.flush();
            ChairMonitor chair = station.chairs().get(0);
            assertEquals(120.0, chair.alarmConfig().orElseThrow().rule("hr.high").orElseThrow().threshold());
            assertTrue(chair.alarms().alarms().stream().noneMatch(a -> a.id().equals("spo2.desat")));
            assertTrue(chair.baseline().isEmpty());
            assertTrue(chair.alarmLog().stream().noneMatch(e -> e.event().equals(ChairMonitor.SETTINGS_RESTORED)));
        }
    }

    private static String scenario(String events) {
        return """
                name: chair under ketamine
                duration: 10m
                devices:
                  ox:  { protocol: masimo, reports: [spo2, pr, pi] }
                  mon: { protocol: ivy, reports: [hr, nibp], nibp_interval: 5m }
                vitals: { hr: 78, pr: 78, spo2: 97, pi: 3.5, nibp: 124/78 }
                """ + events;
    }

    /** The newest session of the chair. */
    private static long sessionOf(StationConfig cfg, String chair) {
        try (VigilDatabase db = VigilDatabase.open(cfg.database())) {
            return db.sessions().listSessions().stream().filter(s -> s.chairId().equals(chair))
                    .mapToLong(SessionSummary::id).max().orElseThrow();
        }
    }

    /** Runs {@link CrashingStation}, waits for its {@code ready} line, kills it with SIGKILL and returns the line. */
    private static String runAndKill(Path config) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashingStation.class.getName(),
                config.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String ready = null;
            StringBuilder seen = new StringBuilder();
            while (ready == null && (line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("ready ")) {
                    ready = line;
                }
            }
            assertNotNull(ready, "the station JVM ended before it was ready:\n" + seen);
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue(), "killed with SIGKILL");
            return ready;
        } finally {
            p.destroyForcibly();
        }
    }
}
