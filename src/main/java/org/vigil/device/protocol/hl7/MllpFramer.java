package org.vigil.device.protocol.hl7;

import java.nio.ByteBuffer;

/**
 * Cuts a byte stream into HL7 v2 messages, MLLP-framed or plain, following the
 * {@link org.vigil.device.protocol.FrameDecoder} contract (complete messages only, bounded,
 * resynchronising, never throws, discarded bytes counted).
 *
 * <pre>
 * MLLP (HL7 v2.5.1 Appendix C, "Minimal Lower Layer Protocol"):
 *   +------+------------------------------------------------+------+------+
 *   | 0x0B | MSH|^~\&amp;|...  CR  PID|...  CR  OBX|...  CR   | 0x1C | 0x0D |
 *   +------+------------------------------------------------+------+------+
 *    start  message: segments, each ended by CR               end    CR
 *
 * plain (a file, a log):
 *   MSH|...  EOL  SEG|...  EOL  ...      EOL = CR, LF or CR LF
 *   ends before the next line that is not a segment ("XYZ|", X a capital letter, Y Z capitals or
 *   digits), before the next MSH, or at 0x0B / 0x1C; at the end of the input only on the last call
 * </pre>
 *
 * <ul>
 *   <li>An MLLP frame is at most {@link #MAX_FRAME} bytes from 0x0B to its trailing 0x0D; one
 *       with no 0x1C in its first {@code MAX_FRAME - 1} bytes, or whose 0x1C is not followed by
 *       0x0D, loses its 0x0B and the search resumes right after it (at the next 0x0B).</li>
 *   <li>A 0x0B inside a frame means the frame was cut: the bytes before it are discarded and the
 *       new frame starts there.</li>
 *   <li>Plain messages are read only when the input is known to end ({@code last}: a file); on a
 *       link, MLLP framing is mandatory (HL7 v2.5.1 Appendix C) and text outside a frame is
 *       garbage. This keeps an over-long or broken frame from being read again as plain text.</li>
 *   <li>A plain message is at most {@link #MAX_FRAME} - 3 bytes (the same bound as the content of
 *       a frame), its trailing line ends included.</li>
 *   <li>Anything else is skipped and counted: bytes up to the next 0x0B (or {@code MSH|} in a file).</li>
 * </ul>
 * Decisions depend only on the bytes read, never on where the input was split. Not thread-safe.
 */
final class MllpFramer {

    static final byte START = 0x0B;
    static final byte END = 0x1C;
    static final byte CR = 0x0D;
    static final byte LF = 0x0A;
    /** Largest frame, 0x0B to 0x0D: 64 KiB holds a monitor's message (2 KB) many times over. */
    static final int MAX_FRAME = 65_536;
    private static final int MAX_PLAIN = MAX_FRAME - 3;
    private static final byte[] MSH = {'M', 'S', 'H', '|'};

    private static final int NEED_MORE = -1;
    private static final int REJECT = -2;

    private long discarded;

    /**
     * Hands the content of each complete message in {@code in} to {@code out} (without the MLLP
     * bytes; segments as sent). With {@code last} the input ends here: a plain message running to
     * the end is complete; a frame missing its 0x1C stays in the buffer.
     */
    void frames(ByteBuffer in, boolean last, Sink out) {
        int pos = in.position();
        int limit = in.limit();
        while (pos < limit) {
            byte b = in.get(pos);
            if (b == START) {
                long r = mllp(in, pos, limit, last);
                if (r == NEED_MORE) {
                    break;
                }
                if (r == REJECT) {
                    pos = skip(in, pos, pos + 1);
                    continue;
                }
                int contentEnd = (int) (r >>> 32);
                int next = (int) r;
                if (in.get(contentEnd) == START) {
                    pos = skip(in, pos, contentEnd);
                    continue;
                }
                byte[] content = slice(in, pos + 1, contentEnd);
                int length = next - pos;
                in.position(next);
                pos = next;
                out.message(content, length);
                continue;
            }
            int plain = last ? plainStart(in, pos, limit, true) : 0;
            if (plain == NEED_MORE) {
                break;
            }
            if (plain == 0) {
                int to = nextCandidate(in, pos + 1, limit, last);
                pos = skip(in, pos, to);
                continue;
            }
            long r = plain(in, pos, limit, last);
            if (r == NEED_MORE) {
                break;
            }
            if (r == REJECT) {
                pos = skip(in, pos, pos + 1);
                continue;
            }
            int contentEnd = (int) (r >>> 32);
            int next = (int) r;
            byte[] content = slice(in, pos, contentEnd);
            int length = next - pos;
            in.position(next);
            pos = next;
            out.message(content, length);
        }
        in.position(pos);
    }

