package org.vigil.device.protocol.ivy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.device.protocol.ivy.IvyStreams.CAPTURE_MESSAGE;
import static org.vigil.device.protocol.ivy.IvyStreams.captureMessage;
import static org.vigil.device.protocol.ivy.IvyStreams.concat;
import static org.vigil.device.protocol.ivy.IvyStreams.decodeAll;
import static org.vigil.device.protocol.ivy.IvyStreams.message;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;

/** Framing on a noisy line: garbage, false starts, truncated, over-long and corrupt messages. */
class IvyDecoderResyncTest {

    private static final byte[] HEADER = "ANSAR-B ".getBytes(StandardCharsets.US_ASCII);

    private final List<DeviceFrame> reference = decodeAll(new IvyDecoder(), concat(captureMessage(1), captureMessage(2)));

    @Test
    void truncatedMessageIsDroppedAndTheNextOneDecoded() {
        byte[] first = captureMessage(1);
        for (int cut = 1; cut < CAPTURE_MESSAGE; cut++) {
            byte[] data = concat(Arrays.copyOf(first, cut), captureMessage(2), captureMessage(3));
            IvyDecoder decoder = new IvyDecoder();

            List<DeviceFrame> frames = decodeAll(decoder, data);

            assertEquals(2, frames.size(), "cut after " + cut + " bytes");
            assertEquals(cut, decoder.discardedBytes(), "cut after " + cut + " bytes");
        }
    }

    @Test
    void truncatedMessageWhoseTextWindowFallsOnTheNextMessageIsRejected() {
        byte[] next = message("HR=1;70;ECG-II;\r", ' ');
        for (int cut = 9; cut < 400; cut += 13) {
            byte[] data = concat(Arrays.copyOf(message("", ' '), cut), next);
            IvyDecoder decoder = new IvyDecoder();

            List<DeviceFrame> frames = decodeAll(decoder, data);

            assertEquals(decodeAll(new IvyDecoder(), next), frames, "cut after " + cut + " bytes");
            assertEquals(cut, decoder.discardedBytes(), "cut after " + cut + " bytes");
        }
    }

    @Test
    void truncatedMessageAtTheEndOfTheBufferIsKeptForMoreBytes() {
        byte[] first = captureMessage(1);
        for (int cut = 1; cut < CAPTURE_MESSAGE; cut++) {
            ByteBuffer buf = ByteBuffer.wrap(concat(new byte[] {0x41, 0x0D}, Arrays.copyOf(first, cut)));
            IvyDecoder decoder = new IvyDecoder();
            List<DeviceFrame> frames = new ArrayList<>();

            decoder.decode(buf, frames::add);

            assertTrue(frames.isEmpty());
            assertEquals(2, buf.position(), "cut after " + cut + " bytes");
            assertEquals(2, decoder.discardedBytes());
        }
    }

    @Test
    void messageOfExactlyTheMaximumLengthIsDecoded() {
        IvyDecoder decoder = new IvyDecoder();
        byte[] longest = message(padded("HR=1;64;ECG-II;\r", decoder.maxFrameLength()));
        assertEquals(decoder.maxFrameLength(), longest.length);

        List<DeviceFrame> frames = decodeAll(decoder, concat(longest, captureMessage(1)));

        assertEquals(2, frames.size());
        assertEquals(64.0, frames.get(0).measurements().get(0).value());
    }

    @Test
    void overLongMessageIsDiscardedAndTheNextOneDecoded() {
        IvyDecoder decoder = new IvyDecoder();
        byte[] tooLong = message(padded("HR=1;64;ECG-II;\r", decoder.maxFrameLength() + 1));
        byte[] data = concat(tooLong, captureMessage(1));

        List<DeviceFrame> frames = decodeAll(decoder, data);

        assertEquals(List.of(reference.get(0)), frames);
        assertEquals(tooLong.length, decoder.discardedBytes());
        assertEquals(frames, IvyStreams.decodeByteByByte(new IvyDecoder(), data));
    }

    @Test
    void endlessTextWithoutEndMarkerIsGivenUpAtTheBound() {
        IvyDecoder decoder = new IvyDecoder();
        byte[] endless = message(padded("", 4 * decoder.maxFrameLength()));
        ByteBuffer buf = ByteBuffer.wrap(Arrays.copyOf(endless, endless.length - 1));

        decoder.decode(buf, f -> { });

        assertEquals(buf.limit(), buf.position(), "nothing left waiting: no 0xFF after the first");
        assertEquals(buf.limit(), decoder.discardedBytes());
    }

