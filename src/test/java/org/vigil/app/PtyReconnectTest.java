package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmEvent;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.ConnectionState;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.PtyPair;
import org.vigil.device.transport.PtyTransport;
import org.vigil.sim.DeviceScript;
import org.vigil.sim.Simulation;
import org.vigil.sim.live.LivePlayer;
import org.vigil.sim.live.Sleeper;
import org.vigil.sim.protocol.SimRegistry;
import org.vigil.sim.scenario.Scenario;
import org.vigil.sim.scenario.ScenarioParser;

/**
 * A USB adapter unplugged and plugged back, with a pseudo-terminal: the station's configuration
 * names a symlink; the pty behind it is removed (the device's link breaks, the symlink dangles),
 * then a new pty is created and the symlink points at it again. The chair shows the device
 * DISCONNECTED with the "port disconnected" technical alarm while it is gone, then reconnects by
 * itself (backoff), clears the alarm and shows it OK with fresh readings.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PtyReconnectTest {

    @TempDir
    Path dir;

    private static DeviceScript nonin() throws Exception {
        Scenario s = new ScenarioParser().parse("steady.yaml", """
                name: steady oximeter
                duration: 10m
                devices:
                  ox: { protocol: nonin, reports: [spo2, pr] }
                vitals: { pr: 72, spo2: 97 }
                """);
        return new Simulation(s, SimRegistry.standard()::newEncoder).script("ox");
    }

    @Test
    void theDeviceComesBackOnTheSamePathAndTheAlarmClears() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        Path link = dir.resolve("ttyOXIMETER");
        PtyTransport first = PtyTransport.create();
        Files.createSymbolicLink(link, Path.of(first.pty().slavePath()));
        StationConfig cfg = OneChairConfig.write(dir, """
                      - { id: ox, protocol: nonin, port: "%s" }
                """.formatted(link));
        List<AlarmEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        LivePlayer player = new LivePlayer(Map.of("ox", nonin()), Map.of("ox", first), InstantSource.system(), Sleeper.PARK, false);
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            ChairMonitor chair = station.chairs().get(0);
            chair.addAlarmListener(events::add);
            player.start();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> chair.connectionStates().get("ox") == ConnectionState.CONNECTED);

            // unplugged: the pty goes away, the symlink dangles
            player.stop();
            first.close();
            Files.delete(link);
            Files.createSymbolicLink(link, dir.resolve("nothing-there"));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> chair.connectionStates().get("ox") == ConnectionState.DISCONNECTED);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> raised(events, "ox.disconnected"));
            assertTrue(chair.alarms().alarms().stream().anyMatch(a -> a.id().equals("ox.disconnected")));
            assertTrue(chair.connectionProblems().get("ox").startsWith(link.toString()), chair.connectionProblems().toString());

            // plugged back: a new pty on the same path
            try (PtyTransport second = PtyTransport.create()) {
                Files.delete(link);
                Files.createSymbolicLink(link, Path.of(second.pty().slavePath()));
                int before = chair.history().size();
                LivePlayer again = new LivePlayer(Map.of("ox", nonin()), Map.of("ox", second), InstantSource.system(), Sleeper.PARK, false);
                again.start();
                try {
                    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> chair.connectionStates().get("ox") == ConnectionState.CONNECTED
                            && chair.history().size() > before);
                    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chair.alarms().alarms().stream()
                            .noneMatch(a -> a.id().equals("ox.disconnected")));
                } finally {
                    again.stop();
                }
            }
            assertEquals(java.util.Map.of(), chair.connectionProblems());
        } finally {
            player.stop();
        }
        assertTrue(events.stream().anyMatch(e -> e.alarmId().equals("ox.disconnected") && e.type() != AlarmEventType.RAISED),
                "the alarm ended when the device came back: " + events);
    }

    private static boolean raised(List<AlarmEvent> events, String id) {
        return events.stream().anyMatch(e -> e.alarmId().equals(id) && e.type() == AlarmEventType.RAISED);
    }
}
