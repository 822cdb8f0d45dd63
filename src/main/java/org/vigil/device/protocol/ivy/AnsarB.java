package org.vigil.device.protocol.ivy;

import java.nio.charset.StandardCharsets;

/** Byte layout constants of one ANSAR-B message (see {@link IvyDecoder} for the drawing). */
final class AnsarB {

    /** First byte of every message. */
    static final int START = 0xFF;
    /** Last byte of every message. */
    static final int END = 0xFE;
    /** The eight ASCII bytes after {@link #START}, trailing space included. */
    static final byte[] HEADER = "ANSAR-B ".getBytes(StandardCharsets.US_ASCII);
    /** Waveform bytes after the header: ECG 200, Resp 50, Pleth 50, P1 50, P2 50. */
    static final int WAVEFORM_LENGTH = 400;
    /** Offset of the first text byte from the start byte. */
    static final int TEXT_OFFSET = 1 + 8 + WAVEFORM_LENGTH;
    /** Ends each parameter line. */
    static final char LINE_END = '\r';
    /** Upper bound of one message, start and end bytes included (a real one is about 560). */
    static final int MAX_MESSAGE_LENGTH = 2048;

    private AnsarB() {
    }

    /** True for the bytes allowed in the text part: printable ASCII, CR and LF. */
    static boolean isTextByte(int b) {
        return (b >= 0x20 && b <= 0x7E) || b == '\r' || b == '\n';
    }
}
