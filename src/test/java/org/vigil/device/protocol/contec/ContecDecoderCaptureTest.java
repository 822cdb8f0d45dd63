package org.vigil.device.protocol.contec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;
import org.vigil.testsupport.ResearchPack;

/** The real CMS50E capture (research pack), decoded whole and split every way, against its golden file. */
class ContecDecoderCaptureTest {

    private final byte[] capture = ContecStreams.capture();

    @Test
    void realCaptureDecodesToTheGoldenFile() throws IOException {
        List<DeviceFrame> frames = ContecStreams.decodeAll(capture);
        String expected;
        try (InputStream in = getClass().getResourceAsStream("titinho11_cms50e_live_capture.expected.csv")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).skip(1).collect(Collectors.joining("\n"));
        }
        assertEquals(expected, String.join("\n", ContecStreams.rows(frames)));
        assertTrue(frames.stream().allMatch(f -> f.identity().isEmpty()),
                "the capture holds real-time packets only: the device id (packet 0x04) was not asked, no identity");
    }

    @Test
    void everyCompletePacketIsTakenAndTheTrailingPartialOneStaysInTheBuffer() {
        ContecDecoder decoder = new ContecDecoder();
        ByteBuffer in = ByteBuffer.wrap(capture);
        decoder.decode(in, f -> { });
        assertEquals(ContecStreams.CAPTURE_PACKETS, decoder.realTimePackets());
        assertEquals(ContecStreams.CAPTURE_PACKETS, ContecStreams.decodeAll(capture).size());
        assertEquals(ContecStreams.CAPTURE_PACKETS * 9, in.position());
        assertEquals(4, capture.length - in.position());
        assertEquals(0, decoder.discardedBytes());
    }

    @Test
    void binaryCaptureIsTheHexTextByteForByte() throws IOException {
        String hex = Files.readString(ResearchPack.file(ContecStreams.FOLDER, ContecStreams.HEX_CAPTURE)).replaceAll("\\s", "");
        assertArrayEquals(HexFormat.of().parseHex(hex), capture);
    }

    @Test
    void everySplitPointGivesTheSameFramesAndDiscardCount() {
        StreamFeeder whole = new StreamFeeder(new ContecDecoder()).feed(capture);
        for (int i = 0; i <= capture.length; i++) {
            StreamFeeder split = new StreamFeeder(new ContecDecoder()).feed(capture, 0, i).feed(capture, i, capture.length - i);
            assertEquals(whole.frames(), split.frames(), "split at " + i);
            assertEquals(whole.consumed(), split.consumed(), "consumed, split at " + i);
            assertEquals(whole.decoder().discardedBytes(), split.decoder().discardedBytes(), "discarded, split at " + i);
        }
    }

    @Test
    void byteByByteGivesTheSameFrames() {
        StreamFeeder single = new StreamFeeder(new ContecDecoder());
        for (int i = 0; i < capture.length; i++) {
            single.feed(capture, i, 1);
        }
        assertEquals(ContecStreams.decodeAll(capture), single.frames());
        assertEquals(0, single.decoder().discardedBytes());
    }

    @Test
    void startingInsideTheFirstPacketDiscardsItsRestAndKeepsTheOthers() {
        for (int from = 1; from < 9; from++) {
            ContecDecoder decoder = new ContecDecoder();
            List<DeviceFrame> frames = new StreamFeeder(decoder).feed(Arrays.copyOfRange(capture, from, capture.length)).frames();
            assertEquals(9 - from, decoder.discardedBytes(), "start at " + from);
            assertEquals(ContecStreams.CAPTURE_PACKETS - 1, decoder.realTimePackets(), "start at " + from);
            assertEquals(ContecStreams.values(ContecStreams.decodeAll(capture)), ContecStreams.values(frames), "start at " + from);
        }
    }

    @Test
    void garbageBetweenEveryPacketOfTheCaptureLosesNoPacket() {
        List<byte[]> parts = new ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        for (int p = 0; p < ContecStreams.CAPTURE_PACKETS; p++) {
            byte[] noise = new byte[random.nextInt(6)];
            for (int k = 0; k < noise.length; k++) {
                noise[k] = (byte) (0x80 | random.nextInt(0x80)); // stray continuation bytes
            }
            parts.add(noise);
            parts.add(Arrays.copyOfRange(capture, p * 9, p * 9 + 9));
        }
        ContecDecoder decoder = new ContecDecoder();
        List<DeviceFrame> frames = new StreamFeeder(decoder).feed(ContecStreams.concat(parts.toArray(new byte[0][]))).frames();
        assertEquals(ContecStreams.decodeAll(Arrays.copyOf(capture, ContecStreams.CAPTURE_PACKETS * 9)), frames);
        assertEquals(ContecStreams.CAPTURE_PACKETS, decoder.realTimePackets());
        assertEquals(parts.stream().mapToInt(b -> b.length).sum() - ContecStreams.CAPTURE_PACKETS * 9, decoder.discardedBytes());
    }
}
