package org.vigil.device.protocol.ivy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.device.protocol.ivy.IvyStreams.CAPTURE_LEAD;
import static org.vigil.device.protocol.ivy.IvyStreams.CAPTURE_MESSAGE;
import static org.vigil.device.protocol.ivy.IvyStreams.CAPTURE_MESSAGES;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;

/** The real Ivy 450C capture, decoded whole and split every way, against its golden file. */
class IvyDecoderCaptureTest {

    private final byte[] capture = IvyStreams.capture();

    @Test
    void realCaptureDecodesToTheGoldenFile() {
        IvyDecoder decoder = new IvyDecoder();
        List<DeviceFrame> frames = IvyStreams.decodeAll(decoder, capture);

        assertEquals(CAPTURE_MESSAGES, frames.size());
        List<String> expected = new String(IvyStreams.resource(IvyStreams.EXPECTED), StandardCharsets.UTF_8)
                .lines().filter(l -> !l.startsWith("#")).skip(1).collect(Collectors.toList());
        assertEquals(String.join("\n", expected), String.join("\n", IvyStreams.rows(frames)));
        assertTrue(frames.stream().allMatch(f -> f.identity().isEmpty()), "ANSAR-B names no model, serial or software");
    }

    @Test
    void captureStartingMidMessageSkipsOnlyTheLeadingFragment() {
        IvyDecoder decoder = new IvyDecoder();
        ByteBuffer buf = ByteBuffer.wrap(capture);
        List<DeviceFrame> frames = new ArrayList<>();
        decoder.decode(buf, frames::add);

        assertEquals(CAPTURE_MESSAGES, frames.size());
        assertEquals(CAPTURE_LEAD, decoder.discardedBytes());
        assertEquals(capture.length, buf.position());
    }

    @Test
    void startingAnywhereInTheFirstMessageLosesAtMostThatMessage() {
        List<DeviceFrame> all = IvyStreams.decodeAll(new IvyDecoder(), capture);
        for (int from = 0; from <= CAPTURE_LEAD + CAPTURE_MESSAGE; from++) {
            byte[] tail = Arrays.copyOfRange(capture, from, capture.length);
            List<DeviceFrame> frames = IvyStreams.decodeAll(new IvyDecoder(), tail);
            int lost = from <= CAPTURE_LEAD ? 0 : 1;
            assertEquals(all.subList(lost, all.size()), frames, "start at byte " + from);
        }
    }

    @Test
    void everySplitPointOverTheFirstThreeMessagesGivesTheSameFrames() {
        int span = CAPTURE_LEAD + 3 * CAPTURE_MESSAGE;
        byte[] head = Arrays.copyOf(capture, span + CAPTURE_MESSAGE);
        IvyDecoder whole = new IvyDecoder();
        List<DeviceFrame> expected = IvyStreams.decodeAll(whole, head);
        assertEquals(4, expected.size());
        for (int split = 0; split <= span; split++) {
            IvyDecoder decoder = new IvyDecoder();
            List<DeviceFrame> frames = IvyStreams.feed(decoder, head, new int[] {split, head.length});
            assertEquals(expected, frames, "split at " + split);
            assertEquals(whole.discardedBytes(), decoder.discardedBytes(), "discarded, split at " + split);
        }
    }

    @Test
    void everyPairOfSplitPointsInsideTheFirstMessageGivesTheSameFrames() {
        byte[] head = Arrays.copyOf(capture, CAPTURE_LEAD + 2 * CAPTURE_MESSAGE);
        List<DeviceFrame> expected = IvyStreams.decodeAll(new IvyDecoder(), head);
        int first = CAPTURE_LEAD;
        for (int a = first; a <= first + CAPTURE_MESSAGE; a += 3) {
            for (int b = a; b <= first + CAPTURE_MESSAGE; b += 7) {
                List<DeviceFrame> frames = IvyStreams.feed(new IvyDecoder(), head, new int[] {a, b, head.length});
                assertEquals(expected, frames, "splits at " + a + " and " + b);
            }
        }
    }

    @Test
    void byteByByteFeedingOfTheWholeCaptureGivesTheSameFrames() {
        IvyDecoder whole = new IvyDecoder();
        List<DeviceFrame> expected = IvyStreams.decodeAll(whole, capture);
        IvyDecoder decoder = new IvyDecoder();

        assertEquals(expected, IvyStreams.decodeByteByByte(decoder, capture));
        assertEquals(whole.discardedBytes(), decoder.discardedBytes());
    }

    @Test
    void randomChunkSizesGiveTheSameFrames() {
        List<DeviceFrame> expected = IvyStreams.decodeAll(new IvyDecoder(), capture);
        Random random = new Random(450);
        for (int round = 0; round < 50; round++) {
            List<Integer> ends = new ArrayList<>();
            int at = 0;
            while (at < capture.length) {
                at = Math.min(capture.length, at + 1 + random.nextInt(700));
                ends.add(at);
            }
            int[] chunkEnds = ends.stream().mapToInt(Integer::intValue).toArray();
            assertEquals(expected, IvyStreams.feed(new IvyDecoder(), capture, chunkEnds), "round " + round);
        }
    }
}
