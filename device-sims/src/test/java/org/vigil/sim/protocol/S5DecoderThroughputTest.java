package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.ges5.S5Decoder;
import org.vigil.domain.Vital;

/**
 * Decoder throughput on 10,000 simulated S/5 records with varying values, the way the
 * {@code bench} command measures the other decoders; printed, not asserted (a timed assertion
 * would fail on a busy machine). Only the frame count is checked.
 */
class S5DecoderThroughputTest {

    private static final int FRAMES = 10_000;

    @Test
    void decodesEveryRecordAndPrintsItsRate() {
        Random random = new Random(7);
        S5Encoder encoder = new S5Encoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalDateTime t = LocalDateTime.of(2026, 1, 5, 9, 0);
        for (int i = 0; i < FRAMES; i++) {
            Map<Vital, Double> v = new EnumMap<>(Vital.class);
            v.put(Vital.SPO2, 90.0 + random.nextInt(10));
            v.put(Vital.PR, 60.0 + random.nextInt(40));
            v.put(Vital.HR, 60.0 + random.nextInt(40));
            v.put(Vital.RR, 10.0 + random.nextInt(10));
            v.put(Vital.NIBP_SYS, 110.0 + random.nextInt(40));
            v.put(Vital.NIBP_DIA, 70.0 + random.nextInt(20));
            v.put(Vital.NIBP_MEAN, 85.0 + random.nextInt(20));
            out.writeBytes(encoder.encode(new DeviceOutput(t.plusSeconds(5L * i), v, false, false, null)));
        }
        byte[] data = out.toByteArray();
        for (int warm = 0; warm < 3; warm++) {
            assertEquals(FRAMES, pass(data));
        }
        int passes = 5;
        long start = System.nanoTime();
        long frames = 0;
        for (int p = 0; p < passes; p++) {
            frames += pass(data);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals((long) FRAMES * passes, frames);
        System.out.printf("ge-s5 decoder: %,.0f frames/s, %.1f MB/s (%d-byte records)%n",
                frames / seconds, (double) data.length * passes / seconds / 1e6, data.length / FRAMES);
    }

    private static long pass(byte[] data) {
        long[] count = new long[1];
        new S5Decoder().decode(ByteBuffer.wrap(data), f -> count[0]++);
        return count[0];
    }
}
