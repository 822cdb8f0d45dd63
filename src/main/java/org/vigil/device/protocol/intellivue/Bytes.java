package org.vigil.device.protocol.intellivue;

import java.io.ByteArrayOutputStream;

/** A big-endian message writer (the counterpart of {@link Wire}). */
public final class Bytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    public Bytes u8(int v) {
        out.write(v);
        return this;
    }

    public Bytes u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public Bytes u32(long v) {
        u16((int) (v >>> 16));
        return u16((int) v);
    }

    public Bytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** A u16 length followed by {@code b}. */
    public Bytes counted(byte[] b) {
        return u16(b.length).bytes(b);
    }

    /** A session-layer length indicator: one byte below 255, else 0xFF and a u16. */
    public Bytes li(int length) {
        return length < 0xFF ? u8(length) : u8(0xFF).u16(length);
    }

    public int size() {
        return out.size();
    }

    public byte[] toArray() {
        return out.toByteArray();
    }
}
