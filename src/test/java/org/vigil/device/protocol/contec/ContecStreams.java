package org.vigil.device.protocol.contec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;
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
        return StreamFeeder.decodeAll(new ContecDecoder(), data);
    }

    /** The frames that carry values (every 60th, or on a change). */
    static List<DeviceFrame> withValues(List<DeviceFrame> frames) {
        return frames.stream().filter(f -> !f.measurements().isEmpty()).toList();
    }

    /**
     * Frames as rows {@code frame,kind,name,value,flags}, as in the golden file: the frames that
     * carry values, then one row summing up the pleth samples of all frames.
     */
    static List<String> rows(List<DeviceFrame> frames) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            DeviceFrame f = frames.get(i);
            int n = i + 1;
            if (f.measurements().isEmpty()) {
                continue;
            }
            for (Measurement m : f.measurements()) {
                rows.add(n + ",measurement," + m.vital().key() + "," + number(m.value()) + "," + ReadingFlag.text(m.flags()));
            }
            for (Map.Entry<String, String> a : new TreeMap<>(f.attributes()).entrySet()) {
                rows.add(n + ",attribute," + a.getKey() + "," + a.getValue() + ",");
            }
            if (!f.flags().isEmpty()) {
                rows.add(n + ",frame,flags,," + ReadingFlag.text(f.flags()));
            }
        }
        String pleth = frames.stream().map(f -> Integer.toString(f.wave().sample(0))).collect(Collectors.joining(","));
        rows.add("all,attribute,pleth," + (frames.isEmpty() ? "" : plethSummary(pleth)) + ",");
        return rows;
    }

    /**
     * {@code n=60 min=8 max=72 sum=1905} for pleth samples: the golden file describes the
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

    /** The measurements of each frame that carries values. */
    static List<String> values(List<DeviceFrame> frames) {
        return withValues(frames).stream().map(f -> f.measurements().toString()).collect(Collectors.toList());
    }

}
