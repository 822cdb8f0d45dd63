package org.vigil.sim.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.sim.DeviceScript;
import org.vigil.sim.Emission;
import org.vigil.sim.Simulation;
import org.vigil.sim.SpedUpScript;
import org.vigil.sim.live.LivePlayerTest.FakeTime;
import org.vigil.sim.live.LivePlayerTest.MemoryTransport;
import org.vigil.sim.protocol.SimRegistry;
import org.vigil.sim.scenario.ScenarioParser;

/**
 * {@code sim --scenario bp-surge-at-peak.yaml --speed 60}: the shipped scenario's first alarm
 * (the cuff reading of minute 20, diastolic above 90) must come after 20 s of played time, not
 * 20 minutes, with the same bytes on the wire, played on an injected clock.
 */
class SpedUpScenarioTest {

    private static final Path SCENARIO = Path.of("device-sims", "scenarios", "bp-surge-at-peak.yaml");

    @Test
    void atSpeedSixtyTheMonitorsCuffReadingsComeEveryFiveSecondsWithTheSameBytes() throws Exception {
        Simulation sim = new Simulation(new ScenarioParser().parse(SCENARIO), SimRegistry.standard()::newEncoder);
        DeviceScript mon = sim.script("mon");
        FakeTime time = new FakeTime();
        MemoryTransport monPort = new MemoryTransport(time);
        MemoryTransport oxPort = new MemoryTransport(time);
        new LivePlayer(Map.of("mon", SpedUpScript.of(mon, 60), "ox", SpedUpScript.of(sim.script("ox"), 60)),
                Map.of("mon", monPort, "ox", oxPort), time, time, false).play();

        List<Emission> real = mon.emissions();
        assertEquals(real.size(), monPort.writes.size(), "every frame of the 70-minute scenario is written");
        for (int i = 0; i < real.size(); i++) {
            Emission e = real.get(i);
            MemoryTransport.Write w = monPort.writes.get(i);
            assertEquals(e.at().toNanos() / 60, w.at().toNanos(), "frame " + i + " at scenario time " + e.at());
            assertEquals(new String(e.bytes()), w.text(), "frame " + i + " keeps its bytes");
        }
        List<Duration> cuffAt = java.util.stream.IntStream.range(0, real.size())
                .filter(i -> Emission.NIBP.equals(real.get(i).kind()))
                .mapToObj(i -> monPort.writes.get(i).at()).limit(5).toList();
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
                Duration.ofSeconds(20)), cuffAt, "the cuff reading that raises the first alarm (minute 20) comes at 20 s");
        assertTrue(oxPort.writes.get(oxPort.writes.size() - 1).at().compareTo(Duration.ofSeconds(70)) < 0,
                "70 minutes of scenario play in 70 s");
    }

    @Test
    void speedOneIsTheScriptItselfAndNonsenseSpeedsAreRefused() throws Exception {
        Simulation sim = new Simulation(new ScenarioParser().parse(SCENARIO), SimRegistry.standard()::newEncoder);
        DeviceScript ox = sim.script("ox");
        assertEquals(ox, SpedUpScript.of(ox, 1));
        assertThrows(IllegalArgumentException.class, () -> SpedUpScript.of(ox, 0));
        assertThrows(IllegalArgumentException.class, () -> SpedUpScript.of(ox, -2));
        assertThrows(IllegalArgumentException.class, () -> SpedUpScript.of(ox, 7200));
        assertEquals(Duration.ofSeconds(70), SpedUpScript.of(ox, 60).duration());
    }
}
