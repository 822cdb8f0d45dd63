package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The memory figure is taken on chairs and screen models that really received the simulated span. */
class MemoryBenchTest {

    @Test
    void fourChairsReceiveEverySimulatedSecondOnTheirScreens() throws Exception {
        MemoryBench.MemoryResult r = MemoryBench.accelerated(Duration.ofMinutes(3));
        // per chair: HR, PR, SpO2 at 1 Hz for 180 s (+ the reading at t = 0), one cuff measurement at most
        int perChairTrend = 3 * 181;
        assertTrue(r.trendPoints() >= MemoryBench.CHAIRS * (perChairTrend - 3 * 2)
                && r.trendPoints() <= MemoryBench.CHAIRS * (perChairTrend + 1), "trend points " + r.trendPoints());
        assertTrue(r.historyReadings() >= MemoryBench.CHAIRS * 5 * 170, "history readings " + r.historyReadings());
        assertTrue(r.heapUsedBytes() > 0);
        assertEquals(Duration.ofMinutes(3), r.simulated());
    }
}
