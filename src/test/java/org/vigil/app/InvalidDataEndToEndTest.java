package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.PtyPair;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.ConnectionState;
import org.vigil.storage.VigilDatabase;

/**
 * The two most dangerous ways bad bytes defeated an alarm, over real pseudo-terminals, through
 * jSerialComm, the decoders and the alarm engine: HR 999 frames during a real bradycardia, and a
 * Masimo line cut after {@code SPO2=09}. Each test waits on the alarm itself (a latch) and then
 * reads the times the station stamped, never the wall clock.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InvalidDataEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void hr999FramesDuringARealBradycardiaDoNotDelayItsHighPriorityAlarm() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        Files.writeString(dir.resolve("brady.yaml"), """
                name: bradycardia with HR 999 frames
                duration: 1m
                devices:
                  ox:  { protocol: masimo, reports: [spo2, pr, pi] }
                  mon: { protocol: ivy, reports: [hr] }
                vitals: { hr: 72, pr: 72, spo2: 97, pi: 3 }
                events:
                  - { at: 2s, set: { hr: 38, pr: 38 } }
                  - { at: 3s, glitch: mon, set: { hr: 999 } }
                  - { at: 6s, glitch: mon, set: { hr: 999 } }
                  - { at: 9s, glitch: mon, set: { hr: 999 } }
                  - { at: 17s, glitch: mon, set: { hr: 999 } }
                """);
        StationConfig cfg = config("""
                      - { id: ox, protocol: masimo, port: "simulated:brady.yaml" }
                      - { id: mon, protocol: ivy, port: "simulated:brady.yaml", vitals: [hr] }
                """);
        CountDownLatch raised = new CountDownLatch(1);
        AlarmEvent[] event = new AlarmEvent[1];
        List<Reading> hr;
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            ChairMonitor chair = station.chairs().get(0);
            chair.addAlarmListener(e -> {
                if (e.alarmId().equals("hr.very_low") && e.type() == AlarmEventType.RAISED) {
                    event[0] = e;
                    raised.countDown();
                }
            });
            assertTrue(raised.await(60, TimeUnit.SECONDS), "hr.very_low raised");
            station.flush();
            hr = chair.history().stream().filter(r -> r.vital() == Vital.HR).toList();
        }
        Reading firstSlow = hr.stream().filter(r -> r.value() == 38).findFirst().orElseThrow();
        Duration late = Duration.between(firstSlow.time(), event[0].time());
        // on time: one 10 s delay after the first HR 38 (plus scheduling on a busy machine); a bad
        // frame that restarted the delay would make it at least 10 s after the last one, at 17 s: 25 s late
        assertTrue(late.compareTo(Duration.ofSeconds(10)) >= 0 && late.compareTo(Duration.ofSeconds(15)) <= 0,
                "raised one 10 s condition delay after the first HR 38, not after the last HR 999 frame: " + late);
        assertEquals(38.0, event[0].value());
        try (VigilDatabase db = VigilDatabase.open(cfg.database())) {
            long id = db.sessions().listSessions().get(0).id();
            List<Reading> stored = db.sessions().readings(id).stream()
                    .filter(r -> r.vital() == Vital.HR && r.value() == 999).toList();
            assertTrue(stored.size() >= 3, "the bad frames are recorded: " + stored.size());
            assertTrue(stored.stream().allMatch(r -> r.flags().contains(ReadingFlag.IMPLAUSIBLE)), "...as implausible");
            assertTrue(db.sessions().alarmEvents(id).stream().noneMatch(e -> e.alarmId().startsWith("hr.high")
                    || e.alarmId().startsWith("hr.very_high")), "HR 999 raised no high-rate alarm");
            assertTrue(db.sessions().sessionEvents(id).stream().anyMatch(e -> e.type().equals("data_invalid")
                    && e.detail().contains("HR 999 outside the plausible range")), "the log says the data was invalid");
        }
    }

    @Test
    void aMasimoLineCutAfterSpo2Of09LatchesNoDesaturation() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        try (PtyPair pty = PtyPair.open()) {
            StationConfig cfg = config("      - { id: ox, protocol: masimo, port: \"" + pty.slavePath() + "\" }\n");
            CountDownLatch desat = new CountDownLatch(1);
            AlarmEvent[] first = new AlarmEvent[1];
            try (Station station = Station.start(cfg, InstantSource.system(), false)) {
                ChairMonitor chair = station.chairs().get(0);
                chair.addAlarmListener(e -> {
                    if (e.alarmId().startsWith("spo2.") && e.type() == AlarmEventType.RAISED && first[0] == null) {
                        first[0] = e;
                        desat.countDown();
                    }
                });
                String good = "03/04/24 10:00:01 SN=0000012345 SPO2=098% BPM=072 PI=03.50% SPCO=--.-% SPMET=--.-%"
                        + " DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800\r\n";
                String cut = "03/04/24 10:00:02 SN=0000012345 SPO2=09\r\n";
                String low = "03/04/24 10:00:03 SN=0000012345 SPO2=080% BPM=072 PI=03.50% SPCO=--.-% SPMET=--.-%"
                        + " DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800\r\n";
                awaitFrames(chair, pty, good.getBytes(StandardCharsets.US_ASCII));
                byte[] bytes = (good + cut + good + low).getBytes(StandardCharsets.US_ASCII);
                pty.write(bytes, 0, bytes.length);
                assertTrue(desat.await(30, TimeUnit.SECONDS), "the real desaturation (SpO2 80) is raised");
                station.flush();
                assertEquals(80.0, first[0].value(), "the first SpO2 alarm is the real one, not SpO2 9: " + first[0]);
                assertTrue(chair.history().stream().filter(r -> r.vital() == Vital.SPO2)
                        .allMatch(r -> r.value() == 98 || r.value() == 80), "no SpO2 the device never sent");
            }
        }
    }

    private StationConfig config(String devices) throws Exception {
        return OneChairConfig.write(dir, devices);
    }

    /** Writes {@code line} every 100 ms until the station reports frames arriving from the port. */
    private static void awaitFrames(ChairMonitor chair, PtyPair pty, byte[] line) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        for (int i = 0; i < 300; i++) {
            if (chair.connectionStates().get("ox") == ConnectionState.CONNECTED) {
                return;
            }
            pty.write(line, 0, line.length);
            never.await(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("no frame reached the station: " + chair.connectionStates());
    }
}
