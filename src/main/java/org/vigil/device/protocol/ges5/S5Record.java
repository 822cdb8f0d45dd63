package org.vigil.device.protocol.ges5;

import java.nio.ByteBuffer;

/**
 * One Datex-Ohmeda record as it was between two flags: unescaped, its length and checksum
 * checked. Reads its little-endian fields.
 */
final class S5Record {

    private final byte[] bytes;

    private S5Record(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The record escaped in {@code in[from, to)} (the bytes between the two {@code 7E}), or null
     * when it is not one: an escape other than {@code 7D 5E} / {@code 7D 5D}, shorter than a
     * header and its checksum, longer than {@link Dri#MAX_RECORD}, {@code r_len} not the number of
     * bytes before the checksum, a checksum that is not the 8-bit sum of those bytes, or a PHDB
     * subrecord list that points outside the record.
     */
    static S5Record parse(ByteBuffer in, int from, int to) {
        if (to - from < Dri.HEADER + 1 || to - from > 2 * (Dri.MAX_RECORD + 1)) {
            return null;
        }
        byte[] raw = new byte[to - from];
        in.get(from, raw);
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            int b = raw[i] & 0xFF;
            if (b == Dri.ESC) {
                if (++i == raw.length) {
                    return null;
                }
                int e = raw[i] & 0xFF;
                if (e == Dri.ESCAPED_FLAG) {
                    b = Dri.FLAG;
                } else if (e == Dri.ESCAPED_ESC) {
                    b = Dri.ESC;
                } else {
                    return null;
                }
            }
            raw[n++] = (byte) b;
        }
        int length = n - 1;
        if (length < Dri.HEADER || length > Dri.MAX_RECORD) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += raw[i];
        }
        byte[] record = java.util.Arrays.copyOf(raw, length);
        S5Record r = new S5Record(record);
        if ((sum & 0xFF) != (raw[length] & 0xFF) || r.i16(Dri.R_LEN) != length || !r.subrecordsInside()) {
            return null;
        }
        return r;
    }

    int length() {
        return bytes.length;
    }

    int mainType() {
        return i16(Dri.R_MAINTYPE);
    }

    /** {@code r_time}: the monitor's clock, Unix seconds. */
    long time() {
        return u32(Dri.R_TIME);
    }

    int driLevel() {
        return u8(Dri.DRI_LEVEL);
    }

    /** Subrecords listed in the header before the end marker. */
    int subrecordCount() {
        for (int i = 0; i < Dri.SR_DESC_COUNT; i++) {
            if (subrecordType(i) == Dri.EOL_SUBR_LIST) {
                return i;
            }
        }
        return Dri.SR_DESC_COUNT;
    }

    int subrecordType(int index) {
        return u8(Dri.SR_DESC + index * Dri.SR_DESC_SIZE + 2);
    }

    /** Where subrecord {@code index} starts in this record. */
    int subrecordStart(int index) {
        return Dri.HEADER + i16(Dri.SR_DESC + index * Dri.SR_DESC_SIZE);
    }

    private boolean subrecordsInside() {
        if (mainType() != Dri.MT_PHDB) {
            return true;
        }
        for (int i = 0; i < subrecordCount(); i++) {
            int start = subrecordStart(i);
            if (subrecordType(i) >= Dri.PH_DISPL && subrecordType(i) <= 4
                    && (start < Dri.HEADER || start + Dri.PHDB_SIZE > bytes.length)) {
                return false;
            }
        }
        return true;
    }

    int u8(int at) {
        return bytes[at] & 0xFF;
    }

    int i16(int at) {
        return (short) ((bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8);
    }

    int u16(int at) {
        return i16(at) & 0xFFFF;
    }

    long u32(int at) {
        return (u16(at) | (long) u16(at + 2) << 16) & 0xFFFFFFFFL;
    }
}
