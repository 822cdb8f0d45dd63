package org.vigil.device.protocol.masimo;

import org.vigil.device.protocol.StreamFeeder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.device.protocol.masimo.SampleLines.ascii;
import static org.vigil.device.protocol.masimo.SampleLines.concat;
import static org.vigil.device.protocol.masimo.SampleLines.crlf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;

/** Line framing: terminators, partial lines, noise, over-long lines, and chunking independence. */
class MasimoDecoderFramingTest {

    private static final List<String> LINES = SampleLines.sample();
    private static final List<DeviceFrame> CLEAN = StreamFeeder.decodeAll(new MasimoDecoder(), crlf(LINES));

    /** The sample lines with noise of every kind around them. */
    private static byte[] noisyStream() {
        return concat(
                new byte[] {0x00, (byte) 0xFF, 'n', 'o', '1', '2', '/', '3'},
                ascii(LINES.get(0) + "\r\n"),
                ascii("junk without clock\r\n\n\r"),
                ascii(LINES.get(1) + "\n"),
                new byte[] {0x7F, (byte) 0x80, 0x1B},
                ascii(LINES.get(2) + "\r"),
                ascii("03/04/24 10:00:99 X=" + "a".repeat(600) + "\r\n"),
                ascii("02/22/1"),
                ascii(LINES.get(3) + "\r\n"),
                ascii("03/04/24 10:00:05 SN=00000"),
                ascii(LINES.get(4) + "\r\n"),
                ascii("0"));
    }

    @Test
    void sampleLinesGiveOneFrameEach() {
        assertEquals(LINES.size(), CLEAN.size());
    }

    @Test
    void noiseAroundLinesLosesNoFrame() {
        assertEquals(CLEAN, StreamFeeder.decodeAll(new MasimoDecoder(), noisyStream()));
    }

    @Test
    void splittingAtEveryIndexGivesTheSameFramesAndDiscardCount() {
        byte[] data = noisyStream();
        StreamFeeder whole = new StreamFeeder(new MasimoDecoder()).feed(data);
        for (int i = 0; i <= data.length; i++) {
            StreamFeeder split = new StreamFeeder(new MasimoDecoder()).feed(data, 0, i).feed(data, i, data.length - i);
            assertEquals(whole.frames(), split.frames(), "split at " + i);
            assertEquals(whole.decoder().discardedBytes(), split.decoder().discardedBytes(), "discarded, split at " + i);
            assertEquals(whole.consumed(), split.consumed(), "consumed, split at " + i);
        }
    }

    @Test
    void partialLineIsLeftInTheBufferUntilItsTerminatorArrives() {
        byte[] line = ascii(LINES.get(0));
        StreamFeeder feeder = new StreamFeeder(new MasimoDecoder()).feed(line);
        assertEquals(List.of(), feeder.frames());
        assertEquals(0, feeder.consumed());
        assertEquals(line.length, feeder.pending());
        feeder.feed(ascii("\r\n"));
        assertEquals(CLEAN.subList(0, 1), feeder.frames());
    }

    @Test
    void positionStopsAtTheFirstByteOfAPartialLineAfterNoise() {
        byte[] data = concat(ascii("noise!"), ascii(LINES.get(0)));
        ByteBuffer in = ByteBuffer.wrap(data);
        List<DeviceFrame> out = new ArrayList<>();
        MasimoDecoder decoder = new MasimoDecoder();
        decoder.decode(in, out::add);
        assertEquals(6, in.position());
        assertEquals(List.of(), out);
        assertEquals(6, decoder.discardedBytes());
    }

    @Test
    void truncatedLastLineIsNotEmitted() {
        byte[] data = crlf(LINES);
        List<DeviceFrame> frames = StreamFeeder.decodeAll(new MasimoDecoder(), Arrays.copyOf(data, data.length - 2));
        assertEquals(CLEAN.subList(0, LINES.size() - 1), frames);
    }

    @Test
    void lineCutOffByTheNextLineIsDiscardedAndTheNextLineKept() {
        String cut = LINES.get(0).substring(0, 40);
        MasimoDecoder decoder = new MasimoDecoder();
        List<DeviceFrame> frames = new StreamFeeder(decoder).feed(ascii(cut + LINES.get(1) + "\r\n")).frames();
        assertEquals(CLEAN.subList(1, 2), frames);
        assertEquals(40, decoder.discardedBytes());
    }

    @Test
    void noiseBeforeALineWithoutTerminatorBetweenIsDiscardedAndTheLineKept() {
        String noise = "xx@#12/34/5 1";
        MasimoDecoder decoder = new MasimoDecoder();
        List<DeviceFrame> frames = new StreamFeeder(decoder).feed(ascii(noise + LINES.get(0) + "\r\n")).frames();
        assertEquals(CLEAN.subList(0, 1), frames);
        assertEquals(noise.length(), decoder.discardedBytes());
    }

