package org.vigil.chair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vigil.domain.MetricCode;
import org.vigil.domain.WaveChunk;
import org.vigil.domain.WaveSegment;

class WaveTraceTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private static WaveChunk chunk(String device, double seconds, int first, int n) {
        int[] s = IntStream.range(first, first + n).toArray();
        return new WaveChunk(T0.plusMillis((long) (seconds * 1000)), device, WaveSegment.pleth(75, s, 0, 1 << 20));
    }

    @Test
    void keepsTheLastCapacitySamplesAndReadsFromWhereTheReaderIs() {
        WaveTrace t = new WaveTrace();
        int total = 0;
        for (int k = 0; k < 200; k++) {
            t.add(chunk("ox", k / 3.0, total, 25));
            total += 25;
        }
        assertEquals(5000, t.end());
        int[] dest = new int[10];
        WaveTrace.Read r = t.read(4990, dest);
        assertEquals(new WaveTrace.Read(4990, 10), r);
        assertArrayEquals(IntStream.range(4990, 5000).toArray(), dest);
        // a reader far behind gets the oldest kept samples, never more than the ring holds
        int[] all = new int[5000];
        WaveTrace.Read old = t.read(0, all);
        assertEquals(new WaveTrace.Read(5000 - WaveTrace.CAPACITY, WaveTrace.CAPACITY), old);
        assertEquals(5000 - WaveTrace.CAPACITY, all[0]);
        assertEquals(4999, all[WaveTrace.CAPACITY - 1]);
        assertEquals(new WaveTrace.Read(5000, 0), t.read(5000, dest), "nothing new");
    }

    @Test
    void aSecondDeviceTakesOverOnlyAfterTheFirstFellSilent() {
        WaveTrace t = new WaveTrace();
        t.add(chunk("ox", 0, 0, 25));
        int epoch = t.epoch();
        t.add(chunk("ox2", 1, 100, 25));
        assertEquals(25, t.end(), "the other oximeter's wave is not mixed in");
        assertEquals("ox", t.source().orElseThrow().deviceId());
        t.add(chunk("ox2", 0.1 + WaveTrace.TAKE_OVER_AFTER.toSeconds(), 100, 25));
        assertEquals(50, t.end());
        assertEquals("ox2", t.source().orElseThrow().deviceId());
        assertNotEquals(epoch, t.epoch(), "a new source: the screen starts over");
    }

    @Test
    void onlyThePlethIsTraced() {
        WaveTrace t = new WaveTrace();
        t.add(new WaveChunk(T0, "mon", new WaveSegment(MetricCode.mdc("MDC_ECG_ELEC_POTL_II"), 250, new int[] {1, 2}, 0, 10, null)));
        assertEquals(0, t.end());
        assertEquals(0, t.chunks());
    }
}
