package org.vigil.device.protocol.ges5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;

/**
 * Seeded random inputs (noise, mutated and spliced records, stray flags and escapes): the decoder
 * never throws, always makes progress, keeps at most one partial frame, and gives the same frames
 * however the bytes are split.
 */
class S5DecoderRandomInputTest {

    private static final long SEED = 0x55C0FFEEL;
    private static final int ROUNDS = 800;

    private final byte[][] records = {S5Streams.frame(S5Streams.patientRecord(0)), S5Streams.capture()};

    @Test
    void randomInputNeverBreaksTheContract() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] data = input(random);
            String where = "round " + round + " (seed " + SEED + ")";
            S5Decoder decoder = new S5Decoder();
            ByteBuffer buf = ByteBuffer.wrap(data);
            List<DeviceFrame> whole = new ArrayList<>();

            decoder.decode(buf, whole::add);

            int left = buf.remaining();
            assertTrue(left < decoder.maxFrameLength(), where + ": " + left + " bytes left");
            if (left > 0) {
                assertEquals(Dri.FLAG, buf.get(buf.position()) & 0xFF, where);
            }
            assertTrue(decoder.discardedBytes() <= buf.position(), where);
            assertEquals(whole, S5Streams.feed(new S5Decoder(), data, chunkEnds(random, data.length)), where);
        }
    }

    private byte[] input(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = 1 + random.nextInt(5);
        for (int p = 0; p < pieces; p++) {
            byte[] record = records[random.nextInt(records.length)];
            switch (random.nextInt(5)) {
                case 0 -> {
                    byte[] noise = new byte[random.nextInt(400)];
                    random.nextBytes(noise);
                    out.writeBytes(noise);
                }
                case 1 -> out.writeBytes(record);
                case 2 -> {
                    byte[] m = record.clone();
                    for (int k = random.nextInt(4); k >= 0; k--) {
                        m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                    }
                    out.writeBytes(m);
                }
                case 3 -> {
                    int from = random.nextInt(record.length);
                    out.writeBytes(Arrays.copyOfRange(record, from, from + random.nextInt(record.length - from + 1)));
                }
                default -> out.writeBytes(new byte[] {0x7E, 0x7D, (byte) random.nextInt(256), 0x7E});
            }
        }
        return out.toByteArray();
    }

    private static int[] chunkEnds(Random random, int length) {
        List<Integer> ends = new ArrayList<>();
        int at = 0;
        while (at < length) {
            at = Math.min(length, at + 1 + random.nextInt(random.nextBoolean() ? 8 : 1500));
            ends.add(at);
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }
}
