package org.vigil.device.protocol.masimo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;

/**
 * Decodes the serial ASCII output of Masimo Rad-8 / Radical-5 / Radical-7 oximeters (ASCII 1 live
 * lines, 1 Hz, and the ASCII 2 trend-dump lines) into one {@link DeviceFrame} per line, carrying
 * SpO2, PR and PI (absent values included).
 *
 * <h2>Byte layout</h2>
 * One printable-ASCII line per report, space separated {@code KEY=value} fields after the device
 * clock, terminated by {@code CR LF} (a lone {@code LF} or lone {@code CR} is accepted too):
 * <pre>
 * | MM/DD/YY | ' ' | HH:MM:SS | ' ' | SN=nnnnnnnnnn | ' ' | SPO2=nnn% | ' ' | BPM=nnn | ' ' | PI=nn.nn% | ...
 * |  8 bytes | 1   |  8 bytes | 1   |   13 bytes    | 1   |  9 bytes  | 1   | 7 bytes | 1   | 9 bytes   |
 *
 * ... | SPCO=nn.n% | SPMET=nn.n% | DESAT=nn | PIDELTA=+nn | [PVI=nnn] | ALARM=hhhh | EXC=hhhhhh | CR | LF |
 * </pre>
 * Radical-5 sends a short form ({@code ... SPO2=097% BPM=064 PI=11.82% ALARM=20 EXC=800}), Radical-7
 * colour adds fields ({@code SPHB}, {@code SPOC}, {@code RESVD}, {@code EXC1}), a device without a
 * sensor may drop fields, and the trend dump reads
 * {@code 09/21/08 09:56:08 SpO2=000 PR=000 PI=00.00 EXC=820:OffPat,SET}. A value the device cannot
 * give is dashes of the field's width ({@code SPO2=---%}), or zero in the trend dump. There is no
 * checksum.
 *
 * <h2>Framing rules</h2>
 * <ul>
 *   <li>A line ends at the first {@code CR} or {@code LF}; empty lines are skipped. A line is only
 *       consumed once its terminator has arrived.</li>
 *   <li>A frame starts at the <em>last</em> {@code dd/dd/dd dd:dd:dd} clock in its line after the
 *       line's last byte outside printable ASCII; whatever precedes it (noise, the rest of a
 *       broken line) is discarded, so noise without a terminator never costs the next valid
 *       line.</li>
 *   <li>A frame whose text is longer than {@value #MAX_LINE_LENGTH} bytes is discarded up to its
 *       terminator. Bytes that cannot start a frame are dropped as soon as they are seen, so the
 *       unconsumed rest never exceeds {@link #maxFrameLength()}.</li>
 *   <li>A frame whose fields do not parse ({@link MasimoLineParser}) is discarded whole.</li>
 * </ul>
 * The decoder keeps no state but its counter, so any split of the same bytes gives the same
 * frames and the same {@link #discardedBytes()}. Line terminators are never counted as discarded.
 */
public final class MasimoDecoder implements FrameDecoder {

    /** Longest frame text accepted, terminator excluded (real lines are about 120-200 bytes). */
    static final int MAX_LINE_LENGTH = 510;

    private static final Logger log = LoggerFactory.getLogger(MasimoDecoder.class);

    private final MasimoLineParser parser = new MasimoLineParser();
    private long discarded;

    /** Creates a decoder for one connection. */
    public MasimoDecoder() {
    }

    @Override
    public void decode(ByteBuffer in, Consumer<DeviceFrame> out) {
        int pos = in.position();
        int limit = in.limit();
        while (pos < limit) {
            int term = LineBytes.indexOfTerminator(in, pos, limit);
            if (term < 0) {
                int keep = keepFrom(in, pos, limit);
                discard(in, pos, keep, "noise");
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

    /** Decodes the terminated line {@code [start, end)}, counting what it throws away. */
    private Optional<DeviceFrame> frameOf(ByteBuffer in, int start, int end) {
        if (start == end) {
            return Optional.empty();
        }
        int from = LineBytes.afterLastNonPrintable(in, start, end);
        int clock = LineBytes.lastOccurrence(in, from, end);
        if (clock < 0) {
            discard(in, start, end, "line without clock");
            return Optional.empty();
        }
        discard(in, start, clock, "noise before clock");
        if (end - clock > MAX_LINE_LENGTH) {
            discard(in, clock, end, "over-long line");
            return Optional.empty();
        }
        String text = ascii(in, clock, end);
        Optional<DeviceFrame> frame = parser.parse(text);
        if (frame.isEmpty()) {
            discard(in, clock, end, "unparsable line");
        }
        return frame;
    }

    /**
     * For an unterminated rest {@code [start, limit)}: the first byte that may still belong to the
     * frame this line will end with. Everything before it can never be part of a frame.
     */
    private static int keepFrom(ByteBuffer in, int start, int limit) {
        int from = LineBytes.afterLastNonPrintable(in, start, limit);
        int clock = LineBytes.lastOccurrence(in, from, limit);
        if (clock >= 0 && limit - clock <= MAX_LINE_LENGTH) {
            return clock;
        }
        int prefixFrom = Math.max(clock + 1, from);
        return LineBytes.firstPartialAtEnd(in, prefixFrom, limit);
    }

    private void discard(ByteBuffer in, int from, int to, String why) {
        if (to <= from) {
            return;
        }
        discarded += to - from;
        if (log.isTraceEnabled()) {
            log.trace("discarded {} bytes ({}): {}", to - from, why, printable(in, from, to));
        }
    }

    private static String ascii(ByteBuffer in, int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = from; i < to; i++) {
            bytes[i - from] = in.get(i);
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static String printable(ByteBuffer in, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(to, from + 80); i++) {
            int b = in.get(i) & 0xFF;
            if (LineBytes.isPrintable(b)) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02X", b));
            }
        }
        return sb.toString();
    }
}
