package org.vigil.device.protocol.hl7;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Decimals;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.testsupport.ResearchPack;

/** Captures, messages and feeding helpers for the HL7 tests. */
final class Hl7Streams {

    static final String FOLDER = "hl7";
    static final String LINKWATCH = "linkwatch_pcd01_bp_example.hl7.txt";
    static final String GE_B40 = "ge_b40_pcd01_manual_excerpt.hl7.txt";
    static final String UNVERIFIED = "UNVERIFIED_PROVENANCE_monitor_messages.hl7.txt";

    private Hl7Streams() {
    }

    /** A file of the research pack, read (never copied). */
    static byte[] capture(String file) {
        try {
            return Files.readAllBytes(ResearchPack.file(FOLDER, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The capture's lines that are not comments, one message per MSH, each segment ended by CR. */
    static List<String> messages(byte[] capture) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : new String(capture, StandardCharsets.UTF_8).split("\r\n|\r|\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("MSH|")) {
                if (current != null) {
                    out.add(current.toString());
                }
                current = new StringBuilder();
            }
            if (current != null) {
                current.append(line).append('\r');
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    /** The OBX lines of a capture, as written. */
    static List<String> obxLines(byte[] capture) {
        List<String> out = new ArrayList<>();
        for (String line : new String(capture, StandardCharsets.UTF_8).split("\r\n|\r|\n")) {
            if (line.startsWith("OBX|")) {
                out.add(line);
            }
        }
        return out;
    }

    static byte[] mllp(String message) {
        return Hl7Ack.frame(message);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static List<DeviceFrame> decodeAll(Hl7Decoder decoder, byte[] data) {
        List<DeviceFrame> frames = new ArrayList<>();
        decoder.decode(ByteBuffer.wrap(data), frames::add);
        return frames;
    }

    static List<DeviceFrame> decodeFile(Hl7Decoder decoder, byte[] data) {
        List<DeviceFrame> frames = new ArrayList<>();
        decoder.decodeLast(ByteBuffer.wrap(data), frames::add);
        return frames;
    }

    /** Feeds {@code data} in chunks ending at {@code ends} through a buffer, as a link does. */
    static List<DeviceFrame> feed(Hl7Decoder decoder, byte[] data, int[] ends) {
        List<DeviceFrame> frames = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.allocate(data.length + 16);
        int from = 0;
        for (int end : ends) {
            buf.put(data, from, end - from);
            from = end;
            buf.flip();
            decoder.decode(buf, frames::add);
            buf.compact();
        }
        return frames;
    }

    static List<DeviceFrame> decodeByteByByte(Hl7Decoder decoder, byte[] data) {
        int[] ends = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            ends[i] = i + 1;
        }
        return feed(decoder, data, ends);
    }

    /** One line per measurement, then the attributes sorted: what golden tests compare. */
    static String describe(DeviceFrame frame) {
        StringBuilder sb = new StringBuilder();
        for (Measurement m : frame.measurements()) {
            sb.append(m.vital().key()).append('=').append(m.hasValue() ? Decimals.format(m.value()) : "")
                    .append(m.flags().isEmpty() ? "" : " [" + ReadingFlag.text(m.flags()) + "]").append('\n');
        }
        for (Map.Entry<String, String> e : new TreeMap<>(frame.attributes()).entrySet()) {
            sb.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        return sb.toString();
    }
}
