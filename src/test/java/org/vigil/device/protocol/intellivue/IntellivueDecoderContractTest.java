package org.vigil.device.protocol.intellivue;

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
 * The Netty decoder contract on a session's worth of monitor frames: the same frames whatever the
 * split, byte by byte, after garbage, after a damaged frame, within the bound, and seeded random
 * input never throws and never breaks the contract.
 */
class IntellivueDecoderContractTest {

    private static final long SEED = 0x1C0C1L;

    private final byte[] session = IntellivueStreams.session();
    private final List<DeviceFrame> expected = IntellivueStreams.decodeAll(session);

    @Test
    void theSessionDecodesToItsSevenFrames() {
        // association accepted, MDS create, whole result, linked result (3 parts), whole result; the keep-alive gives none;
        // a pleth array, a linked wave result whose pleth is one frame
        assertEquals(7, expected.size());
        assertEquals(IntellivueDecoder.KIND_ACCEPTED, expected.get(0).attributes().get(IntellivueDecoder.KIND));
        assertEquals(IntellivueDecoder.KIND_MDS_CREATE, expected.get(1).attributes().get(IntellivueDecoder.KIND));
        assertEquals("1", expected.get(1).attributes().get(IntellivueDecoder.INVOKE_ID));
        assertEquals(8, expected.get(2).measurements().size());
        assertEquals("3", expected.get(3).attributes().get("linked"));
        assertEquals(expected.get(2).measurements(), expected.get(3).measurements());
        assertEquals(expected.get(2).measurements(), expected.get(4).measurements());
        assertEquals(32, expected.get(5).wave().size());
        assertEquals(432, expected.get(6).wave().sample(0));
        assertEquals("3", expected.get(6).attributes().get("linked"));
        assertEquals(expected.get(5).wave().deviceTime().plusMillis(256), expected.get(6).wave().deviceTime(),
                "the second array follows the first on the monitor's clock");
    }

    @Test
    void everySplitPointGivesTheSameFrames() {
        for (int cut = 0; cut <= session.length; cut++) {
            assertEquals(expected, IntellivueStreams.feed(new IntellivueDecoder(), session, new int[] {cut, session.length}),
                    "split at " + cut);
        }
    }

