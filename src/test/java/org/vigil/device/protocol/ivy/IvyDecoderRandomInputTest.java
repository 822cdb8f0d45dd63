package org.vigil.device.protocol.ivy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;

/**
 * Seeded random inputs (noise, mutated real messages, spliced fragments): the decoder never
 * throws, never reads past the limit, always makes progress and keeps at most one partial
 * message, and gives the same frames however the bytes are split.
 */
class IvyDecoderRandomInputTest {

    private static final long SEED = 0x1A2B3C4DL;
    private static final int ROUNDS = 1500;

    private final byte[] capture = IvyStreams.capture();

    @Test
    void randomInputNeverBreaksTheContract() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] data = input(random);
            String where = "round " + round + " (seed " + SEED + ")";

            IvyDecoder decoder = new IvyDecoder();
            ByteBuffer buf = ByteBuffer.wrap(data);
            List<DeviceFrame> whole = new ArrayList<>();
            decoder.decode(buf, whole::add);
            assertLeftAtMostOnePartialMessage(buf, decoder, where);

            List<DeviceFrame> chunked = IvyStreams.feed(new IvyDecoder(), data, randomChunkEnds(random, data.length));
            assertEquals(whole, chunked, where);
        }
    }

    /** What stays unconsumed must be one possible message: a 0xFF, shorter than the bound. */
    private static void assertLeftAtMostOnePartialMessage(ByteBuffer buf, IvyDecoder decoder, String where) {
        int left = buf.remaining();
        assertTrue(left < decoder.maxFrameLength(), where + ": " + left + " bytes left");
        if (left > 0) {
            assertEquals(0xFF, buf.get(buf.position()) & 0xFF, where);
        }
        assertTrue(decoder.discardedBytes() <= buf.position(), where);
    }

    private byte[] input(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = 1 + random.nextInt(6);
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(5)) {
                case 0 -> out.writeBytes(noise(random, random.nextInt(300)));
                case 1 -> out.writeBytes(IvyStreams.captureMessage(1 + random.nextInt(IvyStreams.CAPTURE_MESSAGES)));
                case 2 -> out.writeBytes(mutated(random, IvyStreams.captureMessage(1 + random.nextInt(IvyStreams.CAPTURE_MESSAGES))));
                case 3 -> {
                    int from = random.nextInt(capture.length);
                    int to = Math.min(capture.length, from + random.nextInt(1200));
                    out.write(capture, from, to - from);
                }
                default -> out.writeBytes(IvyStreams.message(randomText(random)));
            }
        }
        return out.toByteArray();
    }

    private static byte[] noise(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            bytes[i] = (byte) (kind == 0 ? 0xFF : kind == 1 ? 0xFE : random.nextInt(256));
        }
        return bytes;
    }

    private static byte[] mutated(Random random, byte[] message) {
        byte[] copy = message.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(copy.length);
            copy[at] = switch (random.nextInt(4)) {
                case 0 -> (byte) 0xFF;
                case 1 -> (byte) 0xFE;
                case 2 -> (byte) (copy[at] ^ (1 << random.nextInt(8)));
                default -> (byte) random.nextInt(256);
            };
        }
        return copy;
    }

    private static String randomText(Random random) {
        String alphabet = "HRSPO2NIBT1=;;;;0123456789 -\r\r";
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(random.nextInt(10) == 0 ? 2500 : 200);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static int[] randomChunkEnds(Random random, int length) {
        List<Integer> ends = new ArrayList<>();
        int at = 0;
        while (at < length) {
            at = Math.min(length, at + 1 + random.nextInt(random.nextBoolean() ? 8 : 900));
            ends.add(at);
        }
        if (ends.isEmpty()) {
            ends.add(0);
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }
}
