package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.device.DeviceConnection;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.device.transport.SerialTransport;
import org.vigil.domain.Vital;
import org.vigil.session.ChairMonitor;
import org.vigil.session.ChairSpec;
import org.vigil.session.ConnectionState;
import org.vigil.session.DeviceInfo;
import org.vigil.session.SessionRecorder;

/**
 * A device configured on a port that is not there, as a nurse met it: the station tries the real
 * serial port, and what reaches the screen (device state and technical alarm) is in plain words
 * with what to check, never jSerialComm's "invalid port descriptor" text.
 */
class DeviceProblemWordsTest {

    @Test
    void aMissingSerialPortReachesTheScreenInPlainWords() {
        String path = "/dev/ttyUSB97";
        assumeTrue(!Files.exists(Path.of(path)), path + " exists on this machine");
        Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
        InstantSource clock = InstantSource.fixed(t0);
        DeviceInfo info = new DeviceInfo("ox", "SpO2 device", "masimo", path, Set.of(Vital.SPO2, Vital.PR), false);
        ChairMonitor chair = new ChairMonitor(
                new ChairSpec("c1", "Chair 1", false, List.of(new ChairSpec.Device(info,
                        new DeviceAlarmProfile("ox", "SpO2 device", Duration.ofSeconds(10), null, null)))),
                AlarmConfig.defaults(), clock, Runnable::run, SessionRecorder.NONE);
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
        try (DeviceConnection c = new DeviceConnection("ox", () -> new SerialTransport(path, new SerialSettings(9600, 8, 'N', 1)),
                ProtocolRegistry.standard().require("masimo").newDecoder(), clock, chair, retries, Duration.ofSeconds(2))) {
            c.start();
            String words = "/dev/ttyUSB97 not found: check the adapter's cable and the port name in the configuration";
            assertEquals(ConnectionState.DISCONNECTED, chair.connectionStates().get("ox"));
            assertEquals(Map.of("ox", words), chair.connectionProblems());
            ActiveAlarm alarm = chair.alarms().alarms().get(0);
            assertEquals("ox.disconnected", alarm.id());
            assertTrue(alarm.message().contains(words), alarm.message());
            assertFalse(alarm.message().contains("descriptor"), alarm.message());
        } finally {
            retries.shutdownNow();
        }
    }
}
