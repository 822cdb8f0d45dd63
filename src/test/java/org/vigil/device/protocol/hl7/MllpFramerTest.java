package org.vigil.device.protocol.hl7;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The MLLP / plain framing on its own: every split point, garbage, cuts, bounds, random bytes. */
class MllpFramerTest {

    private static final String A = Hl7Samples.typical("A-1", "B-01");
    private static final String B = Hl7Samples.typical("B-1", "B-02");

    @Test
    void framesComeOutWithoutTheirMllpBytes() {
        List<String> out = frames(new MllpFramer(), Hl7Streams.concat(Hl7Streams.mllp(A), Hl7Streams.mllp(B)), false);
        assertEquals(List.of(A, B), out);
    }

    @Test
    void everySplitPointAndByteByByteGiveTheSameMessagesAndCounts() {
        byte[] data = Hl7Streams.concat("noise\r\n".getBytes(StandardCharsets.US_ASCII), Hl7Streams.mllp(A),
                new byte[] {0x1C, 0x0D, 'x'}, Hl7Streams.mllp(B), (A + "\n").getBytes(StandardCharsets.UTF_8),
                Hl7Streams.mllp(B));
        MllpFramer whole = new MllpFramer();
        List<String> expected = frames(whole, data, false);
        assertEquals(List.of(A, B, B), expected, "on a link, text outside a frame is no message");
        for (int split = 0; split <= data.length; split++) {
            MllpFramer framer = new MllpFramer();
            assertEquals(expected, feed(framer, data, new int[] {split, data.length}), "split at " + split);
            assertEquals(whole.discardedBytes(), framer.discardedBytes(), "discarded, split at " + split);
        }
        int[] ends = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            ends[i] = i + 1;
        }
        MllpFramer bytewise = new MllpFramer();
        assertEquals(expected, feed(bytewise, data, ends));
        assertEquals(whole.discardedBytes(), bytewise.discardedBytes());
    }

    @Test
    void garbageBetweenFramesIsSkippedAndCounted() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            int garbage = 0;
            for (int m = 0; m < 3; m++) {
                byte[] g = new byte[random.nextInt(40)];
                for (int i = 0; i < g.length; i++) {
                    int b = random.nextInt(256);
                    g[i] = (byte) (b == 0x0B || b == 'M' ? 'x' : b);
                }
                garbage += g.length;
                stream.writeBytes(g);
                stream.writeBytes(Hl7Streams.mllp(A));
            }
            MllpFramer framer = new MllpFramer();
            assertEquals(List.of(A, A, A), frames(framer, stream.toByteArray(), false), "round " + round);
            assertEquals(garbage, framer.discardedBytes(), "round " + round);
        }
    }

    @Test
    void aFrameCutByTheNextStartIsDroppedAndTheNextOneRead() {
        byte[] first = Hl7Streams.mllp(A);
        for (int cut = 2; cut < first.length - 2; cut += 5) {
            byte[] data = Hl7Streams.concat(Arrays.copyOf(first, cut), Hl7Streams.mllp(B));
            MllpFramer framer = new MllpFramer();
            assertEquals(List.of(B), frames(framer, data, false), "cut after " + cut);
            assertEquals(cut, framer.discardedBytes(), "cut after " + cut);
        }
    }

    @Test
    void aPartialFrameStaysInTheBufferUntilItsEnd() {
        byte[] first = Hl7Streams.mllp(A);
        for (int cut = 1; cut < first.length; cut++) {
            ByteBuffer buf = ByteBuffer.wrap(Hl7Streams.concat(new byte[] {'#', '\n'}, Arrays.copyOf(first, cut)));
            MllpFramer framer = new MllpFramer();
            List<byte[]> out = new ArrayList<>();
            framer.frames(buf, false, (c, n) -> out.add(c));
            assertTrue(out.isEmpty() || cut == first.length - 1, "cut " + cut);
            if (out.isEmpty()) {
                assertEquals(2, buf.position(), "cut after " + cut);
            }
            assertEquals(2, framer.discardedBytes());
        }
    }

    @Test
    void endByteWithoutItsCarriageReturnMakesTheFrameCorrupt() {
        byte[] data = Hl7Streams.concat(new byte[] {0x0B}, A.getBytes(StandardCharsets.UTF_8), new byte[] {0x1C, 'x'},
                Hl7Streams.mllp(B));
        MllpFramer framer = new MllpFramer();
        assertEquals(List.of(B), frames(framer, data, false));
        assertEquals(A.length() + 3, framer.discardedBytes());
    }

    @Test
    void frameOfTheMaximumLengthIsReadAndALongerOneDiscarded() {
        int contentMax = MllpFramer.MAX_FRAME - 3;
        byte[] longest = Hl7Streams.mllp(padded(contentMax));
        assertEquals(MllpFramer.MAX_FRAME, longest.length);
        assertEquals(2, frames(new MllpFramer(), Hl7Streams.concat(longest, Hl7Streams.mllp(B)), false).size());

        byte[] tooLong = Hl7Streams.mllp(padded(contentMax + 1));
        MllpFramer framer = new MllpFramer();
        List<String> out = frames(framer, Hl7Streams.concat(tooLong, Hl7Streams.mllp(B)), false);
        assertEquals(List.of(B), out);
        assertEquals(tooLong.length, framer.discardedBytes());
    }

    @Test
    void plainMessagesAreReadOnlyFromAWholeFile() {
        byte[] plain = A.replace('\r', '\n').getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(plain);
        MllpFramer framer = new MllpFramer();
        List<byte[]> out = new ArrayList<>();
        framer.frames(buf, false, (c, n) -> out.add(c));
        assertTrue(out.isEmpty());
        assertEquals(plain.length, buf.position(), "on a link, plain text is garbage");
        buf.position(0);
        framer = new MllpFramer();
        framer.frames(buf, true, (c, n) -> out.add(c));
        assertEquals(1, out.size());
        assertEquals(plain.length, buf.position());
    }

    @Test
    void randomBytesNeverBreakTheContract() {
        Random random = new Random(0x4C37);
        byte[] a = Hl7Streams.mllp(A);
        for (int round = 0; round < 3000; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int p = random.nextInt(5); p >= 0; p--) {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        byte[] n = new byte[random.nextInt(200)];
                        for (int i = 0; i < n.length; i++) {
                            int k = random.nextInt(12);
                            n[i] = (byte) (k == 0 ? 0x0B : k == 1 ? 0x1C : k == 2 ? 0x0D : k == 3 ? 'M' : random.nextInt(256));
                        }
                        out.writeBytes(n);
                    }
                    case 1 -> out.writeBytes(a);
                    case 2 -> out.write(a, 0, random.nextInt(a.length));
                    default -> {
                        byte[] m = a.clone();
                        m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                        out.writeBytes(m);
                    }
                }
            }
            byte[] data = out.toByteArray();
            MllpFramer framer = new MllpFramer();
            ByteBuffer buf = ByteBuffer.wrap(data);
            List<String> whole = new ArrayList<>();
            framer.frames(buf, false, (b, n) -> whole.add(new String(b, StandardCharsets.UTF_8)));
            assertTrue(buf.remaining() < MllpFramer.MAX_FRAME, "round " + round);
            assertTrue(framer.discardedBytes() <= buf.position(), "round " + round);
            int split = random.nextInt(data.length + 1);
            assertEquals(whole, feed(new MllpFramer(), data, new int[] {split, data.length}), "round " + round + " split " + split);
        }
    }

    private static String padded(int length) {
        StringBuilder sb = new StringBuilder(A);
        sb.append("NTE|1||");
        while (sb.length() < length - 1) {
            sb.append('x');
        }
        sb.append('\r');
        return sb.toString();
    }

    private static List<String> frames(MllpFramer framer, byte[] data, boolean last) {
        List<String> out = new ArrayList<>();
        framer.frames(ByteBuffer.wrap(data), last, (b, n) -> out.add(new String(b, StandardCharsets.UTF_8)));
        return out;
    }

    private static List<String> feed(MllpFramer framer, byte[] data, int[] ends) {
        List<String> out = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.allocate(data.length + 8);
        int from = 0;
        for (int end : ends) {
            buf.put(data, from, end - from);
            from = end;
            buf.flip();
            framer.frames(buf, false, (b, n) -> out.add(new String(b, StandardCharsets.UTF_8)));
            buf.compact();
        }
        return out;
    }
}
