package org.vigil.device.protocol.masimo;

import org.vigil.device.protocol.StreamFeeder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.Vital;

/**
 * Seeded random inputs (mutated real lines plus random bytes): the decoder never throws, only
 * moves forward, never consumes more than it was given, never stalls a full buffer, emits only
 * well-formed frames, and gives the same result however the bytes are chunked.
 */
class MasimoDecoderRandomInputTest {

    private static final long SEED = 0x5EED_0F_3A51L;
    private static final int ITERATIONS = 3000;
    private static final List<String> SEEDS = new ArrayList<>(SampleLines.sample());

    @BeforeAll
    static void addPublishedLines() throws IOException {
        for (String row : MasimoDecoderGoldenTest.resourceText("edge_cases_bsd.txt").split("\n")) {
            if (!row.isBlank() && !row.startsWith("#")) {
                SEEDS.add(row.substring(row.indexOf('\t') + 1));
            }
        }
        SEEDS.add("09/21/08 09:56:08 SpO2=096 PR=074 PI=02.28 EXC=C00:LowSigIQ,SET");
    }

    @Test
    void randomInputNeverBreaksTheDecoderContract() {
        Random random = new Random(SEED);
        int frames = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] data = randomStream(random);
            String context = "iteration " + i + " (seed " + SEED + ")";
            MasimoDecoder reference = new MasimoDecoder();
            List<DeviceFrame> expected = decodeChecked(reference, data, data.length, context);
            MasimoDecoder chunked = new MasimoDecoder();
            assertEquals(expected, decodeChecked(chunked, data, 1 + random.nextInt(64), context), context);
            assertEquals(reference.discardedBytes(), chunked.discardedBytes(), context);
            for (DeviceFrame f : expected) {
                assertWellFormed(f, context);
            }
            frames += expected.size();
        }
        assertTrue(frames > ITERATIONS / 2, "the random streams should still carry many valid lines: " + frames);
    }

    @Test
    void splittingRandomInputAtEveryIndexGivesTheSameFrames() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 40; i++) {
            byte[] data = randomStream(random);
            List<DeviceFrame> whole = StreamFeeder.decodeAll(new MasimoDecoder(), data);
            for (int at = 0; at <= data.length; at++) {
                StreamFeeder split = new StreamFeeder(new MasimoDecoder()).feed(data, 0, at).feed(data, at, data.length - at);
                assertEquals(whole, split.frames(), "iteration " + i + " split at " + at);
            }
        }
    }

    /**
     * Feeds {@code data} in chunks of up to {@code chunk} bytes through a buffer of exactly
     * {@code maxFrameLength()}, checking position and consumption after every call.
     */
    private static List<DeviceFrame> decodeChecked(MasimoDecoder decoder, byte[] data, int chunk, String context) {
        List<DeviceFrame> out = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(decoder.maxFrameLength());
        long consumed = 0;
        int i = 0;
        while (i < data.length) {
            assertTrue(buffer.hasRemaining(), context + ": decoder stalled with a full buffer");
            int n = Math.min(Math.min(chunk, buffer.remaining()), data.length - i);
            buffer.put(data, i, n);
            i += n;
            buffer.flip();
            int before = buffer.position();
            int limit = buffer.limit();
            decoder.decode(buffer, out::add);
            assertTrue(buffer.position() >= before && buffer.position() <= limit, context + ": position out of range");
            assertEquals(limit, buffer.limit(), context + ": limit changed");
            consumed += buffer.position() - before;
            assertTrue(consumed <= i, context + ": consumed more than given");
            buffer.compact();
        }
        assertTrue(decoder.discardedBytes() <= consumed, context + ": discarded more than consumed");
        return out;
    }

    private static void assertWellFormed(DeviceFrame f, String context) {
        assertEquals(List.of(Vital.SPO2, Vital.PR, Vital.PI), f.measurements().stream().map(Measurement::vital).toList(), context);
        for (Measurement m : f.measurements()) {
            assertTrue(!m.hasValue() || m.value() >= 0 && m.value() < 1000, context);
            assertTrue(m.flags().containsAll(f.flags()), context);
        }
        double spo2 = f.measurements().get(0).value();
        assertTrue(Double.isNaN(spo2) || spo2 <= 100, context);
        assertTrue(f.attributes().get("device_time").matches("\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d"), context);
    }

    private static byte[] randomStream(Random random) {
        List<byte[]> parts = new ArrayList<>();
        int pieces = 1 + random.nextInt(6);
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(4)) {
                case 0 -> parts.add(randomBytes(random, random.nextInt(80)));
                case 1 -> parts.add(SampleLines.ascii(SEEDS.get(random.nextInt(SEEDS.size())) + terminator(random)));
                case 2 -> parts.add(mutate(random, SampleLines.ascii(SEEDS.get(random.nextInt(SEEDS.size())) + terminator(random))));
                default -> parts.add(SampleLines.ascii("03/04/24 10:00:00 X=" + "9".repeat(random.nextInt(700))));
            }
        }
        return SampleLines.concat(parts.toArray(new byte[0][]));
    }

    private static String terminator(Random random) {
        return List.of("\r\n", "\n", "\r", "").get(random.nextInt(4));
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Flips, replaces, deletes or duplicates a few bytes, mostly with characters the protocol uses. */
    private static byte[] mutate(Random random, byte[] line) {
        byte[] alphabet = SampleLines.ascii("0123456789-%./: =\r\nSPOBMIEXC");
        byte[] b = line.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = alphabet[random.nextInt(alphabet.length)];
                case 2 -> b = SampleLines.concat(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at + 1, b.length));
                default -> b = SampleLines.concat(Arrays.copyOfRange(b, 0, at + 1), Arrays.copyOfRange(b, at, b.length));
            }
        }
        return b;
    }
}
