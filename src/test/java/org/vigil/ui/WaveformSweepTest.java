package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WaveformSweepTest {

    private static final long FRAME = 16_666_667L;

    @Test
    void playsBurstsAtTheDeviceRateBehindTheNewestSample() {
        WaveformSweep sweep = new WaveformSweep();
        long end = 75;
        WaveformSweep.Step first = sweep.advance(0, end, 75, 1);
        assertTrue(first.restart());
        assertEquals(75 - 30, first.from(), "starts 0.4 s behind the newest sample");
        long drawn = first.to();
        long nanos = 0;
        int burstsDrawn = 0;
        // a Nonin packet every 1/3 s (25 samples), frames at 60 Hz for 10 s
        for (int f = 1; f <= 600; f++) {
            nanos += FRAME;
            if (f % 20 == 0) {
                end += 25;
            }
            WaveformSweep.Step s = sweep.advance(nanos, end, 75, 1);
            assertFalse(s.restart(), "frame " + f);
            assertEquals(drawn, s.from(), "contiguous, frame " + f);
            assertTrue(s.count() <= 2, "smooth: at most 2 samples a frame at 75/s, frame " + f);
            assertTrue(s.to() <= end, "never ahead of the data");
            drawn = s.to();
            burstsDrawn += s.count();
        }
        assertEquals(750, burstsDrawn, 3, "10 s at 75/s");
    }

    @Test
    void noDataStopsTheSweepAndALongLagJumps() {
        WaveformSweep sweep = new WaveformSweep();
        sweep.advance(0, 100, 75, 1);
        WaveformSweep.Step idle = sweep.advance(2_000_000_000L, 100, 75, 1);
        assertEquals(100, idle.to(), "caught up, then waits");
        assertEquals(0, sweep.advance(3_000_000_000L, 100, 75, 1).count());
        WaveformSweep.Step jump = sweep.advance(3_016_000_000L, 100 + 75 * 5, 75, 1);
        assertTrue(jump.restart(), "5 s behind: start over near the newest");
        assertEquals(100 + 75 * 5 - 30, jump.to());
    }

    @Test
    void aNewEpochRestarts() {
        WaveformSweep sweep = new WaveformSweep();
        sweep.advance(0, 100, 75, 1);
        assertFalse(sweep.advance(FRAME, 100, 75, 1).restart());
        assertTrue(sweep.advance(2 * FRAME, 140, 60, 2).restart());
    }

    @Test
    void columnsCoverTheSweepSeconds() {
        assertEquals(450, WaveformSweep.columns(75));
        assertEquals(360, WaveformSweep.columns(60));
    }
}
