package org.vigil.device.protocol.ivy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;

/**
 * Decodes the "ANSAR-B" serial output of the Ivy 450C bedside monitor (9600 8N1, one message
 * per second) into one {@link DeviceFrame} per message.
 *
 * <pre>
 * offset  0      1..8         9..208    209..258   259..308    309..358  359..408  409..e-1       e
 *       +------+------------+---------+----------+-----------+---------+---------+--------------+------+
 *       | 0xFF | "ANSAR-B " | ECG 200 | Resp 50  | Pleth 50  | P1 50   | P2 50   | text lines   | 0xFE |
 *       +------+------------+---------+----------+-----------+---------+---------+--------------+------+
 *        start   8 ASCII     400 waveform bytes, 8 bit each (skipped)            ASCII + CR       end
 *
 * text line:  NAME=n;v1;...;vn;label;CR     (n value fields, empty field = no value)
 * e.g.        HR=1;80;ECG-II-DIAG;CR  RR=1;35;APNEA: 20 SEC;CR  ETCO2=1;;;CR  SPO2=1;100;PR=80 ;CR
 *             NIBP=4;121;75;92;80;;CR  P1=3;111;73;88;;CR  P2=3;;;;NO TRANSDUCER;CR  T1=1;;;CR  T2=1;;;CR
 * </pre>
 *
 * The message carries no length and no checksum. The waveforms are skipped by their length
 * (never scanned for markers) and ignored; the text part runs to the first {@code 0xFE}. A
 * message cut short inside its waveforms therefore swallows the next message's header; the next
 * message is still recovered whenever the misplaced text window fails the checks below, which
 * real waveforms (and the simulator's) practically always make it do.
 *
 * <p>Each frame carries, for each of these lines present in the message: {@code HR} → HR;
 * {@code RR} → RR; {@code SPO2} → SPO2 and PR (from the label {@code PR=nn}); {@code NIBP}
 * (sys;dia;mean;pulse) → NIBP_SYS, NIBP_DIA, NIBP_MEAN and the attribute {@code nibp_pulse}.
 * An empty field is a {@link org.vigil.domain.Measurement#absent absent} measurement. The label
 * of each of {@code HR RR ETCO2 SPO2 NIBP P1 P2 T1 T2}, trimmed and when not empty, is the
 * attribute {@code hr_label}, {@code rr_label}, …; other lines are ignored. By station convention
 * (the monitor's own measuring text is not public) a NIBP label containing {@code INFLAT} or
 * {@code MEASUR}, any case, flags the NIBP measurements and the frame
 * {@link org.vigil.domain.ReadingFlag#CUFF_INFLATING}; the station's simulator sends
 * {@code INFLATING} while the cuff is up.
 *
 * <p>Framing follows {@link FrameDecoder}:
 * <ul>
 *   <li>bytes before a {@code 0xFF} are discarded (a capture or connection that starts in the
 *       middle of a message skips to the first header);</li>
 *   <li>a {@code 0xFF} not followed by {@code "ANSAR-B "} is discarded; when the buffer ends
 *       before the header is complete and what is there matches, the decoder waits;</li>
 *   <li>a message is at most 2048 bytes ({@link #maxFrameLength()}); a byte in the text part
 *       that is neither printable ASCII nor CR/LF, a line without the {@code NAME=<n>;} form, or
 *       no {@code 0xFE} within the bound make the message corrupt: its {@code 0xFF} is discarded
 *       and the search for the next header resumes right after it;</li>
 *   <li>a partial message stays in the buffer, the position at its {@code 0xFF}.</li>
 * </ul>
 * Not thread-safe: one instance per connection.
 */
public final class IvyDecoder implements FrameDecoder {

    private static final Logger log = LoggerFactory.getLogger(IvyDecoder.class);

    /** {@link #examine} result: the buffer ends inside a message that may still be valid. */
    private static final int NEED_MORE = -1;
    /** {@link #examine} result: the bytes at the start byte are no (valid) message. */
    private static final int REJECT = -2;

    private long discarded;

    /** Creates a decoder with no bytes discarded yet. */
    public IvyDecoder() {
        // counters start at zero
    }

    @Override
    public void decode(ByteBuffer in, Consumer<DeviceFrame> out) {
        int pos = in.position();
        int limit = in.limit();
        while (pos < limit) {
            int start = indexOfStart(in, pos, limit);
            if (start < 0) {
                skip(in, pos, limit);
                return;
            }
            pos = skip(in, pos, start);
            int end = examine(in, start, limit);
            if (end == NEED_MORE) {
                return;
            }
            Optional<DeviceFrame> frame = end == REJECT ? Optional.empty() : IvyFrameMapper.toFrame(text(in, start, end));
            if (frame.isEmpty()) {
                if (end != REJECT) {
                    log.trace("ANSAR-B message with malformed parameter lines discarded");
                }
                pos = skip(in, start, start + 1);
                continue;
            }
            pos = end + 1;
            in.position(pos);
            out.accept(frame.get());
        }
    }

    @Override
    public long discardedBytes() {
        return discarded;
    }

    @Override
    public int maxFrameLength() {
        return AnsarB.MAX_MESSAGE_LENGTH;
    }

    /** Discards {@code [from, to)} and moves the buffer's position to {@code to}. */
    private int skip(ByteBuffer in, int from, int to) {
        discarded += to - from;
        in.position(to);
        return to;
    }

    private static int indexOfStart(ByteBuffer in, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if ((in.get(i) & 0xFF) == AnsarB.START) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Looks at the message starting with the {@code 0xFF} at {@code start}: the index of its
     * {@code 0xFE}, {@link #NEED_MORE} or {@link #REJECT}. Reads each byte in order and decides
     * as soon as the bytes allow, so the answer does not depend on how the stream was split.
     */
    private static int examine(ByteBuffer in, int start, int limit) {
        int headerAvailable = Math.min(limit - start - 1, AnsarB.HEADER.length);
        for (int k = 0; k < headerAvailable; k++) {
            if (in.get(start + 1 + k) != AnsarB.HEADER[k]) {
                return REJECT;
            }
        }
        int textStart = start + AnsarB.TEXT_OFFSET;
        int lastAllowedEnd = start + AnsarB.MAX_MESSAGE_LENGTH - 1;
        for (int i = textStart; i < limit && i <= lastAllowedEnd; i++) {
            int b = in.get(i) & 0xFF;
            if (b == AnsarB.END) {
                return i;
            }
            if (!AnsarB.isTextByte(b)) {
                log.trace("ANSAR-B message with byte 0x{} in its text discarded", Integer.toHexString(b));
                return REJECT;
            }
        }
        if (limit > lastAllowedEnd) {
            log.trace("ANSAR-B message longer than {} bytes discarded", AnsarB.MAX_MESSAGE_LENGTH);
            return REJECT;
        }
        return NEED_MORE;
    }

    private static String text(ByteBuffer in, int start, int end) {
        int from = start + AnsarB.TEXT_OFFSET;
        byte[] bytes = new byte[end - from];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = in.get(from + i);
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
