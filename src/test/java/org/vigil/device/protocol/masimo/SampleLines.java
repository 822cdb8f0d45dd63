package org.vigil.device.protocol.masimo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Synthetic Rad-8 ASCII 1 lines in the device's layout, for framing and fuzz tests. */
final class SampleLines {

    private SampleLines() {
    }

    /** A Rad-8 line without terminator; second {@code s} of 10:00, serial 0000012345. */
    static String rad8(int s, String spo2, String bpm, String pi, String alarm, String exc) {
        return String.format("03/04/24 10:00:%02d SN=0000012345 SPO2=%s%% BPM=%s PI=%s%% SPCO=--.-%% SPMET=--.-%%"
                + " DESAT=-- PIDELTA=+-- ALARM=%s EXC=%s", s, spo2, bpm, pi, alarm, exc);
    }

    static String rad8(int s, int spo2, int bpm, String pi) {
        return rad8(s, String.format("%03d", spo2), String.format("%03d", bpm), pi, "0000", "000800");
    }

    /** A few varied lines: normal, dashed, sensor off with device alarm, Radical-5 short form. */
    static List<String> sample() {
        List<String> lines = new ArrayList<>();
        lines.add(rad8(1, 97, 72, "03.50"));
        lines.add(rad8(2, 96, 74, "03.41"));
        lines.add(rad8(3, "---", "---", "--.--", "0010", "000824"));
        lines.add("03/04/24 10:00:04 SPO2=095% BPM=080 PI=02.00% ALARM=20 EXC=800");
        lines.add(rad8(5, 98, 70, "12.34"));
        return lines;
    }

    static byte[] crlf(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append("\r\n"));
        return ascii(sb.toString());
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
