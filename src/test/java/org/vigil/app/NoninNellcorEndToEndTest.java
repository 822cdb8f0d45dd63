package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.PtyPair;
import org.vigil.domain.Vital;
import org.vigil.chair.ChairMonitor;

/**
 * Simulator ↔ station over a pseudo-terminal for the Nonin formats and the Nellcor N-595: the
 * simulator plays a desaturation in real time, the station opens the pty with jSerialComm,
 * decodes the protocol's bytes and raises the desaturation alarm. Waits on the alarm (a latch),
 * never on a clock.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NoninNellcorEndToEndTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"nonin", "nonin-df7", "nonin-df8", "nellcor"})
    void aDesaturationSentOnAPtyIsDecodedAndAlarmed(String protocol) throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        Files.writeString(dir.resolve("desat.yaml"), """
                name: desaturation over a pty
                duration: 1m
                devices:
                  ox: { protocol: %s, reports: [spo2, pr] }
                vitals: { pr: 72, spo2: 98 }
                events:
                  - { at: 3s, set: { spo2: 80 } }
                """.formatted(protocol));
        StationConfig cfg = OneChairConfig.write(dir, """
                      - { id: ox, protocol: %s, port: "simulated:desat.yaml" }
                """.formatted(protocol));
        CountDownLatch desat = new CountDownLatch(1);
        AlarmEvent[] raised = new AlarmEvent[1];
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            ChairMonitor chair = station.chairs().get(0);
            chair.addAlarmListener(e -> {
                if (e.alarmId().equals("spo2.desat") && e.type() == AlarmEventType.RAISED) {
                    raised[0] = e;
                    desat.countDown();
                }
            });
            assertTrue(desat.await(60, TimeUnit.SECONDS), "spo2.desat raised from the simulated " + protocol + " bytes");
            assertTrue(chair.history().stream().anyMatch(r -> r.deviceId().equals("ox") && r.vital() == Vital.PR && r.value() == 72),
                    "pulse rate decoded");
        }
        assertEquals(80.0, raised[0].value());
    }
}
