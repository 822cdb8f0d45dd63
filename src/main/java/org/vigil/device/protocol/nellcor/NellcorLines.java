package org.vigil.device.protocol.nellcor;

import java.nio.ByteBuffer;

/**
 * Byte-level helpers of {@link NellcorDecoder}: line terminators, printable ASCII, and the
 * {@code dd-MMM-yy HH:mm:ss} stamp that starts every data line.
 */
final class NellcorLines {

    /** Length of the stamp {@code 07-Jan-04 11:24:54}. */
    static final int STAMP_LENGTH = 18;

    /** The stamp's shape: {@code d} digit, {@code a} ASCII letter, anything else itself. */
    private static final String SHAPE = "dd-aaa-dd dd:dd:dd";

    private NellcorLines() {
    }

    static boolean isTerminator(int b) {
        return b == '\r' || b == '\n';
    }

    /** Printable ASCII or a tab. */
    static boolean isPrintable(int b) {
        return (b >= 0x20 && b < 0x7F) || b == '\t';
    }

    static int indexOfTerminator(ByteBuffer in, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (isTerminator(in.get(i) & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    /** The index after the last byte in {@code [from, to)} that is not printable, or {@code from}. */
    static int afterLastNonPrintable(ByteBuffer in, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (!isPrintable(in.get(i) & 0xFF)) {
                return i + 1;
            }
        }
        return from;
    }

    /** The start of the last whole stamp in {@code [from, to)}, or -1. */
    static int lastStamp(ByteBuffer in, int from, int to) {
        for (int i = to - STAMP_LENGTH; i >= from; i--) {
            if (matches(in, i, STAMP_LENGTH)) {
                return i;
            }
        }
        return -1;
    }

    /** The first index in {@code [from, to)} from which the bytes up to {@code to} could begin a stamp, or {@code to}. */
    static int firstPartialStamp(ByteBuffer in, int from, int to) {
        for (int i = Math.max(from, to - STAMP_LENGTH + 1); i < to; i++) {
            if (matches(in, i, to - i)) {
                return i;
            }
        }
        return to;
    }

    /** The {@code length} bytes at {@code at} follow the first {@code length} characters of the stamp's shape. */
    private static boolean matches(ByteBuffer in, int at, int length) {
        for (int k = 0; k < length; k++) {
            int b = in.get(at + k) & 0xFF;
            char c = SHAPE.charAt(k);
            boolean ok = switch (c) {
                case 'd' -> b >= '0' && b <= '9';
                case 'a' -> (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
                default -> b == c;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
