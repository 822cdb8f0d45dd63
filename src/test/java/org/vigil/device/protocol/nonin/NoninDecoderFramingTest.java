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

/**
 * The decoder contract for the three formats: the same frames and discard count at every split
 * point and byte by byte, resync after noise and broken packets, a bounded rest, and seeded
 * random inputs that never throw.
 */
class NoninDecoderFramingTest {

    private static final long SEED = 0x5EED_0E0DL;

    private static byte[] packet(NoninFormat format, int hr, int spo2, int status) {
        return format == NoninFormat.DF8 ? NoninBytes.df8(status & 0x3C, hr, spo2, 0) : NoninBytes.packet(format, hr, spo2, status);
    }

    private static byte[] stream(NoninFormat format) {
        // 0xFF noise can start no packet of any format (no 0x01 lead, bad checksum, bit 7 on a data byte)
        return NoninBytes.concat(
                filled(7, 0xFF), packet(format, 61, 99, 0), packet(format, 62, 98, 0x20),
                Arrays2.truncated(packet(format, 63, 97, 0), 3), filled(13, 0xFF),
                packet(format, 300, 90, 0x08), packet(format, 511, 127, 0x10));
    }

    @ParameterizedTest
    @EnumSource(NoninFormat.class)
    void everySplitPointGivesTheSameFramesAndDiscards(NoninFormat format) {
        byte[] data = stream(format);
        NoninDecoder reference = new NoninDecoder(format);
        List<DeviceFrame> whole = NoninBytes.decodeAll(reference, data);
        assertEquals(4, whole.size(), "frames of the stream");
        for (int split = 0; split <= data.length; split++) {
            NoninDecoder d = new NoninDecoder(format);
            assertEquals(whole, NoninBytes.feed(d, data, new int[] {split, data.length}), "split at " + split);
            assertEquals(reference.discardedBytes(), d.discardedBytes(), "discarded, split at " + split);
        }
        NoninDecoder bytewise = new NoninDecoder(format);
        assertEquals(whole, NoninBytes.feed(bytewise, data, NoninBytes.byteByByte(data.length)));
        assertEquals(reference.discardedBytes(), bytewise.discardedBytes());
    }

    @ParameterizedTest
    @EnumSource(NoninFormat.class)
    void noiseBeforeAPacketIsDiscardedAndCounted(NoninFormat format) {
        Random random = new Random(SEED + 1);
        for (int round = 0; round < 200; round++) {
            byte[] noise = noise(random, 1 + random.nextInt(300));
            byte[] good = packet(format, 70, 96, 0);
            NoninDecoder d = new NoninDecoder(format);
            List<DeviceFrame> frames = NoninBytes.decodeAll(d, NoninBytes.concat(noise, good, good));
            assertTrue(frames.size() >= 2, "round " + round + ": " + frames.size() + " frames");
            assertEquals(NoninBytes.decodeAll(new NoninDecoder(format), good), frames.subList(frames.size() - 1, frames.size()));
        }
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
            assertEquals(frames, NoninBytes.feed(chunked, data, chunkEnds(random, data.length)), where);
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

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return b;
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
