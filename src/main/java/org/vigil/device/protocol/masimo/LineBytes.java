package org.vigil.device.protocol.masimo;

import java.nio.ByteBuffer;

/**
 * Byte-level searches the Masimo framing needs: line terminators, printable ASCII and the device
 * clock {@code dd/dd/dd dd:dd:dd} that starts every line. All indices are absolute buffer indices;
 * the buffer's position is never touched.
 */
final class LineBytes {

    /** The clock's shape: {@code d} is any decimal digit, every other byte must match exactly. */
    static final String SHAPE = "dd/dd/dd dd:dd:dd";

    static final int LENGTH = SHAPE.length();

    private LineBytes() {
    }

    static boolean isPrintable(int b) {
        return b >= 0x20 && b <= 0x7E;
    }

    static boolean isTerminator(int b) {
        return b == '\r' || b == '\n';
    }

    /** Index of the first CR or LF in {@code [from, to)}, or -1. */
    static int indexOfTerminator(ByteBuffer in, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isTerminator(in.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** One past the last byte outside printable ASCII in {@code [from, to)}, or {@code from}. */
    static int afterLastNonPrintable(ByteBuffer in, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (!isPrintable(in.get(i) & 0xFF)) {
                return i + 1;
            }
        }
        return from;
    }

    /** Start of the last complete clock lying wholly inside {@code [from, to)}, or -1. */
    static int lastOccurrence(ByteBuffer in, int from, int to) {
        for (int i = to - LENGTH; i >= from; i--) {
            if (matches(in, i, LENGTH)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The earliest index {@code p} in {@code [from, to)} such that {@code [p, to)} is a proper
     * prefix of a clock (a clock that may still complete with the next bytes), or {@code to}.
     */
    static int firstPartialAtEnd(ByteBuffer in, int from, int to) {
        for (int p = Math.max(from, to - (LENGTH - 1)); p < to; p++) {
            if (matches(in, p, to - p)) {
                return p;
            }
        }
        return to;
    }

    /** True when the {@code n} bytes at {@code at} match the first {@code n} bytes of the shape. */
    private static boolean matches(ByteBuffer in, int at, int n) {
        for (int k = 0; k < n; k++) {
            int b = in.get(at + k) & 0xFF;
            char c = SHAPE.charAt(k);
            if (c == 'd' ? b < '0' || b > '9' : b != c) {
                return false;
            }
        }
        return true;
    }
}
