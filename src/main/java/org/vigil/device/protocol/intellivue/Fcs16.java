package org.vigil.device.protocol.intellivue;

/**
 * The frame check sequence of the IntelliVue RS-232 framing: the PPP/HDLC FCS-16 (RFC 1662 §C.2),
 * i.e. CRC-16/CCITT reflected (polynomial 0x8408), initial value 0xFFFF, complemented at the end.
 * It is sent least significant byte first. Checked against the vectors published with the
 * mdpnp IntelliVue driver ({@code 3A 71 → 9B 26}, {@code 3A 91 → 95 C1}).
 */
public final class Fcs16 {

    private static final int[] TABLE = table();

    private Fcs16() {
    }

    /** The FCS of {@code length} bytes of {@code data} from {@code offset}, as a 16-bit value. */
    public static int of(byte[] data, int offset, int length) {
        int fcs = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            fcs = (fcs >>> 8) ^ TABLE[(fcs ^ data[i]) & 0xFF];
        }
        return ~fcs & 0xFFFF;
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int b = 0; b < 256; b++) {
            int v = b;
            for (int k = 0; k < 8; k++) {
                v = (v & 1) != 0 ? (v >>> 1) ^ 0x8408 : v >>> 1;
            }
            t[b] = v;
        }
        return t;
    }
}
