package org.vigil.device.protocol.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;

/**
 * Seeded random inputs through the whole decoder, HAPI parse included (noise, mutated and
 * truncated messages, random segments): it never throws, keeps at most one partial message, and
 * gives the same frames split anywhere. Frames and messages are measured for a throughput figure.
 */
class Hl7DecoderRandomInputTest {

    private static final long SEED = 0x2575L;
    private static final String MUTATIONS = "|^~\\&0123456789-.X\r\n ";
    private static final String[] SEGMENTS = {"MSH", "PID", "PV1", "OBR", "OBX", "NTE", "ZZZ"};

    @Test
    void randomInputNeverBreaksTheContract() {
        Random random = new Random(SEED);
        for (int round = 0; round < 80; round++) {
            byte[] data = input(random);
            String where = "round " + round + " (seed " + SEED + ")";
            Hl7Decoder decoder = new Hl7Decoder();
            ByteBuffer buf = ByteBuffer.wrap(data);
            List<DeviceFrame> whole = new ArrayList<>();
            decoder.decode(buf, whole::add);
            assertTrue(buf.remaining() < decoder.maxFrameLength(), where);
            assertTrue(decoder.discardedBytes() <= buf.position(), where);
            int split = random.nextInt(data.length + 1);
            assertEquals(whole, Hl7Streams.feed(new Hl7Decoder(), data, new int[] {split, data.length}), where + " split " + split);
        }
    }

    @Test
    void throughputOfTypicalMessages() {
        byte[] one = Hl7Streams.mllp(Hl7Samples.typical("1", "B-01"));
        int n = 300;
        ByteBuffer stream = ByteBuffer.allocate(one.length * n);
        for (int i = 0; i < n; i++) {
            stream.put(one);
        }
        Hl7Decoder decoder = new Hl7Decoder();
        Hl7Streams.decodeAll(decoder, one);
        stream.flip();
        int[] frames = {0};
        long t = System.nanoTime();
        decoder.decode(stream, f -> frames[0]++);
        double s = (System.nanoTime() - t) / 1e9;
        assertEquals(n, frames[0]);
        System.out.printf("bench hl7 decoder: %d frames of %d bytes in %.2f s: %.0f frames/s, %.2f MB/s%n", n, one.length, s,
                n / s, one.length * (double) n / s / 1e6);
    }

    private static byte[] input(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] typical = Hl7Streams.mllp(Hl7Samples.typical("R", "B-01"));
        for (int p = random.nextInt(4); p >= 0; p--) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    byte[] n = new byte[random.nextInt(120)];
                    for (int i = 0; i < n.length; i++) {
                        int k = random.nextInt(10);
                        n[i] = (byte) (k == 0 ? 0x0B : k == 1 ? 0x1C : k == 2 ? '\r' : random.nextInt(256));
                    }
                    out.writeBytes(n);
                }
                case 1 -> out.writeBytes(typical);
                case 2 -> out.write(typical, 0, random.nextInt(typical.length));
                case 3 -> {
                    byte[] m = typical.clone();
                    for (int e = random.nextInt(6); e >= 0; e--) {
                        int at = 1 + random.nextInt(m.length - 3);
                        m[at] = (byte) MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
                    }
                    out.writeBytes(m);
                }
                default -> out.writeBytes(Hl7Streams.mllp(randomMessage(random)));
            }
        }
        return out.toByteArray();
    }

    private static String randomMessage(Random random) {
        StringBuilder sb = new StringBuilder("MSH|^~\\&|R|R|||20260101||ORU^R01|").append(random.nextInt(99)).append("|P|2.6\r");
        for (int s = random.nextInt(12); s >= 0; s--) {
            sb.append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
            for (int f = random.nextInt(20); f >= 0; f--) {
                sb.append(random.nextInt(4) == 0 ? "^" : "|");
                if (random.nextBoolean()) {
                    sb.append(random.nextInt(3) == 0 ? "150456" : random.nextInt(3) == 0 ? "-100" : "MDC");
                }
            }
            sb.append('\r');
        }
        return new String(sb.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
