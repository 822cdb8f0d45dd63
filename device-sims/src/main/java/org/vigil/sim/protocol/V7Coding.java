package org.vigil.sim.protocol;

/**
 * The simulator's side of the Contec V7.0 packet coding: a type byte (bit 7 clear), a high
 * byte (bit 7 set; bit {@code k} = bit 7 of data byte {@code k}) and the data bytes with bit 7
 * forced to 1. Written apart from the station's decoder, so a round trip checks both.
 */
final class V7Coding {

    private V7Coding() {
    }

    /** Writes the packet {@code type, data…} at {@code out[at…]}: {@code 2 + data.length} bytes. */
    static void encode(int type, int[] data, byte[] out, int at) {
        if ((type & 0x80) != 0 || data.length > 7) {
            throw new IllegalArgumentException("type 0x00-0x7F and at most 7 data bytes");
        }
        int high = 0x80;
        for (int k = 0; k < data.length; k++) {
            high |= ((data[k] >> 7) & 1) << k;
            out[at + 2 + k] = (byte) (data[k] | 0x80);
        }
        out[at] = (byte) type;
        out[at + 1] = (byte) high;
    }

    /** The packet {@code type, data…} as a new array. */
    static byte[] packet(int type, int... data) {
        byte[] out = new byte[2 + data.length];
        encode(type, data, out, 0);
        return out;
    }
}