    @Test
    void nonPrintableByteInTheTextDiscardsTheMessage() {
        for (int controlByte : new int[] {0x00, 0x07, 0x1B, 0x7F, 0x80, 0xC3}) {
            byte[] bad = captureMessage(1);
            bad[AnsarB.TEXT_OFFSET + 5] = (byte) controlByte;
            IvyDecoder decoder = new IvyDecoder();

            List<DeviceFrame> frames = decodeAll(decoder, concat(bad, captureMessage(2)));

            assertEquals(List.of(reference.get(1)), frames, "byte 0x" + Integer.toHexString(controlByte));
            assertEquals(CAPTURE_MESSAGE, decoder.discardedBytes());
        }
    }

    @Test
    void textThatIsNotParameterLinesDiscardsTheMessage() {
        for (String text : new String[] {"hello\r", "HR;80;\r", "=1;80;;\r", "HR=x;80;;\r", "HR=99;1;\r"}) {
            IvyDecoder decoder = new IvyDecoder();
            List<DeviceFrame> frames = decodeAll(decoder, concat(message(text), captureMessage(1)));
            assertEquals(List.of(reference.get(0)), frames, text);
        }
    }

    @Test
    void startByteWithoutHeaderIsSkipped() {
        byte[] noise = concat(new byte[] {(byte) 0xFF, (byte) 0xFF}, bytes(0xFF, "ANSAR-C "), bytes(0xFF, "ansar-b "),
                new byte[] {(byte) 0xFE, (byte) 0xFF});
        IvyDecoder decoder = new IvyDecoder();

        List<DeviceFrame> frames = decodeAll(decoder, concat(noise, captureMessage(1)));

        assertEquals(List.of(reference.get(0)), frames);
        assertEquals(noise.length, decoder.discardedBytes());
    }

    @Test
    void partialHeaderAtTheEndWaitsButAMismatchDoesNot() {
        IvyDecoder decoder = new IvyDecoder();
        ByteBuffer matching = ByteBuffer.wrap(concat(new byte[] {1, 2, 3}, bytes(0xFF, "ANSAR")));
        decoder.decode(matching, f -> { });
        assertEquals(3, matching.position());

        ByteBuffer mismatching = ByteBuffer.wrap(concat(new byte[] {1, 2, 3}, bytes(0xFF, "ANSAX")));
        decoder.decode(mismatching, f -> { });
        assertEquals(mismatching.limit(), mismatching.position());
        assertEquals(3 + mismatching.limit(), decoder.discardedBytes());
    }

    @Test
    void messageEndingTheBufferIsConsumedCompletely() {
        ByteBuffer buf = ByteBuffer.wrap(captureMessage(1));
        List<DeviceFrame> frames = new ArrayList<>();

        new IvyDecoder().decode(buf, frames::add);

        assertEquals(1, frames.size());
        assertEquals(buf.limit(), buf.position());
    }

    @Test
    void decodesFromTheBuffersPositionToItsLimitOnly() {
        byte[] m = captureMessage(1);
        byte[] data = concat(new byte[] {(byte) 0xFF, 0x00}, m, bytes(0xFF, "ANSAR-B "));
        ByteBuffer buf = ByteBuffer.wrap(data, 2, m.length).asReadOnlyBuffer();
        List<DeviceFrame> frames = new ArrayList<>();
        IvyDecoder decoder = new IvyDecoder();

        decoder.decode(buf, frames::add);

        assertEquals(List.of(reference.get(0)), frames);
        assertEquals(0, decoder.discardedBytes());
        assertEquals(2 + m.length, buf.position());
    }

    /** Valid lines: {@code first} then unknown {@code X=1;0;;} lines, to a message of {@code total} bytes. */
    private static String padded(String first, int total) {
        StringBuilder text = new StringBuilder(first);
        int room = total - AnsarB.TEXT_OFFSET - 1;
        while (text.length() + 8 <= room) {
            text.append("X=1;0;;\r");
        }
        while (text.length() < room) {
            text.insert(first.length(), 'X');
        }
        return text.toString();
    }

    private static byte[] bytes(int first, String ascii) {
        return concat(new byte[] {(byte) first}, ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
