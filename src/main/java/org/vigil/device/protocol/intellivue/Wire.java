package org.vigil.device.protocol.intellivue;

import java.nio.charset.StandardCharsets;

/**
 * A big-endian reader over one message, bounded to a window: reading past the window throws
 * {@link Malformed}, which the parsers catch, so a short or lying length never reads outside the
 * message. Not thread-safe.
 */
final class Wire {

    /** A message that does not have the structure its lengths and types announce. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] data;
    private int pos;
    private final int end;

    Wire(byte[] data) {
        this(data, 0, data.length);
    }

    private Wire(byte[] data, int from, int end) {
        this.data = data;
        this.pos = from;
        this.end = end;
    }

    int remaining() {
        return end - pos;
    }

    int u8() throws Malformed {
        need(1);
        return data[pos++] & 0xFF;
    }

    int u16() throws Malformed {
        need(2);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32() throws Malformed {
        need(4);
        long v = ((long) (data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16)
                | ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    byte[] bytes(int n) throws Malformed {
        need(n);
        byte[] b = new byte[n];
        System.arraycopy(data, pos, b, 0, n);
        pos += n;
        return b;
    }

    void skip(int n) throws Malformed {
        need(n);
        pos += n;
    }

    /** A reader over the next {@code n} bytes; this reader moves past them. */
    Wire window(int n) throws Malformed {
        need(n);
        Wire w = new Wire(data, pos, pos + n);
        pos += n;
        return w;
    }

    /**
     * An IntelliVue {@code String}: u16 byte length, then the text (ASCII or UTF-16BE as the
     * monitor is set; here read as Latin-1 with NULs dropped), trimmed at the first NUL.
     */
    String string() throws Malformed {
        int n = u16();
        byte[] b = bytes(n);
        boolean wide = n >= 2 && n % 2 == 0 && b[0] == 0 && b[1] != 0;
        String s = wide ? new String(b, StandardCharsets.UTF_16BE) : new String(b, StandardCharsets.ISO_8859_1);
        int nul = s.indexOf('\0');
        return (nul >= 0 ? s.substring(0, nul) : s).trim();
    }

    private void need(int n) throws Malformed {
        if (n < 0 || n > end - pos) {
            throw new Malformed("needs " + n + " bytes, " + (end - pos) + " left");
        }
    }
}
