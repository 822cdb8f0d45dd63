package org.vigil.device.protocol.nonin;

import java.io.ByteArrayOutputStream;
import java.util.function.IntUnaryOperator;

/** Builds Nonin frames and packets byte by byte from the spec. */
final class NoninBytes {

    static final int STATUS = 0x80;
    static final int SYNC = 0x01;

    private NoninBytes() {
    }

    /** One DF2 frame {@code 01 status pleth float chk}. */
    static byte[] df2Frame(int status, int pleth, int value) {
        return withChecksum(0x01, status, pleth, value);
    }

    /** One DF7 frame {@code status plethMsb plethLsb float chk}. */
    static byte[] df7Frame(int status, int pleth, int value) {
        return withChecksum(status, pleth >> 8 & 0xFF, pleth & 0xFF, value);
    }

    static byte[] withChecksum(int b1, int b2, int b3, int b4) {
        return new byte[] {(byte) b1, (byte) b2, (byte) b3, (byte) b4, (byte) (b1 + b2 + b3 + b4)};
    }

    /**
     * A 25-frame packet: frame k (0-based) has status {@code 0x80 | status(k)} (plus SYNC on frame
     * 0), pleth {@code pleth(k)} and FLOAT {@code floats[k]}.
     */
    static byte[] packet(NoninFormat format, IntUnaryOperator status, IntUnaryOperator pleth, int[] floats) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < 25; k++) {
            int s = STATUS | status.applyAsInt(k) | (k == 0 ? SYNC : 0);
            int p = pleth.applyAsInt(k);
            out.writeBytes(format == NoninFormat.DF2 ? df2Frame(s, p, floats[k]) : df7Frame(s, p, floats[k]));
        }
        return out.toByteArray();
    }

    /** FLOAT bytes of a packet reporting {@code hr} and {@code spo2} (also as the display values), revision 0x30. */
    static int[] floats(int hr, int spo2) {
        int[] f = new int[25];
        f[0] = hr >> 7 & 0x03;
        f[1] = hr & 0x7F;
        f[2] = spo2;
        f[3] = 0x30;
        f[8] = spo2;
        f[19] = hr >> 7 & 0x03;
        f[20] = hr & 0x7F;
        return f;
    }

    static byte[] packet(NoninFormat format, int hr, int spo2, int statusBits) {
        return packet(format, k -> statusBits, k -> 100 + k, floats(hr, spo2));
    }

    /** A DF8 record. */
    static byte[] df8(int statusBits, int hr, int spo2, int status2) {
        return new byte[] {(byte) (0x80 | statusBits | (hr >> 7 & 0x03)), (byte) (hr & 0x7F), (byte) spo2, (byte) status2};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] hex(String text) {
        String[] parts = text.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }
}
