package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.Priority;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.PtyPair;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;
import org.vigil.chair.ChairMonitor;
import org.vigil.storage.SessionSummary;
import org.vigil.storage.VigilDatabase;

/**
 * The whole path with real parts: the simulators play a scenario in real time onto
 * pseudo-terminals, the station opens them with jSerialComm, decodes Masimo and Ivy bytes,
 * raises the desaturation alarm, and records readings and the alarm in SQLite. The test waits on
 * the alarm itself (a latch), never on a clock.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EndToEndTest {

    @TempDir
    Path dir;

    @Test
    void simulatedDesaturationOnAPtyIsDecodedAlarmedAndRecorded() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        Path scenario = dir.resolve("desat.yaml");
        Files.writeString(scenario, """
                name: end-to-end desaturation
                duration: 1m
                devices:
                  ox:  { protocol: masimo, reports: [spo2, pr, pi] }
                  mon: { protocol: ivy, reports: [hr, nibp] }
                vitals: { hr: 72, pr: 72, spo2: 98, pi: 3.5, nibp: 124/78 }
                events:
                  - { at: 8s, set: { spo2: 80 } }
                """);
        StationConfig cfg = OneChairConfig.write(dir, """
                      - { id: ox, protocol: masimo, port: "simulated:desat.yaml" }
                      - { id: mon, protocol: ivy, port: "simulated:desat.yaml", vitals: [hr, nibp] }
                """);
        CountDownLatch desat = new CountDownLatch(1);
        AlarmEvent[] raised = new AlarmEvent[1];
        long sessionId;
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            ChairMonitor chair = station.chairs().get(0);
            chair.addAlarmListener(e -> {
                if (e.alarmId().equals("spo2.desat") && e.type() == AlarmEventType.RAISED) {
                    raised[0] = e;
                    desat.countDown();
                }
            });
            assertTrue(desat.await(60, TimeUnit.SECONDS), "spo2.desat raised from the simulated bytes");
            station.flush();
            List<Reading> shown = chair.history();
            assertTrue(shown.stream().anyMatch(r -> r.deviceId().equals("mon") && r.vital() == Vital.HR && r.value() == 72));
            assertTrue(shown.stream().anyMatch(r -> r.deviceId().equals("mon") && r.vital() == Vital.NIBP_SYS && r.value() == 124));
        }
        assertEquals(Priority.HIGH, raised[0].priority());
        assertEquals(80.0, raised[0].value());
        assertEquals(85.0, raised[0].limit());
        try (VigilDatabase db = VigilDatabase.open(cfg.database())) {
            SessionSummary s = db.sessions().listSessions().get(0);
            sessionId = s.id();
            assertTrue(s.end() != null, "closing the station ended the session");
            List<Reading> spo2 = db.sessions().readings(sessionId).stream().filter(r -> r.vital() == Vital.SPO2).toList();
            assertTrue(spo2.stream().anyMatch(r -> r.value() == 98), "normal SpO2 recorded");
            assertTrue(spo2.stream().anyMatch(r -> r.value() == 80), "desaturated SpO2 recorded");
            assertTrue(db.sessions().alarmEvents(sessionId).stream()
                    .anyMatch(e -> e.alarmId().equals("spo2.desat") && e.type() == AlarmEventType.RAISED),
                    "the alarm is in the session's alarm log");
            assertTrue(db.sessions().sessionEvents(sessionId).stream()
                    .anyMatch(e -> e.type().equals("alarm_settings") && e.detail().contains("spo2.desat=<85/high/0s/latching")),
                    "the alarm settings in force are recorded with the session");
        }
    }
}
