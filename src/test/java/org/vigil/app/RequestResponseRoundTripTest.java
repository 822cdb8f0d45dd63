package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmEventType;
import org.vigil.chair.ChairMonitor;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.PtyPair;
import org.vigil.domain.Vital;

/**
 * The devices that must be asked before they talk, through a running station over pseudo-terminals:
 * the station's protocol session greets the simulator (IntelliVue association and extended polls,
 * the GE S/5 displayed-values request, Contec's start command and keep-alives), the simulator
 * answers only then, and a desaturation it plays arrives as an alarm; the device ends up OK.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RequestResponseRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"intellivue, 'spo2, pr, hr'", "ge-s5, 'spo2, pr, hr'", "contec, 'spo2, pr'"})
    void theStationsSessionGetsTheDeviceTalkingAndItsDesaturationAlarms(String protocol, String reports) throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        Files.writeString(dir.resolve("desat.yaml"), """
                name: desaturation, device asked first
                duration: 2m
                devices:
                  dev: { protocol: %s, reports: [%s] }
                vitals: { hr: 74, pr: 74, spo2: 98 }
                events:
                  - { at: 12s, set: { spo2: 80 } }
                """.formatted(protocol, reports));
        StationConfig cfg = OneChairConfig.write(dir, """
                      - { id: dev, protocol: %s, port: "simulated:desat.yaml", vitals: [spo2, pr] }
                """.formatted(protocol));
        CountDownLatch desat = new CountDownLatch(1);
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            ChairMonitor chair = station.chairs().get(0);
            chair.addAlarmListener(e -> {
                if (e.alarmId().equals("spo2.desat") && e.type() == AlarmEventType.RAISED) {
                    desat.countDown();
                }
            });
            assertTrue(desat.await(90, TimeUnit.SECONDS), "spo2.desat raised from the simulated " + protocol + " answers");
            assertTrue(chair.history().stream().anyMatch(r -> r.vital() == Vital.SPO2 && r.value() == 98),
                    "values before the desaturation");
            assertEquals(org.vigil.chair.ConnectionState.CONNECTED, chair.connectionStates().get("dev"));
            assertTrue(station.framesReceived() > 0);
        }
    }
}