    @Test
    void overLongLineIsDiscardedUpToItsTerminatorAndCounted() {
        String longLine = "03/04/24 10:00:00 SPO2=090% X=" + "a".repeat(600);
        MasimoDecoder decoder = new MasimoDecoder();
        List<DeviceFrame> frames = new StreamFeeder(decoder).feed(ascii(longLine + "\r\n" + LINES.get(0) + "\r\n")).frames();
        assertEquals(CLEAN.subList(0, 1), frames);
        assertEquals(longLine.length(), decoder.discardedBytes());
    }

    @Test
    void endlessNoiseWithoutTerminatorNeverFillsTheBufferAndALaterLineIsKept() {
        byte[] noise = ascii("noise 1/2/3 4:5:6 =% ".repeat(500));
        MasimoDecoder decoder = new MasimoDecoder();
        StreamFeeder feeder = new StreamFeeder(decoder).feed(noise);
        assertTrue(feeder.pending() < decoder.maxFrameLength());
        feeder.feed(ascii(LINES.get(0) + "\r\n"));
        assertEquals(CLEAN.subList(0, 1), feeder.frames());
        assertEquals(noise.length, decoder.discardedBytes());
    }

    @Test
    void lineOfMaximumLengthIsAcceptedAndOneByteMoreIsNot() {
        String head = "03/04/24 10:00:00 SPO2=090% X=";
        String longest = head + "a".repeat(MasimoDecoder.MAX_LINE_LENGTH - head.length());
        assertEquals(MasimoDecoder.MAX_LINE_LENGTH + 2, new MasimoDecoder().maxFrameLength());
        assertEquals(1, StreamFeeder.decodeAll(new MasimoDecoder(), ascii(longest + "\r\n")).size());
        assertEquals(0, StreamFeeder.decodeAll(new MasimoDecoder(), ascii(longest + "a\r\n")).size());
    }

    @Test
    void byteOutsidePrintableAsciiInsideALineDropsThatLine() {
        String line = LINES.get(0);
        int inUnknownField = line.indexOf("PIDELTA=+-") + 9;
        for (int at : new int[] {17, 30, inUnknownField, line.length()}) {
            for (byte bad : new byte[] {0x00, 0x09, 0x7F, (byte) 0x80, (byte) 0xB0, (byte) 0xFF}) {
                byte[] data = concat(ascii(line.substring(0, at)), new byte[] {bad}, ascii(line.substring(at) + "\r\n"),
                        ascii(LINES.get(1) + "\r\n"));
                MasimoDecoder decoder = new MasimoDecoder();
                String where = "byte " + bad + " at " + at;
                assertEquals(CLEAN.subList(1, 2), new StreamFeeder(decoder).feed(data).frames(), where);
                assertEquals(line.length() + 1, decoder.discardedBytes(), where);
            }
        }
    }

    @Test
    void byteOutsidePrintableAsciiBeforeTheClockKeepsTheLine() {
        byte[] data = concat(ascii("ab"), new byte[] {0x00, (byte) 0x9F}, ascii("c" + LINES.get(0) + "\r\n"));
        MasimoDecoder decoder = new MasimoDecoder();
        assertEquals(CLEAN.subList(0, 1), new StreamFeeder(decoder).feed(data).frames());
        assertEquals(5, decoder.discardedBytes());
    }

    @Test
    void everyTerminatorStyleGivesTheSameFrames() {
        for (String terminator : List.of("\r\n", "\n", "\r", "\n\r", "\r\r\n\n")) {
            String stream = String.join(terminator, LINES) + terminator;
            MasimoDecoder decoder = new MasimoDecoder();
            assertEquals(CLEAN, new StreamFeeder(decoder).feed(ascii(stream)).frames(), "terminator " + terminator.length());
            assertEquals(0, decoder.discardedBytes());
        }
    }

    @Test
    void decodesOnlyBetweenPositionAndLimit() {
        byte[] line = ascii(LINES.get(0) + "\r\n");
        byte[] data = concat(ascii("junk"), line, line);
        ByteBuffer in = ByteBuffer.wrap(data).position(4).limit(4 + line.length + 10);
        List<DeviceFrame> out = new ArrayList<>();
        MasimoDecoder decoder = new MasimoDecoder();
        decoder.decode(in, out::add);
        assertEquals(CLEAN.subList(0, 1), out);
        assertEquals(0, decoder.discardedBytes());
        assertEquals(4 + line.length, in.position());
        assertEquals(4 + line.length + 10, in.limit());
    }

    @Test
    void emptyBufferIsLeftAsItIs() {
        ByteBuffer empty = ByteBuffer.allocate(8).flip();
        List<DeviceFrame> out = new ArrayList<>();
        new MasimoDecoder().decode(empty, out::add);
        assertEquals(0, empty.position());
        assertEquals(List.of(), out);
    }
}
