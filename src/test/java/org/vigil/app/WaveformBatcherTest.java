package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.domain.WaveChunk;
import org.vigil.domain.WaveSegment;
import org.vigil.storage.WaveformChunk;

class WaveformBatcherTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private final List<WaveformChunk> rows = new ArrayList<>();
    private final WaveformBatcher batcher = new WaveformBatcher(rows::add);

    private static WaveChunk contec(long nanos, int sample) {
        return new WaveChunk(T0.plusNanos(nanos), "ox", WaveSegment.pleth(60, new int[] {sample}, 0, 127));
    }

    @Test
    void sixtyContecSamplesMakeOneRowThatStartsWithTheFirst() {
        for (int i = 0; i < 130; i++) {
            batcher.add(contec(Math.round((i + 1) * 1e9 / 60), i % 128));
        }
        assertEquals(2, rows.size(), "two full seconds; the rest waits");
        WaveformChunk first = rows.get(0);
        assertEquals("pleth", first.wave());
        assertEquals(60.0, first.rateHz());
        assertEquals(60, first.size());
        assertEquals(T0, first.start());
        assertEquals(59, first.sample(59));
        assertEquals(T0.plusSeconds(1), rows.get(1).start());
        batcher.flushAll();
        assertEquals(3, rows.size());
        assertEquals(10, rows.get(2).size());
    }

    @Test
    void aGapClosesTheRowSoTimeDoesNotDrift() {
        for (int i = 0; i < 30; i++) {
            batcher.add(contec(Math.round((i + 1) * 1e9 / 60), 5));
        }
        batcher.add(contec(10_000_000_000L, 7));
        assertEquals(1, rows.size());
        assertEquals(30, rows.get(0).size());
        batcher.flushAll();
        assertEquals(T0.plusMillis(10_000).minusNanos(Math.round(1e9 / 60)), rows.get(1).start());
    }

    @Test
    void aSixteenBitUnsignedScaleIsHalvedToFit() {
        int[] s = new int[25];
        s[0] = 65535;
        s[1] = 1000;
        for (int k = 0; k < 3; k++) {
            batcher.add(new WaveChunk(T0.plusMillis(333L * (k + 1)), "ox", WaveSegment.pleth(75, s, 0, 65535)));
        }
        assertEquals(1, rows.size());
        assertEquals(75, rows.get(0).size());
        assertEquals(32767, rows.get(0).sample(0));
        assertEquals(500, rows.get(0).sample(1));
    }

    private static WaveChunk intellivue(long receivedMillis, Instant deviceFirst, int n) {
        return new WaveChunk(T0.plusMillis(receivedMillis), "mon",
                new WaveSegment(WaveSegment.PLETH, 125, new int[n], 0, 4095, deviceFirst));
    }

    @Test
    void aHoleInTheDevicesOwnTimeClosesTheRowEvenWhenTheSamplesArriveOnTime() {
        Instant device = Instant.parse("2026-12-03T07:59:50Z");
        batcher.add(intellivue(256, device, 32));
        batcher.add(intellivue(512, device.plusMillis(256), 32));
        // the next 256 ms array was invalid on the monitor: the one after comes on time for the link
        batcher.add(intellivue(768, device.plusMillis(768), 32));
        assertEquals(1, rows.size(), "the row before the hole");
        assertEquals(64, rows.get(0).size());
        batcher.flushAll();
        assertEquals(2, rows.size());
        assertEquals(32, rows.get(1).size());
    }

    @Test
    void arraysThatFollowOnTheDevicesClockMakeOneRow() {
        Instant device = Instant.parse("2026-12-03T07:59:50Z");
        for (int k = 0; k < 4; k++) {
            // a 6 ms error of the device's 1/100 s time stamps is no hole
            batcher.add(intellivue(1000, device.plusMillis(256L * k + (k % 2) * 6), 32));
        }
        assertEquals(1, rows.size(), "a second's worth makes a row");
        assertEquals(128, rows.get(0).size());
    }
}
