package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.transport.PtyPair;
import org.vigil.sim.protocol.SimDriver;
import org.vigil.sim.protocol.SimRegistry;

/**
 * The latency bench runs for every protocol with a simulator (it once stopped at the first
 * request/response device whose simulator dropped a frame written in two pieces): each frame
 * written raises or ends the alarm. Not timed: the figures belong to {@code bench}.
 */
class LatencyBenchTest {

    @Test
    void everyProtocolsFramesReachTheAlarmEngine() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        ProtocolRegistry protocols = ProtocolRegistry.standard();
        SimRegistry simulators = SimRegistry.standard();
        List<String> measured = new ArrayList<>();
        for (ProtocolDriver p : protocols.all()) {
            SimDriver sim = simulators.find(p.key()).orElse(null);
            if (sim == null || !LatencyBench.measures(p, sim)) {
                continue;
            }
            Percentiles lat = new LatencyBench(p, sim, 20, 5).run();
            assertEquals(20, lat.count(), p.key());
            assertTrue(lat.p50() > 0 && lat.max() >= lat.p50(), p.key() + ": " + lat);
            measured.add(p.key());
        }
        assertTrue(measured.containsAll(List.of("masimo", "ivy", "nonin", "contec", "nellcor", "intellivue", "ge-s5",
                "hl7")), "measured: " + measured);
    }
}