    @Test
    void byteByByteGivesTheSameFrames() {
        int[] ends = new int[session.length];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = i + 1;
        }
        IntellivueDecoder decoder = new IntellivueDecoder();
        assertEquals(expected, IntellivueStreams.feed(decoder, session, ends));
        assertEquals(0, decoder.discardedBytes());
    }

    @Test
    void garbageBeforeAndBetweenFramesIsSkippedAndCounted() {
        byte[] garbage = {0x11, (byte) 0xC1, 0x7D, 0x00, (byte) 0xFF, (byte) 0xC0, 0x11, 0x01};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long garbageBytes = 0;
        for (byte[] frame : IntellivueStreams.sessionFrames()) {
            out.writeBytes(garbage);
            garbageBytes += garbage.length;
            out.writeBytes(frame);
        }
        IntellivueDecoder decoder = new IntellivueDecoder();
        List<DeviceFrame> frames = IntellivueStreams.feed(decoder, out.toByteArray(), new int[] {out.size()});
        assertEquals(expected, frames);
        assertEquals(garbageBytes, decoder.discardedBytes());
    }

    @Test
    void aDamagedFrameIsDroppedAndTheNextOneDecoded() {
        List<byte[]> frames = IntellivueStreams.sessionFrames();
        byte[] damaged = frames.get(2).clone();
        damaged[damaged.length / 2] ^= 0x01;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(frames.get(1));
        out.writeBytes(damaged);
        out.writeBytes(frames.get(7)); // the last numerics result
        IntellivueDecoder decoder = new IntellivueDecoder();
        List<DeviceFrame> decoded = IntellivueStreams.feed(decoder, out.toByteArray(), new int[] {out.size()});
        assertEquals(List.of(expected.get(1), expected.get(4)), decoded);
        assertEquals(damaged.length, decoder.discardedBytes());
    }

    @Test
    void aTruncatedFrameIsDroppedWhenTheNextFrameBegins() {
        List<byte[]> frames = IntellivueStreams.sessionFrames();
        byte[] cut = java.util.Arrays.copyOf(frames.get(2), frames.get(2).length - 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(frames.get(1));
        out.writeBytes(cut);
        out.writeBytes(frames.get(7)); // the last numerics result
        IntellivueDecoder decoder = new IntellivueDecoder();
        assertEquals(List.of(expected.get(1), expected.get(4)),
                IntellivueStreams.feed(decoder, out.toByteArray(), new int[] {out.size()}));
        assertEquals(cut.length, decoder.discardedBytes());
    }

    @Test
    void randomInputNeverBreaksTheContract() {
        Random random = new Random(SEED);
        for (int round = 0; round < 1500; round++) {
            byte[] data = input(random);
            String where = "round " + round + " (seed " + SEED + ")";
            IntellivueDecoder decoder = new IntellivueDecoder();
            ByteBuffer buf = ByteBuffer.wrap(data);
            List<DeviceFrame> whole = new ArrayList<>();
            decoder.decode(buf, whole::add);
            int left = buf.remaining();
            assertTrue(left < decoder.maxFrameLength(), where + ": " + left + " bytes left");
            if (left > 0) {
                assertEquals(0xC0, buf.get(buf.position()) & 0xFF, where);
            }
            assertTrue(decoder.discardedBytes() <= buf.position(), where);
            List<DeviceFrame> chunked = IntellivueStreams.feed(new IntellivueDecoder(), data, chunkEnds(random, data.length));
            assertEquals(whole, chunked, where);
        }
    }

    @Test
    void decodingAgainWithoutNewBytesChangesNothing() {
        Random random = new Random(SEED + 1);
        for (int round = 0; round < 300; round++) {
            byte[] data = input(random);
            IntellivueDecoder decoder = new IntellivueDecoder();
            ByteBuffer buf = ByteBuffer.wrap(data);
            decoder.decode(buf, f -> { });
            int position = buf.position();
            long discarded = decoder.discardedBytes();
            List<DeviceFrame> more = new ArrayList<>();
            decoder.decode(buf, more::add);
            assertTrue(more.isEmpty(), "round " + round);
            assertEquals(position, buf.position(), "round " + round);
            assertEquals(discarded, decoder.discardedBytes(), "round " + round);
        }
    }

    /**
     * Noise, whole frames, mutated frames, frames with a valid FCS around random payloads (so the
     * message parser meets garbage too), spliced fragments.
     */
    private byte[] input(Random random) {
        List<byte[]> frames = IntellivueStreams.sessionFrames();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = 1 + random.nextInt(6);
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(6)) {
                case 0 -> out.writeBytes(noise(random, random.nextInt(300)));
                case 1 -> out.writeBytes(frames.get(random.nextInt(frames.size())));
                case 2 -> out.writeBytes(mutated(random, frames.get(random.nextInt(frames.size()))));
                case 3 -> out.writeBytes(SerialFraming.frame(mutatedPayload(random)));
                case 4 -> {
                    int from = random.nextInt(session.length);
                    int to = Math.min(session.length, from + random.nextInt(600));
                    out.write(session, from, to - from);
                }
                default -> out.writeBytes(SerialFraming.frame(noise(random, random.nextInt(200))));
            }
        }
        return out.toByteArray();
    }

    /** The user data of a session frame with a few bytes changed, so its lengths may lie. */
    private static byte[] mutatedPayload(Random random) {
        List<byte[]> frames = IntellivueStreams.sessionFrames();
        byte[] wire = frames.get(random.nextInt(frames.size()));
        List<byte[]> userData = new ArrayList<>();
        new SerialFraming().read(ByteBuffer.wrap(wire), userData::add);
        byte[] copy = userData.get(0).clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        int keep = random.nextInt(4) == 0 ? random.nextInt(copy.length + 1) : copy.length;
        return java.util.Arrays.copyOf(copy, keep);
    }

    private static byte[] noise(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(12);
            bytes[i] = (byte) (kind == 0 ? 0xC0 : kind == 1 ? 0xC1 : kind == 2 ? 0x7D : random.nextInt(256));
        }
        return bytes;
    }

    private static byte[] mutated(Random random, byte[] frame) {
        byte[] copy = frame.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(copy.length);
            copy[at] = switch (random.nextInt(4)) {
                case 0 -> (byte) 0xC0;
                case 1 -> (byte) 0xC1;
                case 2 -> (byte) (copy[at] ^ (1 << random.nextInt(8)));
                default -> (byte) random.nextInt(256);
            };
        }
        return copy;
    }

    private static int[] chunkEnds(Random random, int length) {
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
