package org.vigil.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeTicksTest {

    private static final ZoneId ZONE = ZoneId.of("America/Denver");

    private static long at(int h, int m, int s) {
        return LocalDateTime.of(2026, 3, 4, h, m, s).atZone(ZONE).toInstant().toEpochMilli();
    }

    @Test
    void stepLeavesRoomForTheLabels() {
        assertEquals(3_600_000, TimeTicks.step(28_800, 70), "8 h on 1000 px: 30 min would be 62 px apart");
        assertEquals(300_000, TimeTicks.step(3_600, 70), "1 h on 1000 px: 83 px apart");
        assertEquals(1_000, TimeTicks.step(10, 70));
        assertEquals(21_600_000, TimeTicks.step(1e9, 70));
    }

    @Test
    void ticksStandOnRoundLocalTimesWithMinutesSinceInfusion() {
        long infusion = at(10, 7, 30);
        List<TimeTicks.Tick> t = TimeTicks.ticks(at(10, 1, 10), at(10, 31, 0), 600_000, ZONE, infusion);
        assertEquals(List.of("10:10", "10:20", "10:30"), t.stream().map(TimeTicks.Tick::clock).toList());
        assertEquals(List.of("+3 min", "+13 min", "+23 min"), t.stream().map(TimeTicks.Tick::sinceInfusion).toList());
        List<TimeTicks.Tick> before = TimeTicks.ticks(at(9, 59, 0), at(10, 0, 0), 60_000, ZONE, infusion);
        assertEquals("\u22129 min", before.get(0).sinceInfusion(), "8.5 min before, rounded away from zero");
    }

    @Test
    void secondsShowWhenTheStepIsUnderAMinute() {
        List<TimeTicks.Tick> t = TimeTicks.ticks(at(10, 0, 1), at(10, 0, 40), 15_000, ZONE, at(10, 0, 0));
        assertEquals(List.of("10:00:15", "10:00:30"), t.stream().map(TimeTicks.Tick::clock).toList());
        assertEquals("+0.3 min", t.get(0).sinceInfusion());
        assertEquals("", TimeTicks.ticks(at(10, 0, 1), at(10, 0, 40), 15_000, ZONE, Long.MIN_VALUE).get(0).sinceInfusion());
    }
}
