package org.vigil.device.protocol.contec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.testsupport.ResearchPack;

/** Test support: the real CMS50E capture, hand-made packets, and feeding a decoder like a serial port. */
final class ContecStreams {

    static final String FOLDER = "contec";
    static final String CAPTURE = "titinho11_cms50e_live_capture.bin";
    static final String HEX_CAPTURE = "titinho11_cms50e_live_capture.hextext";
    /** Complete real-time packets in the capture; 4 bytes of a 103rd follow. */
    static final int CAPTURE_PACKETS = 102;

    private ContecStreams() {
    }

    static byte[] capture() {
        try {
            return Files.readAllBytes(ResearchPack.file(FOLDER, CAPTURE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real-time packet with these fields (data bytes before the high-bit coding). */
    static byte[] realTime(int status, int pleth, int bar, int pr, int spo2, int pi) {
        return packet(0x01, status, pleth, bar, pr, spo2, pi & 0xFF, pi >> 8 & 0xFF);
    }

    /** A steady finger-in packet: signal 5, pleth 50, PI valid. */
    static byte[] realTime(int pr, int spo2, int pi) {
        return realTime(5, 50, 6, pr, spo2, pi);
    }

    /** The coded packet: type, high byte with bit 7 of each data byte, data bytes with bit 7 set. */
    static byte[] packet(int type, int... data) {
        byte[] out = new byte[2 + data.length];
        out[0] = (byte) type;
        int high = 0x80;
        for (int k = 0; k < data.length; k++) {
            high |= (data[k] >> 7 & 1) << k;
            out[2 + k] = (byte) (data[k] | 0x80);
        }
        out[1] = (byte) high;
        return out;
    }

    static byte[] repeat(byte[] packet, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            out.writeBytes(packet);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Frames of {@code data} fed in one piece to a fresh decoder. */
    static List<DeviceFrame> decodeAll(byte[] data) {
        return new Feeder(new ContecDecoder()).feed(data).frames();
    }

    /** Frames as rows {@code frame,kind,name,value,flags}, as in the golden file. */
    static List<String> rows(List<DeviceFrame> frames) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            DeviceFrame f = frames.get(i);
            int n = i + 1;
            for (Measurement m : f.measurements()) {
                rows.add(n + ",measurement," + m.vital().key() + "," + number(m.value()) + "," + ReadingFlag.text(m.flags()));
            }
            for (Map.Entry<String, String> a : new TreeMap<>(f.attributes()).entrySet()) {
                String value = a.getKey().equals("pleth") ? plethSummary(a.getValue()) : a.getValue();
                rows.add(n + ",attribute," + a.getKey() + "," + value + ",");
            }
            if (!f.flags().isEmpty()) {
                rows.add(n + ",frame,flags,," + ReadingFlag.text(f.flags()));
            }
        }
        return rows;
    }

    /**
     * {@code n=60 min=8 max=72 sum=1905} for a pleth attribute: the golden file describes the
     * samples without holding them (the capture's licence keeps its content out of the repository).
     */
    static String plethSummary(String pleth) {
        java.util.IntSummaryStatistics s = java.util.Arrays.stream(pleth.split(",")).mapToInt(Integer::parseInt).summaryStatistics();
        return "n=" + s.getCount() + " min=" + s.getMin() + " max=" + s.getMax() + " sum=" + s.getSum();
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The measurements of each frame, without the attributes (pleth batches depend on where a stream starts). */
    static List<String> values(List<DeviceFrame> frames) {
        return frames.stream().map(f -> f.measurements().toString()).collect(Collectors.toList());
    }

    /**
     * Plays the decoder's caller the way a connection does: appends each chunk to a buffer of
     * exactly {@link FrameDecoder#maxFrameLength()} bytes, decodes, compacts. Fails when the
     * decoder leaves a full buffer unconsumed, or moves the position backwards or past the limit.
     */
    static final class Feeder {

        private final FrameDecoder decoder;
        private final ByteBuffer buffer;
        private final List<DeviceFrame> frames = new ArrayList<>();
        private long consumed;

        Feeder(FrameDecoder decoder) {
            this.decoder = decoder;
            this.buffer = ByteBuffer.allocate(decoder.maxFrameLength());
        }

        Feeder feed(byte[] data) {
            return feed(data, 0, data.length);
        }

        Feeder feed(byte[] data, int off, int len) {
            int i = off;
            int end = off + len;
            while (i < end) {
                if (!buffer.hasRemaining()) {
                    throw new AssertionError("decoder left a full buffer of " + buffer.capacity() + " bytes unconsumed");
                }
                int n = Math.min(buffer.remaining(), end - i);
                buffer.put(data, i, n);
                i += n;
                buffer.flip();
                int before = buffer.position();
                int limit = buffer.limit();
                decoder.decode(buffer, frames::add);
                if (buffer.position() < before || buffer.position() > limit || buffer.limit() != limit) {
                    throw new AssertionError("position moved from " + before + " to " + buffer.position()
                            + " (limit " + limit + " -> " + buffer.limit() + ")");
                }
                consumed += buffer.position() - before;
                buffer.compact();
            }
            return this;
        }

        List<DeviceFrame> frames() {
            return frames;
        }

        long consumed() {
            return consumed;
        }

        int pending() {
            return buffer.position();
        }

        FrameDecoder decoder() {
            return decoder;
        }
    }
}
