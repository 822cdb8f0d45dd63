package org.vigil.device.protocol.ivy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.StreamFeeder;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;

/** Test support: the real capture, hand-made messages, and feeding a decoder like a serial port. */
final class IvyStreams {

    static final String CAPTURE = "/captures/ivy/Ivy450C.1.data";
    static final String EXPECTED = "/captures/ivy/Ivy450C.1.expected.csv";
    /** Bytes before the first header in the capture (it starts mid-message). */
    static final int CAPTURE_LEAD = 252;
    /** Length of each message in the capture. */
    static final int CAPTURE_MESSAGE = 562;
    static final int CAPTURE_MESSAGES = 27;

    private IvyStreams() {
    }

    static byte[] resource(String name) {
        try (InputStream in = IvyStreams.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] capture() {
        return resource(CAPTURE);
    }

    /** The n-th (1-based) complete message of the capture. */
    static byte[] captureMessage(int n) {
        int from = CAPTURE_LEAD + (n - 1) * CAPTURE_MESSAGE;
        return Arrays.copyOfRange(capture(), from, from + CAPTURE_MESSAGE);
    }

    /** A message with a flat waveform (0x80) and {@code text} as its parameter lines. */
    static byte[] message(String text) {
        return message(text, 0x80);
    }

    /** A message whose 400 waveform bytes are all {@code waveformByte}. */
    static byte[] message(String text, int waveformByte) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.writeBytes("ANSAR-B ".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 400; i++) {
            out.write(waveformByte);
        }
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        out.write(0xFE);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Decodes {@code data} in one call. */
    static List<DeviceFrame> decodeAll(FrameDecoder decoder, byte[] data) {
        return StreamFeeder.decodeAll(decoder, data);
    }

    /** Feeds one byte per call. */
    static List<DeviceFrame> decodeByteByByte(FrameDecoder decoder, byte[] data) {
        return new StreamFeeder(decoder).feedByteByByte(data).frames();
    }

    /**
     * Appends {@code data} up to each of {@code chunkEnds} (ascending; the last should be
     * {@code data.length}) to a buffer the way a reader thread would ({@link StreamFeeder}).
     */
    static List<DeviceFrame> feed(FrameDecoder decoder, byte[] data, int[] chunkEnds) {
        return new StreamFeeder(decoder).feedChunks(data, chunkEnds).frames();
    }

    /** Frames as rows {@code message,kind,name,value,flags} like the golden file. */
    static List<String> rows(List<DeviceFrame> frames) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            DeviceFrame f = frames.get(i);
            int n = i + 1;
            for (Measurement m : f.measurements()) {
                rows.add(n + ",measurement," + m.vital().key() + "," + number(m.value()) + "," + flags(m.flags()));
            }
            for (Map.Entry<String, String> a : new TreeMap<>(f.attributes()).entrySet()) {
                rows.add(n + ",attribute," + a.getKey() + "," + a.getValue() + ",");
            }
            if (!f.flags().isEmpty()) {
                rows.add(n + ",frame,flags,," + flags(f.flags()));
            }
        }
        return rows;
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String flags(java.util.Set<ReadingFlag> flags) {
        return flags.stream().sorted().map(ReadingFlag::key).collect(Collectors.joining("|"));
    }
}
