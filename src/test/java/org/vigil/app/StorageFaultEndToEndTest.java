package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmEventType;
import org.vigil.config.ConfigLoader;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.PtyPair;
import org.vigil.storage.StationStore;
import picocli.CommandLine;

/**
 * A station whose database file is garbage still monitors: the simulated oximeter's desaturation
 * on a real pty raises its physiological alarm, the station strip shows "recording unavailable"
 * with the reason, the file is never touched, and neither the station nor {@code record} says the
 * session was saved. Before, {@code Station.start} threw and nothing was monitored.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StorageFaultEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void stationWithAGarbageDatabaseMonitorsAlarmsAndSaysRecordingIsUnavailable() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        StationConfig cfg = ConfigLoader.forCurrentUser().load(config());
        Path db = cfg.database();
        byte[] garbage = garbage(db);
        CountDownLatch desat = new CountDownLatch(1);
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            station.chairs().get(0).addAlarmListener(e -> {
                if (e.alarmId().equals("spo2.desat") && e.type() == AlarmEventType.RAISED) {
                    desat.countDown();
                }
            });
            // on the strip as soon as start returns, before any reading
            List<ActiveAlarm> strip = station.stationAlarms().alarms().alarms();
            assertEquals(1, strip.size(), strip.toString());
            assertEquals("Station: recording unavailable (vigil.db does not open with the station's key (wrong key, or not an SQLite file); it is left untouched)",
                    strip.get(0).message());
            assertTrue(station.recordingProblem().isPresent());

            assertTrue(desat.await(60, TimeUnit.SECONDS), "spo2.desat raised from the simulated bytes");
            station.close();
            List<StationStore.Outcome> outcomes = station.recordingOutcomes();
            assertFalse(outcomes.get(0).saved());
            assertTrue(outcomes.get(0).lostRows() > 0, "the readings that could not be written are counted");
        }
        assertArrayEquals(garbage, Files.readAllBytes(db), "the garbage file is never overwritten");
    }

    @Test
    void recordWithAGarbageDatabasePrintsTheAlarmsAndNeverSaysSaved() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        Path config = config();
        Path db = dir.resolve("garbage.db");
        byte[] garbage = garbage(db);
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("record", "--config", config.toString(), "--db", db.toString(), "--duration", "5s");

        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("record: recording unavailable: "), err.toString());
        assertTrue(err.toString().contains("session NOT recorded"), err.toString());
        assertTrue(err.toString().contains("is NOT complete"), err.toString());
        assertFalse(err.toString().contains("saved"), err.toString());
        assertTrue(out.toString().contains("spo2.desat"), "the alarm is monitored and printed: " + out);
        assertArrayEquals(garbage, Files.readAllBytes(db));
    }

    private Path config() throws Exception {
        Files.writeString(dir.resolve("desat.yaml"), """
                name: desaturation with no database
                duration: 1m
                devices:
                  ox:  { protocol: masimo, reports: [spo2, pr, pi] }
                  mon: { protocol: ivy, reports: [hr, nibp] }
                vitals: { hr: 72, pr: 72, spo2: 98, pi: 3.5, nibp: 124/78 }
                events:
                  - { at: 2s, set: { spo2: 80 } }
                """);
        Path config = OneChairConfig.file(dir, """
                      - { id: ox, protocol: masimo, port: "simulated:desat.yaml" }
                      - { id: mon, protocol: ivy, port: "simulated:desat.yaml", vitals: [hr, nibp] }
                """);
        return config;
    }

    private static byte[] garbage(Path db) throws Exception {
        Files.createDirectories(db.getParent());
        byte[] garbage = "%PDF-1.4 a scanned consent form saved over the database\n".repeat(40)
                .getBytes(StandardCharsets.US_ASCII);
        Files.write(db, garbage);
        return garbage;
    }
}
