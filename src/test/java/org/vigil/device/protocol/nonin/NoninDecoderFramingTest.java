package org.vigil.device.protocol.nonin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;

/**
 * Beyond the shared contract ({@link NoninDecoderContractTest}): seeded random streams of
 * packets with flipped bits, cut short and mixed with noise never throw, leave a bounded rest,
 * account for every consumed byte, and give the same frames however they are split.
 */
class NoninDecoderFramingTest {

    private static final long SEED = 0x5EED_0E0DL;

    private static byte[] packet(NoninFormat format, int hr, int spo2, int status) {
        return format == NoninFormat.DF8 ? NoninBytes.df8(status & 0x3C, hr, spo2, 0) : NoninBytes.packet(format, hr, spo2, status);
    }

    @ParameterizedTest
    @EnumSource(NoninFormat.class)
    void randomInputNeverThrowsAndSplitsAgree(NoninFormat format) {
        Random random = new Random(SEED + 2);
        for (int round = 0; round < 1500; round++) {
            byte[] data = randomInput(random, format);
            String where = "round " + round + " (seed " + (SEED + 2) + ")";
            NoninDecoder whole = new NoninDecoder(format);
            ByteBuffer buf = ByteBuffer.wrap(data);
            List<DeviceFrame> frames = new ArrayList<>();
            whole.decode(buf, frames::add);
            assertTrue(buf.remaining() < whole.maxFrameLength(), where + ": " + buf.remaining() + " left");
            assertTrue(whole.discardedBytes() <= buf.position(), where);
            assertEquals(buf.position(), whole.discardedBytes() + (long) frames.size() * format.packetLength(), where);

            NoninDecoder chunked = new NoninDecoder(format);
            assertEquals(frames, new StreamFeeder(chunked).feedChunks(data, chunkEnds(random, data.length)).frames(), where);
            assertEquals(whole.discardedBytes(), chunked.discardedBytes(), where);

            List<DeviceFrame> again = new ArrayList<>();
            long discarded = whole.discardedBytes();
            int position = buf.position();
            whole.decode(buf, again::add);
            assertTrue(again.isEmpty(), where);
            assertEquals(position, buf.position(), where);
            assertEquals(discarded, whole.discardedBytes(), where);
        }
    }

    private static byte[] randomInput(Random random, NoninFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = 1 + random.nextInt(6);
        for (int p = 0; p < pieces; p++) {
            byte[] good = packet(format, random.nextInt(512), random.nextInt(128), random.nextInt(128) & ~0x01);
            switch (random.nextInt(4)) {
                case 0 -> out.writeBytes(noise(random, random.nextInt(200)));
                case 1 -> out.writeBytes(good);
                case 2 -> out.writeBytes(Arrays2.truncated(good, random.nextInt(good.length)));
                default -> {
                    byte[] bad = good.clone();
                    bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
                    out.writeBytes(bad);
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] noise(Random random, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(6);
            b[i] = (byte) (kind == 0 ? 0x01 : kind == 1 ? 0x81 : random.nextInt(256));
        }
        return b;
    }

    private static int[] chunkEnds(Random random, int length) {
        List<Integer> ends = new ArrayList<>();
        int at = 0;
        while (at < length) {
            at = Math.min(length, at + 1 + random.nextInt(random.nextBoolean() ? 6 : 200));
            ends.add(at);
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Array helpers the JDK lacks. */
    static final class Arrays2 {
        private Arrays2() {
        }

        static byte[] truncated(byte[] b, int length) {
            return java.util.Arrays.copyOf(b, length);
        }
    }
}
