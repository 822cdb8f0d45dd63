package org.vigil.device.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoder contract of {@link FrameDecoder}, as one abstract test a vendor's decoder test
 * extends: give {@link #newDecoder()} and {@link #sampleFrames()} (at least three complete,
 * valid frames as the device sends them, each giving exactly one {@link DeviceFrame}), and these
 * tests check, through the one {@link StreamFeeder}:
 * <ul>
 *   <li>the sample decodes to one frame per sample, with no byte discarded;</li>
 *   <li>split at every index, and fed byte by byte, it gives the same frames and discard count;</li>
 *   <li>garbage before, between and after frames costs no frame and is counted as discarded;</li>
 *   <li>a frame truncated at any point costs only itself; a stream cut short emits no partial frame;</li>
 *   <li>an over-long frame is given up at the bound, counted, and the frames after it decode;</li>
 *   <li>seeded random bytes mixed with pieces of frames never make it throw, and it resynchronises
 *       within one frame;</li>
 *   <li>decoding again without new bytes changes nothing.</li>
 * </ul>
 * The vendor's own test class then holds only its captures (golden files) and fields. Protocols
 * that cannot meet a rule exactly (no unique start marker) override the hook that states it,
 * such as {@link #garbage(Random)} or {@link #framesLostToATruncatedFrame()}, and say why.
 */
public abstract class DecoderContract {

    /** A fresh decoder of the protocol under test. */
    protected abstract FrameDecoder newDecoder();

    /** At least three complete valid frames, each exactly as the device sends it (terminator included). */
    protected abstract List<byte[]> sampleFrames();

    /** Seed of every random choice in this kit (fixed, so a failure repeats). */
    protected long seed() {
        return 20261203L;
    }

    /**
     * Bytes that are no frame and contain no complete frame, put before, between and after the
     * sample frames. Default: 1 to 40 random bytes; a protocol whose frames have no unique start
     * marker overrides it with garbage its resynchronisation can recognise.
     */
    protected byte[] garbage(Random random) {
        byte[] b = new byte[1 + random.nextInt(40)];
        random.nextBytes(b);
        return b;
    }

    /**
     * How many of the frames after a truncated frame the decoder may lose before it is back in
     * step. Default 0 (a start marker ends the truncated frame); at most 1 for any protocol.
     */
    protected int framesLostToATruncatedFrame() {
        return 0;
    }

    /**
     * How many of {@code garbage}'s bytes the decoder counts as discarded. Default all of them; a
     * line protocol that skips empty lines without counting them overrides it.
     */
    protected long countedAsDiscarded(byte[] garbage) {
        return garbage.length;
    }

    // ---------------------------------------------------------------- helpers

    /** The sample frames back to back. */
    protected final byte[] sampleStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sampleFrames().forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** The frames of the sample stream fed in one piece to a fresh decoder. */
    protected final List<DeviceFrame> cleanFrames() {
        return StreamFeeder.decodeAll(newDecoder(), sampleStream());
    }

    /** How many leading bytes of {@code frame} a fresh decoder needs to emit it ({@code frame.length + 1} if never). */
    protected final int completedAt(byte[] frame) {
        StreamFeeder f = new StreamFeeder(newDecoder());
        for (int k = 0; k < frame.length; k++) {
            f.feed(frame, k, 1);
            if (!f.frames().isEmpty()) {
                return k + 1;
            }
        }
        return frame.length + 1;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- the contract

    @Test
    void sampleGivesOneFramePerSampleAndDiscardsNothing() {
        List<byte[]> samples = sampleFrames();
        assertTrue(samples.size() >= 3, "the kit needs at least three sample frames");
        StreamFeeder f = new StreamFeeder(newDecoder()).feed(sampleStream());
        assertEquals(samples.size(), f.frames().size(), "frames of the sample stream");
        assertEquals(0, f.decoder().discardedBytes(), "bytes discarded from valid frames");
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(1, StreamFeeder.decodeAll(newDecoder(), samples.get(i)).size(), "sample frame " + i);
        }
    }

    @Test
    void splittingAtEveryIndexGivesTheSameFramesAndDiscardCount() {
        byte[] data = concat(garbage(new Random(seed())), sampleStream(), garbage(new Random(seed() + 1)));
        StreamFeeder whole = new StreamFeeder(newDecoder()).feed(data);
        for (int i = 0; i <= data.length; i++) {
            StreamFeeder split = new StreamFeeder(newDecoder()).feed(data, 0, i).feed(data, i, data.length - i);
            assertEquals(whole.frames(), split.frames(), "split at " + i);
            assertEquals(whole.decoder().discardedBytes(), split.decoder().discardedBytes(), "discarded, split at " + i);
            assertEquals(whole.consumed(), split.consumed(), "consumed, split at " + i);
        }
    }

    @Test
    void feedingByteByByteGivesTheSameFramesAndDiscardCount() {
        byte[] data = concat(garbage(new Random(seed())), sampleStream(), garbage(new Random(seed() + 1)));
        StreamFeeder whole = new StreamFeeder(newDecoder()).feed(data);
        StreamFeeder single = new StreamFeeder(newDecoder()).feedByteByByte(data);
        assertEquals(whole.frames(), single.frames());
        assertEquals(whole.decoder().discardedBytes(), single.decoder().discardedBytes());
    }

    @Test
    void garbageBeforeBetweenAndAfterFramesCostsNoFrameAndIsCounted() {
        List<DeviceFrame> clean = cleanFrames();
        Random random = new Random(seed());
        for (int round = 0; round < 100; round++) {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            long garbageBytes = 0;
            for (byte[] frame : sampleFrames()) {
                byte[] g = garbage(random);
                garbageBytes += countedAsDiscarded(g);
                stream.writeBytes(g);
                stream.writeBytes(frame);
            }
            byte[] tail = garbage(random);
            stream.writeBytes(tail);
            byte[] data = stream.toByteArray();
            StreamFeeder f = new StreamFeeder(newDecoder()).feed(data);
            assertEquals(clean, f.frames(), "round " + round);
            // the trailing garbage may still wait in the buffer as a possible frame start
            long discarded = f.decoder().discardedBytes();
            assertTrue(discarded >= garbageBytes && discarded <= garbageBytes + tail.length,
                    "round " + round + ": discarded " + discarded + ", garbage " + garbageBytes + " + " + tail.length);
            assertEquals(f.frames(), new StreamFeeder(newDecoder()).feedByteByByte(data).frames(), "byte by byte, round " + round);
        }
    }

    @Test
    void aFrameTruncatedAnywhereCostsOnlyItself() {
        List<byte[]> samples = sampleFrames();
        List<DeviceFrame> clean = cleanFrames();
        byte[] first = samples.get(0);
        byte[] rest = concat(samples.subList(1, samples.size()).toArray(new byte[0][]));
        int complete = Math.min(completedAt(first), first.length);
        int keep = clean.size() - 1 - framesLostToATruncatedFrame();
        for (int cut = 1; cut < complete; cut++) {
            byte[] data = concat(java.util.Arrays.copyOf(first, cut), rest);
            List<DeviceFrame> frames = new StreamFeeder(newDecoder()).feed(data).frames();
            assertTrue(frames.size() <= clean.size() - 1, "cut at " + cut + ": " + frames.size() + " frames");
            assertTrue(frames.size() >= keep, "cut at " + cut + ": only " + frames.size() + " frames");
            assertEquals(clean.subList(clean.size() - keep, clean.size()), frames.subList(frames.size() - keep, frames.size()),
                    "cut at " + cut);
        }
    }

    @Test
    void aStreamCutShortEmitsNoPartialFrame() {
        byte[] data = sampleStream();
        List<DeviceFrame> clean = cleanFrames();
        for (int cut = 0; cut <= data.length; cut++) {
            List<DeviceFrame> frames = StreamFeeder.decodeAll(newDecoder(), java.util.Arrays.copyOf(data, cut));
            assertEquals(clean.subList(0, frames.size()), frames, "cut at " + cut);
        }
    }

    @Test
    void anOverLongFrameIsGivenUpAtTheBoundAndTheNextFramesDecode() {
        byte[] first = sampleFrames().get(0);
        int complete = Math.min(completedAt(first), first.length);
        // the frame's start, then its body repeated far past the bound, never completed
        ByteArrayOutputStream over = new ByteArrayOutputStream();
        over.write(first, 0, complete - 1);
        int max = newDecoder().maxFrameLength();
        while (over.size() < 3 * max) {
            over.write(first, 1, Math.max(1, complete - 2));
        }
        byte[] overLong = over.toByteArray();
        List<DeviceFrame> clean = cleanFrames();
        StreamFeeder f = new StreamFeeder(newDecoder()).feed(overLong).feed(sampleStream());
        int keep = clean.size() - framesLostToATruncatedFrame();
        assertTrue(f.frames().size() >= keep, f.frames().size() + " frames after an over-long one");
        assertEquals(clean.subList(clean.size() - keep, clean.size()),
                f.frames().subList(f.frames().size() - keep, f.frames().size()));
        assertTrue(f.decoder().discardedBytes() >= overLong.length - max,
                "discarded " + f.decoder().discardedBytes() + " of " + overLong.length + " over-long bytes");
    }

    @Test
    void seededRandomInputNeverThrowsAndTheDecoderResynchronisesWithinOneFrame() {
        List<byte[]> samples = sampleFrames();
        List<DeviceFrame> clean = cleanFrames();
        Random random = new Random(seed());
        for (int round = 0; round < 300; round++) {
            ByteArrayOutputStream noise = new ByteArrayOutputStream();
            for (int piece = random.nextInt(8); piece >= 0; piece--) {
                if (random.nextBoolean()) {
                    byte[] b = new byte[random.nextInt(64)];
                    random.nextBytes(b);
                    noise.writeBytes(b);
                } else {
                    byte[] s = samples.get(random.nextInt(samples.size()));
                    int from = random.nextInt(s.length);
                    noise.write(s, from, random.nextInt(s.length - from + 1));
                }
            }
            byte[] data = noise.toByteArray();
            StreamFeeder f = new StreamFeeder(newDecoder());
            int r = round;
            assertDoesNotThrow(() -> {
                int i = 0;
                while (i < data.length) {
                    int n = Math.min(data.length - i, 1 + random.nextInt(32));
                    f.feed(data, i, n);
                    i += n;
                }
            }, () -> "round " + r);
            int before = f.frames().size();
            f.feed(sampleStream());
            List<DeviceFrame> after = f.frames().subList(before, f.frames().size());
            int keep = clean.size() - 1;
            assertTrue(after.size() >= keep, "round " + round + ": " + after.size() + " frames after the noise");
            assertEquals(clean.subList(clean.size() - keep, clean.size()), after.subList(after.size() - keep, after.size()),
                    "round " + round);
        }
    }

    @Test
    void decodingAgainWithoutNewBytesChangesNothing() {
        Random random = new Random(seed() + 2);
        for (int round = 0; round < 50; round++) {
            byte[] data = concat(garbage(random), sampleStream(), garbage(random));
            data = java.util.Arrays.copyOf(data, random.nextInt(data.length + 1));
            FrameDecoder decoder = newDecoder();
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
}
