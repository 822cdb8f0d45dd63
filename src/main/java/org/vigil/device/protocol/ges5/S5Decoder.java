package org.vigil.device.protocol.ges5;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;

/**
 * Decodes what a GE / Datex-Ohmeda S/5 monitor (S/5, AS/3, CS/3, CARESCAPE B450-B850, B40-B125)
 * sends on its Computer Interface port (19200 8E1, RTS/CTS) after the station's request
 * ({@link S5Session}): one physiological-database record of displayed values every 5 or 10 s.
 * Source: GE M1017617 "S/5 Computer Interface Specification" (12th ed.) and the DRI structures
 * it defines.
 *
 * <pre>
 * frame   | 7E | escaped( record | checksum ) | 7E |
 *           escaping: 7E -&gt; 7D 5E, 7D -&gt; 7D 5D; checksum = 8-bit sum of the record's bytes
 *
 * record  offset 0      2      3          4        6         10       11    12    14          16 .. 39
 *         | r_len i16 | r_nbr | dri_level | plug_id | r_time u32 | n_subnet | res | res | r_maintype | sr_desc[8] |
 *           r_len = 40 + subrecords; r_time Unix s; r_maintype 0 = PHDB; sr_desc = {sr_offset i16, sr_type u8},
 *           the list ends at sr_type 0xFF
 *         | subrecord 0 | subrecord 1 | ...       at 40 + sr_offset, all little-endian
 *
 * dri_phdb (278 bytes)  | time u32 | class data (270) | marker u8 | reserved u8 | cl_drilvl_subt u16 |
 *           class = bits 8-11 of cl_drilvl_subt (0 basic, 1 ext1, 2 ext2, 3 ext3)
 * </pre>
 *
 * The basic class of the first displayed-values subrecord ({@code sr_type} 1) gives the frame
 * (see {@link S5FrameMapper}: HR, RR, NIBP, SpO2, PR; special values as absent measurements with
 * their reason); its {@code r_time} is the attribute {@code device_time} (ISO-8601, UTC). A valid
 * record without one (another class, a waveform or alarm record) is consumed without a frame.
 *
 * <p>Framing follows {@link FrameDecoder}:
 * <ul>
 *   <li>bytes before a {@code 7E} are discarded; a frame runs from a {@code 7E} to the next;</li>
 *   <li>a frame whose bytes are not one record (bad escape, {@code r_len} not matching, checksum
 *       wrong, subrecords outside the record) is discarded up to its closing {@code 7E}, which is
 *       then tried as the start of the next frame. A capture or connection that starts inside a
 *       frame therefore loses exactly that cut frame. A frame that lost only its closing flag is
 *       still a complete record and decodes, closed by the next frame's opening flag: that next
 *       frame is the one lost;</li>
 *   <li>a frame is at most {@link #maxFrameLength()} bytes (a 1490-byte record and its checksum,
 *       every byte escaped, and the two flags); no closing {@code 7E} within it discards the
 *       window;</li>
 *   <li>a partial frame stays in the buffer, the position at its opening {@code 7E}.</li>
 * </ul>
 * Not thread-safe: one instance per connection.
 */
public final class S5Decoder implements FrameDecoder {

    private static final Logger log = LoggerFactory.getLogger(S5Decoder.class);

    /** Two flags around a maximal record and checksum with every byte escaped. */
    static final int MAX_FRAME = 2 + 2 * (Dri.MAX_RECORD + 1);

    private long discarded;

    /** Creates a decoder with no bytes discarded yet. */
    public S5Decoder() {
        // counters start at zero
    }

    @Override
    public void decode(ByteBuffer in, Consumer<DeviceFrame> out) {
        int pos = in.position();
        int limit = in.limit();
        while (pos < limit) {
            int start = indexOfFlag(in, pos, limit);
            if (start < 0) {
                skip(in, pos, limit);
                return;
            }
            pos = skip(in, pos, start);
            int end = indexOfFlag(in, start + 1, Math.min(limit, start + MAX_FRAME));
            if (end < 0) {
                if (limit - start >= MAX_FRAME) {
                    log.trace("S/5 frame longer than {} bytes discarded", MAX_FRAME);
                    pos = skip(in, start, start + MAX_FRAME);
                    continue;
                }
                return;
            }
            S5Record record = S5Record.parse(in, start + 1, end);
            if (record == null) {
                if (end - start > 1) {
                    log.trace("S/5 frame of {} bytes is no valid record, discarded", end - start + 1);
                }
                pos = skip(in, start, end);
                continue;
            }
            pos = end + 1;
            in.position(pos);
            S5FrameMapper.toFrame(record).ifPresent(out);
        }
    }

    @Override
    public long discardedBytes() {
        return discarded;
    }

    @Override
    public int maxFrameLength() {
        return MAX_FRAME;
    }

    private int skip(ByteBuffer in, int from, int to) {
        discarded += to - from;
        in.position(to);
        return to;
    }

    private static int indexOfFlag(ByteBuffer in, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((in.get(i) & 0xFF) == Dri.FLAG) {
                return i;
            }
        }
        return -1;
    }
}
