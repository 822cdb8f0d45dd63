package org.vigil.device.protocol.nellcor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;

/**
 * Beyond the shared contract ({@link NellcorDecoderContractTest}): header lines between data
 * lines, partial and over-long lines, endless text, and seeded random mixes of printout pieces,
 * mutated lines and noise that never throw and split the same way.
 */
class NellcorDecoderFramingTest {

    private static final long SEED = 0x4E_595L;

    private static final String MUTATIONS = "\r\n-* 09Ax\u0000";
    private static final String NOISE = "\r\n-:* 0123456789Jan";

    private final byte[] printout = NellcorText.ascii(NellcorText.PRINTOUT);

    @Test
    void thePrintoutWithItsHeadersGivesTheSameFramesAndDiscardsByteByByte() {
        byte[] data = NellcorText.ascii("\u0001\u00fe07-Jan" + NellcorText.PRINTOUT + "07-Jan-04 11:2");
        StreamFeeder whole = new StreamFeeder(new NellcorDecoder()).feed(data);
        StreamFeeder single = new StreamFeeder(new NellcorDecoder()).feedByteByByte(data);
        assertEquals(NellcorText.PRINTOUT_FRAMES + NellcorText.PRINTOUT_HEADERS, whole.frames().size());
        assertEquals(whole.frames(), single.frames());
        assertEquals(whole.decoder().discardedBytes(), single.decoder().discardedBytes());
    }

    @Test
    void aPartialDataLineWaitsForItsTerminator() {
        NellcorDecoder decoder = new NellcorDecoder();
        ByteBuffer buf = ByteBuffer.wrap(NellcorText.ascii("junk 07-Jan-04 11:24:54   100     101"));
        decoder.decode(buf, f -> { throw new AssertionError("no frame before the line ends"); });
        assertEquals(5, buf.position());
        assertEquals(5, decoder.discardedBytes());
    }

    @Test
    void anOverLongLineIsDiscardedAndTheNextLineDecodes() {
        String longLine = "07-Jan-04 11:24:54    96      80      70" + " MO".repeat(60);
        NellcorDecoder decoder = new NellcorDecoder();
        List<DeviceFrame> frames = StreamFeeder.decodeAll(decoder,
                NellcorText.ascii(longLine + "\r\n07-Jan-04 11:24:56 97 81 70\r\n"));
        assertEquals(1, frames.size());
        assertEquals(longLine.length(), decoder.discardedBytes());
    }

    @Test
    void endlessTextWithoutTerminatorNeverFillsTheBuffer() {
        byte[] data = NellcorText.ascii("07-Jan-04 11:24:54 ".repeat(100) + "x".repeat(1000) + "\r\n07-Jan-04 11:24:56 97 81 70\r\n");
        NellcorDecoder decoder = new NellcorDecoder();
        List<DeviceFrame> frames = new StreamFeeder(decoder).feedByteByByte(data).frames();
        assertEquals(1, frames.size());
        assertEquals(data.length - "\r\n07-Jan-04 11:24:56 97 81 70\r\n".length(), decoder.discardedBytes());
    }

    @Test
    void randomInputNeverThrowsAndSplitsAgree() {
        Random random = new Random(SEED);
        for (int round = 0; round < 1500; round++) {
            byte[] data = randomInput(random);
            String where = "round " + round + " (seed " + SEED + ")";
            NellcorDecoder whole = new NellcorDecoder();
            ByteBuffer buf = ByteBuffer.wrap(data);
            List<DeviceFrame> frames = new ArrayList<>();
            whole.decode(buf, frames::add);
            assertTrue(buf.remaining() < whole.maxFrameLength(), where + ": " + buf.remaining() + " left");
            assertTrue(whole.discardedBytes() <= buf.position(), where);

            NellcorDecoder chunked = new NellcorDecoder();
            assertEquals(frames, new StreamFeeder(chunked).feedChunks(data, chunkEnds(random, data.length)).frames(), where);
            assertEquals(whole.discardedBytes(), chunked.discardedBytes(), where);

            long discarded = whole.discardedBytes();
            int position = buf.position();
            List<DeviceFrame> again = new ArrayList<>();
            whole.decode(buf, again::add);
            assertTrue(again.isEmpty(), where);
            assertEquals(position, buf.position(), where);
            assertEquals(discarded, whole.discardedBytes(), where);
        }
    }

    private byte[] randomInput(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = 1 + random.nextInt(6);
        for (int p = 0; p < pieces; p++) {
            int from = random.nextInt(printout.length);
            int to = Math.min(printout.length, from + random.nextInt(400));
            switch (random.nextInt(4)) {
                case 0 -> {
                    byte[] noise = new byte[random.nextInt(250)];
                    for (int i = 0; i < noise.length; i++) {
                        noise[i] = (byte) (random.nextInt(5) == 0 ? NOISE.charAt(random.nextInt(NOISE.length())) : random.nextInt(256));
                    }
                    out.writeBytes(noise);
                }
                case 1 -> out.write(printout, from, to - from);
                case 2 -> {
                    byte[] piece = java.util.Arrays.copyOfRange(printout, from, to);
                    for (int e = 0; e < 1 + random.nextInt(4) && piece.length > 0; e++) {
                        piece[random.nextInt(piece.length)] = (byte) MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
                    }
                    out.writeBytes(piece);
                }
                default -> out.writeBytes(NellcorText.ascii("07-Jan-04 11:24:54" + " 9".repeat(random.nextInt(120)) + "\r\n"));
            }
        }
        return out.toByteArray();
    }

    private static int[] chunkEnds(Random random, int length) {
        List<Integer> ends = new ArrayList<>();
        int at = 0;
        while (at < length) {
            at = Math.min(length, at + 1 + random.nextInt(random.nextBoolean() ? 6 : 300));
            ends.add(at);
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }
}