    /** Receives each complete message. */
    interface Sink {
        /** {@code content}: the message without MLLP bytes; {@code length}: the bytes it took in the stream. */
        void message(byte[] content, int length);
    }

    long discardedBytes() {
        return discarded;
    }

    private int skip(ByteBuffer in, int from, int to) {
        discarded += to - from;
        in.position(to);
        return to;
    }

    private static byte[] slice(ByteBuffer in, int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = in.get(from + i);
        }
        return bytes;
    }

    /** The first index at or after {@code from} that may start a message (0x0B or 'M'), or {@code limit}. */
    private static int nextCandidate(ByteBuffer in, int from, int limit, boolean plainToo) {
        for (int i = from; i < limit; i++) {
            byte b = in.get(i);
            if (b == START || (plainToo && b == 'M')) {
                return i;
            }
        }
        return limit;
    }

    /** 1 when {@code MSH|} starts at {@code pos}, 0 when not, {@link #NEED_MORE} when the input ends inside a match. */
    private static int plainStart(ByteBuffer in, int pos, int limit, boolean last) {
        for (int k = 0; k < MSH.length; k++) {
            if (pos + k >= limit) {
                return last ? 0 : NEED_MORE;
            }
            if (in.get(pos + k) != MSH[k]) {
                return 0;
            }
        }
        return 1;
    }

    /**
     * The frame starting with the 0x0B at {@code start}: (content end &lt;&lt; 32 | next position),
     * where content end is the index of its 0x1C, or of a 0x0B that cut it short (next is then
     * unused); or {@link #NEED_MORE} / {@link #REJECT}.
     */
    private static long mllp(ByteBuffer in, int start, int limit, boolean last) {
        int lastEnd = start + MAX_FRAME - 2;
        for (int i = start + 1; i < limit; i++) {
            if (i > lastEnd) {
                return REJECT;
            }
            byte b = in.get(i);
            if (b == END) {
                if (i + 1 < limit) {
                    return in.get(i + 1) == CR ? ((long) i << 32) | (i + 2) : REJECT;
                }
                return NEED_MORE;
            }
            if (b == START) {
                return ((long) i << 32) | i;
            }
        }
        return NEED_MORE;
    }

    /** The plain message starting at {@code start}: (content end &lt;&lt; 32 | next position), {@link #NEED_MORE} or {@link #REJECT}. */
    private static long plain(ByteBuffer in, int start, int limit, boolean last) {
        int bound = start + MAX_PLAIN;
        int i = start;
        while (true) {
            // to the end of this line
            while (i < limit && i < bound) {
                byte b = in.get(i);
                if (b == CR || b == LF) {
                    break;
                }
                if (b == START || b == END) {
                    return ((long) i << 32) | i;
                }
                i++;
            }
            if (i >= bound) {
                return REJECT;
            }
            if (i >= limit) {
                return last ? ((long) i << 32) | i : NEED_MORE;
            }
            int lineEnd = i;
            while (i < limit && i < bound && (in.get(i) == CR || in.get(i) == LF)) {
                i++;
            }
            if (i >= bound) {
                return ((long) lineEnd << 32) | bound;
            }
            int segment = segmentStart(in, i, limit);
            if (segment == NEED_MORE) {
                if (!last) {
                    return NEED_MORE;
                }
                segment = 0;
            }
            if (segment == 0) {
                return ((long) lineEnd << 32) | i;
            }
        }
    }

    /** 1 when a segment other than MSH starts at {@code i}, 0 when not, {@link #NEED_MORE} when the input ends first. */
    private static int segmentStart(ByteBuffer in, int i, int limit) {
        for (int k = 0; k < 4; k++) {
            if (i + k >= limit) {
                return NEED_MORE;
            }
            byte b = in.get(i + k);
            boolean ok = k == 0 ? b >= 'A' && b <= 'Z'
                    : k < 3 ? (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    : b == '|';
            if (!ok) {
                return 0;
            }
        }
        boolean msh = in.get(i) == 'M' && in.get(i + 1) == 'S' && in.get(i + 2) == 'H';
        return msh ? 0 : 1;
    }
}
