package org.vigil.device.protocol.intellivue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The RS-232 framing of the IntelliVue Data Export interface (MIB/RS232 port, 115200 8N1), from
 * the Philips "Data Export Interface Programming Guide" as implemented by VSCaptureMP, mdpnp and
 * mindleaving:
 *
 * <pre>
 * +------+-------------+----------+-------------+-----------------------+--------------+------+
 * | 0xC0 | protocol_id | msg_type | length      | user data             | FCS          | 0xC1 |
 * | BOF  | 0x11        | 0x01     | u16 BE      | length bytes          | u16 LSB first| EOF  |
 * +------+-------------+----------+-------------+-----------------------+--------------+------+
 *          \________________ FCS-16 ({@link Fcs16}) over these ______/
 * </pre>
 *
 * Transparency: every {@code 0xC0}, {@code 0xC1} or {@code 0x7D} between BOF and EOF (header,
 * user data and FCS) is sent as {@code 0x7D, byte ^ 0x20}. The user data is the same message the
 * LAN interface carries in one UDP datagram ({@link DataExport}).
 *
 * <p>{@link #read} follows the Netty decoder contract: a frame is taken only when its EOF has
 * arrived; a frame whose header, length or FCS is wrong, which holds a bare {@code 0xC0}, an
 * escape before a frame marker, or which has no EOF within {@link #MAX_WIRE_LENGTH} bytes is
 * rejected: its BOF is discarded and the search for the next BOF resumes right after it (a BOF
 * cannot occur inside a frame, so this skips to the next frame). Bytes before a BOF are
 * discarded. A partial frame stays in the buffer, the position at its BOF.
 */
public final class SerialFraming {

    /** Beginning of frame. */
    public static final int BOF = 0xC0;
    /** End of frame. */
    public static final int EOF = 0xC1;
    /** Control escape: the next byte is XOR-ed with 0x20. */
    public static final int ESC = 0x7D;
    /** The header's protocol id: IntelliVue Data Export. */
    public static final int PROTOCOL_ID = 0x11;
    /** The header's message type: AS&amp;P data. */
    public static final int MSG_TYPE = 0x01;
    /**
     * Largest user data accepted: the LAN MTU (1364), above the RS-232 MTU of 1000 bytes that the
     * association negotiates.
     */
    public static final int MAX_USER_DATA = 1364;
    /** Largest frame on the wire: BOF, EOF and every other byte escaped. */
    public static final int MAX_WIRE_LENGTH = 2 + 2 * (4 + MAX_USER_DATA + 2);

    private static final int NEED_MORE = -1;
    private static final int REJECT = -2;

    /** The un-escaped header, user data and FCS of the frame being examined. */
    private final byte[] body = new byte[MAX_WIRE_LENGTH];
    private int bodyLength;
    private long discarded;

    /** Wraps {@code userData} in a complete frame: header, FCS, escaping, BOF and EOF. */
    public static byte[] frame(byte[] userData) {
        if (userData.length > 0xFFFF) {
            throw new IllegalArgumentException("user data longer than 65535 bytes");
        }
        byte[] body = new byte[4 + userData.length + 2];
        body[0] = PROTOCOL_ID;
        body[1] = MSG_TYPE;
        body[2] = (byte) (userData.length >>> 8);
        body[3] = (byte) userData.length;
        System.arraycopy(userData, 0, body, 4, userData.length);
        return wrap(body, 4 + userData.length);
    }

    /**
     * {@code BOF, escaped(body[0..length) and its FCS), EOF}: the transparency and check layer alone.
     * {@code body} has two spare bytes after {@code length} for the FCS.
     */
    static byte[] wrap(byte[] body, int length) {
        int fcs = Fcs16.of(body, 0, length);
        body[length] = (byte) fcs;
        body[length + 1] = (byte) (fcs >>> 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 12);
        out.write(BOF);
        for (int i = 0; i < length + 2; i++) {
            int v = body[i] & 0xFF;
            if (v == BOF || v == EOF || v == ESC) {
                out.write(ESC);
                out.write(v ^ 0x20);
            } else {
                out.write(v);
            }
        }
        out.write(EOF);
        return out.toByteArray();
    }

    /**
     * Hands the user data of every complete, valid frame in {@code in} (position to limit) to
     * {@code out}, in order; on return the position is at the first byte not consumed.
     */
    public void read(ByteBuffer in, Consumer<byte[]> out) {
        int pos = in.position();
        int limit = in.limit();
        while (pos < limit) {
            int start = indexOfBof(in, pos, limit);
            if (start < 0) {
                skip(in, pos, limit);
                return;
            }
            pos = skip(in, pos, start);
            int end = unescape(in, start, limit);
            if (end == NEED_MORE) {
                return;
            }
            byte[] userData = end == REJECT ? null : checkedUserData();
            if (userData == null) {
                pos = skip(in, start, start + 1);
                continue;
            }
            pos = end;
            in.position(pos);
            out.accept(userData);
        }
    }

    /** Bytes skipped so far because they belonged to no valid frame. */
    public long discardedBytes() {
        return discarded;
    }

    private int skip(ByteBuffer in, int from, int to) {
        discarded += to - from;
        in.position(to);
        return to;
    }

    private static int indexOfBof(ByteBuffer in, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if ((in.get(i) & 0xFF) == BOF) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Un-escapes the frame whose BOF is at {@code start} into {@link #body}. Returns the index just
     * after its EOF (the body's length stored in {@link #bodyLength}), or NEED_MORE / REJECT.
     */
    private int unescape(ByteBuffer in, int start, int limit) {
        int n = 0;
        int lastIndex = start + MAX_WIRE_LENGTH - 1;
        int i = start + 1;
        while (i < limit && i <= lastIndex) {
            int b = in.get(i) & 0xFF;
            if (b == EOF) {
                bodyLength = n;
                return i + 1;
            }
            if (b == BOF) {
                return REJECT;
            }
            if (b == ESC) {
                if (i + 1 >= limit) {
                    return i + 1 > lastIndex ? REJECT : NEED_MORE;
                }
                int next = in.get(i + 1) & 0xFF;
                if (next == BOF || next == EOF || next == ESC) {
                    return REJECT;
                }
                b = next ^ 0x20;
                i++;
            }
            if (n == body.length) {
                return REJECT;
            }
            body[n++] = (byte) b;
            i++;
        }
        return i > lastIndex ? REJECT : NEED_MORE;
    }

    /** The user data of the body just un-escaped when it is well formed, or null. */
    private byte[] checkedUserData() {
        int n = bodyLength;
        if (n < 6 || (body[0] & 0xFF) != PROTOCOL_ID || (body[1] & 0xFF) != MSG_TYPE) {
            return null;
        }
        int length = ((body[2] & 0xFF) << 8) | (body[3] & 0xFF);
        if (length != n - 6 || length > MAX_USER_DATA) {
            return null;
        }
        int fcs = (body[n - 2] & 0xFF) | ((body[n - 1] & 0xFF) << 8);
        if (fcs != Fcs16.of(body, 0, n - 2)) {
            return null;
        }
        byte[] userData = new byte[length];
        System.arraycopy(body, 4, userData, 0, length);
        return userData;
    }
}
