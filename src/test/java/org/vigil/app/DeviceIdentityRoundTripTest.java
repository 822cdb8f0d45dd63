package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.alarm.AlarmEventType;
import org.vigil.chair.ChairMonitor;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.PtyPair;
import org.vigil.domain.DeviceIdentity;
import org.vigil.export.ExportProgress;
import org.vigil.export.Hl7Oru;
import org.vigil.export.SessionLog;
import org.vigil.export.SessionLogReader;
import org.vigil.review.SessionArchive;
import org.vigil.sim.protocol.IntellivueEncoder;
import org.vigil.storage.VigilDatabase;

/**
 * What a simulated device tells about itself over a pseudo-terminal reaches the chair's status
 * line, the session database and the exports: the Masimo's serial (configured in the scenario),
 * the IntelliVue's MDS identity (model, serial, software, System-Id), the Contec's device id, the
 * Nellcor's header (model and software) and the Nonin's software revision. Waits on a
 * desaturation alarm (a latch), then for the identity (a device that repeats it only now and
 * then may not have told it yet).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DeviceIdentityRoundTripTest {

    @TempDir
    Path dir;

    static Stream<Arguments> devices() {
        return Stream.of(
                Arguments.of("masimo", "spo2, pr, pi", ", serial: \"0000056661\"", DeviceIdentity.serialOnly("0000056661")),
                Arguments.of("intellivue", "spo2, pr, hr", ", serial: \"DE42SIM001\"", new DeviceIdentity("Philips", "865240",
                        "DE42SIM001", IntellivueEncoder.SOFTWARE, IntellivueEncoder.SYSTEM_ID)),
                Arguments.of("contec", "spo2, pr", "", new DeviceIdentity("", "CMS50E", "", "", "")),
                Arguments.of("nellcor", "spo2, pr", "", new DeviceIdentity("", "N-595", "", "1.61.00", "")),
                Arguments.of("nonin", "spo2, pr", "", new DeviceIdentity("", "", "", "48", "")));
    }

    @ParameterizedTest
    @MethodSource("devices")
    void theIdentityADeviceSendsIsShownRecordedAndExported(String protocol, String reports, String serial,
            DeviceIdentity expected) throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        Files.writeString(dir.resolve("desat.yaml"), """
                name: identity round trip
                duration: 3m
                devices:
                  dev: { protocol: %s, reports: [%s]%s }
                vitals: { hr: 74, pr: 74, spo2: 98, pi: 3.1 }
                events:
                  - { at: 6s, set: { spo2: 80 } }
                """.formatted(protocol, reports, serial));
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
            assertTrue(desat.await(120, TimeUnit.SECONDS), "spo2.desat raised from the simulated " + protocol);
            // a device may tell who it is only now and then: the Nellcor repeats its header every 30
            // lines (60 s), and the first one may be gone before the station opened the port
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> chair.deviceIdentities().containsKey("dev"));
            station.flush();
            assertEquals(expected, chair.deviceIdentities().get("dev"), "the status line's identity");
        }
        try (VigilDatabase db = VigilDatabase.open(cfg.database())) {
            SessionLogReader reader = new SessionLogReader(new SessionArchive(db), ZoneOffset.UTC);
            SessionLog log = reader.read(reader.last().orElseThrow()).orElseThrow();
            SessionLog.DevicePart dev = log.devices().get(0);
            assertEquals(1, dev.identities().size(), "told once, recorded once: " + dev.identities());
            assertEquals(expected, dev.identities().get(0).identity());
            String hl7 = Hl7Oru.message(log, "T-1", Instant.EPOCH, ExportProgress.NONE);
            String id = !expected.eui64().isEmpty() ? expected.eui64() : !expected.serial().isEmpty() ? expected.serial() : "dev";
            assertTrue(hl7.contains("|" + id + "^"), "OBX-18 names the device: " + id);
            assertTrue(hl7.contains("device_identity^Device identity^99VIGIL"), "the identity is in the message");
        }
    }
}
