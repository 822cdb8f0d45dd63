package org.vigil.device.protocol.nellcor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;

/**
 * Decodes the real-time ASCII output of Nellcor N-560 / N-595 / N-600 pulse oximeters (one line
 * every 2 s, streaming, no requests) into one {@link DeviceFrame} per data line, and one frame
 * without measurements per header line that names the monitor ({@link NellcorHeader}: the model
 * and the software version as {@code model} and {@code software}). Source of the
 * format: the MD PnP OpenICE N-595 field specification ({@code nellcor-n595.spec}, BSD-2) and
 * its status code list; no capture of a real device was available.
 *
 * <h2>Byte layout</h2>
 * <pre>
 * N-595 VERSION 1.61.00 CRC:XXXX SpO2 Limit: 92-100% PR Limit: 90-180BPM  CR LF   header (repeats)
 *   ADULT 0SAT-S SPO2 RESP MODE: NORMAL                                  CR LF   header
 * TIME                 %SPO2   BPM     PA      Status                    CR LF   header
 * | dd-MMM-yy | ' ' | HH:mm:ss | spaces | SpO2 | spaces | BPM | spaces | PA | [spaces | status code]... | CR LF
 * e.g. 07-Jan-04 11:24:54   100     101     104    MO             AO
 * </pre>
 * A value is 1-3 digits, or {@code ---} for no value; a {@code *} right after it means the value
 * is outside the monitor's own alarm limit. Status codes are two capital letters
 * ({@link NellcorLineParser} lists their flags). The stamp is the monitor's clock, kept as
 * {@code device_time} (ISO-8601 local date-time).
 *
 * <h2>Framing</h2>
 * <ul>
 *   <li>A line ends at the first {@code CR} or {@code LF}; empty lines are skipped. A line is
 *       consumed only once its terminator has arrived.</li>
 *   <li>A data line starts at the <em>last</em> {@code dd-MMM-yy HH:mm:ss} stamp of its line after
 *       the line's last byte outside printable ASCII; whatever precedes it is discarded.</li>
 *   <li>A line that holds a header ({@code N-595 VERSION 1.61.00 …}) after its last stamp, if
 *       any, gives the header's identity frame, what precedes the header being discarded. Any other
 *       line without a stamp (the other headers, noise) produces no frame; its bytes count in
 *       {@link #discardedBytes()} like every byte outside a data or header line (terminators
 *       excepted).</li>
 *   <li>A data line longer than {@value #MAX_LINE_LENGTH} bytes, or whose fields do not parse, is
 *       discarded whole; so is a header line longer than that. Bytes that can no longer begin a
 *       data or header line are dropped as soon as they are seen, so the unconsumed rest never
 *       exceeds {@link #maxFrameLength()}.</li>
 * </ul>
 * The decoder keeps no state but its counter: any split of the same bytes gives the same frames
 * and the same {@link #discardedBytes()}. Not thread-safe: one instance per connection.
 */
public final class NellcorDecoder implements FrameDecoder {

    /** Longest data line accepted, terminator excluded (real ones are about 70 bytes). */
    static final int MAX_LINE_LENGTH = 160;

    private static final Logger log = LoggerFactory.getLogger(NellcorDecoder.class);

    private long discarded;

    /** Creates a decoder for one connection. */
    public NellcorDecoder() {
        // counters start at zero
    }

    @Override
    public void decode(ByteBuffer in, Consumer<DeviceFrame> out) {
        int pos = in.position();
        int limit = in.limit();
        while (pos < limit) {
            int term = NellcorLines.indexOfTerminator(in, pos, limit);
            if (term < 0) {
                int keep = keepFrom(in, pos, limit);
                discard(pos, keep);
                pos = keep;
                break;
            }
            Optional<DeviceFrame> frame = frameOf(in, pos, term);
            pos = term + 1;
            if (frame.isPresent()) {
                in.position(pos);
                out.accept(frame.get());
            }
        }
        in.position(pos);
    }

    @Override
    public long discardedBytes() {
        return discarded;
    }

    /** {@value #MAX_LINE_LENGTH} bytes of text plus {@code CR LF}. */
    @Override
    public int maxFrameLength() {
        return MAX_LINE_LENGTH + 2;
    }

    private Optional<DeviceFrame> frameOf(ByteBuffer in, int start, int end) {
        if (start == end) {
            return Optional.empty();
        }
        int from = NellcorLines.afterLastNonPrintable(in, start, end);
        int stamp = NellcorLines.lastStamp(in, from, end);
        // a header after the last stamp (a data line cut short before it) is the line's frame
        int header = headerAt(in, stamp < 0 ? from : stamp + 1, end, true);
        if (header < end) {
            discard(start, header);
            return Optional.of(NellcorHeader.frame(new String(bytes(in, header, end), StandardCharsets.US_ASCII), 0));
        }
        if (stamp < 0) {
            discard(start, end);
            return Optional.empty();
        }
        discard(start, stamp);
        if (end - stamp > MAX_LINE_LENGTH) {
            discard(stamp, end);
            return Optional.empty();
        }
        Optional<DeviceFrame> frame = NellcorLineParser.parse(new String(bytes(in, stamp, end), StandardCharsets.US_ASCII));
        if (frame.isEmpty()) {
            log.trace("Nellcor data line that does not parse discarded");
            discard(stamp, end);
        }
        return frame;
    }

    /** For an unterminated rest {@code [start, limit)}: the first byte that may still belong to a data line. */
    private static int keepFrom(ByteBuffer in, int start, int limit) {
        int from = NellcorLines.afterLastNonPrintable(in, start, limit);
        int header = headerAt(in, from, limit, false);
        int stamp = NellcorLines.lastStamp(in, from, limit);
        if (stamp >= 0 && limit - stamp <= MAX_LINE_LENGTH) {
            return Math.min(stamp, header);
        }
        return Math.min(header, NellcorLines.firstPartialStamp(in, Math.max(stamp + 1, from), limit));
    }

    /**
     * The first index in {@code [from, to)} where a header line starts within {@link #MAX_LINE_LENGTH}
     * of {@code to}: whole when {@code lineEnds} (the line ends at {@code to}), else whole or still
     * partial; {@code to} when none.
     */
    private static int headerAt(ByteBuffer in, int from, int to, boolean lineEnds) {
        CharSequence text = new AsciiView(in, to);
        for (int i = Math.max(from, to - MAX_LINE_LENGTH); i < to; i++) {
            NellcorHeader.Match m = NellcorHeader.match(text, i, lineEnds);
            if (m == NellcorHeader.Match.FULL || !lineEnds && m == NellcorHeader.Match.PREFIX) {
                return i;
            }
        }
        return to;
    }

    /** The buffer's bytes {@code [0, end)} as characters, without copying. */
    private record AsciiView(ByteBuffer in, int end) implements CharSequence {
        @Override
        public int length() {
            return end;
        }

        @Override
        public char charAt(int index) {
            return (char) (in.get(index) & 0xFF);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            throw new UnsupportedOperationException();
        }
    }

    private void discard(int from, int to) {
        if (to > from) {
            discarded += to - from;
        }
    }

    private static byte[] bytes(ByteBuffer in, int from, int to) {
        byte[] b = new byte[to - from];
        for (int i = from; i < to; i++) {
            b[i - from] = in.get(i);
        }
        return b;
    }
}
