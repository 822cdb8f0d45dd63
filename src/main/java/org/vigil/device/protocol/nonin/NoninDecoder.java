package org.vigil.device.protocol.nonin;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;

/**
 * Decodes the serial output of Nonin pulse oximeters (OEM III, XPOD, WristOx2 3150, Onyx II 9560,
 * 7500; 9600 8N1, streaming, no requests) in data format #2, #7 or #8 ({@link NoninFormat}, fixed
 * per decoder) into {@link DeviceFrame}s. Source of the layout: Nonin "Model 9560 Onyx II
 * Bluetooth Fingertip Oximeter Technology Specifications" (data formats #2, #7, #8), the same
 * formats as the OEM III / XPOD serial output.
 *
 * <h2>Data formats #2 and #7: one frame per 25-frame packet (1/3 s)</h2>
 * <pre>
 * DF2 frame:  | 0x01 | STATUS | PLETH (8 bit)  | FLOAT | CHK |     CHK = (byte1 + byte2 + byte3 + byte4) mod 256
 * DF7 frame:  | STATUS | PLETH MSB | PLETH LSB  | FLOAT | CHK |
 *
 * STATUS:  bit 7     6      5      4     3      2      1      0
 *              1   | SNSD | ARTF | OOT | SNSA | RPRF | GPRF | SYNC |    SYNC set on frame 1 of a packet only
 *
 * packet:  | frame 1 | frame 2 | frame 3 | frame 4 | ... | frame 8 | frame 9  | ... | frame 20 | frame 21 | ... | frame 25 |
 * FLOAT:   | HR MSB  | HR LSB  | SpO2    | SREV    |     | STAT2   | SpO2-D   |     | HR-D MSB | HR-D LSB |     |          |
 *            HR = (MSB bits 1..0) &lt;&lt; 7 | (LSB bits 6..0)     STAT2 bit 0 = low battery
 * </pre>
 * A packet is emitted only whole: 25 frames of valid checksum with bit 7 of STATUS set (and, for
 * DF2, the lead byte {@code 0x01}), SYNC on the first frame and on no other. Its frame carries
 * {@code PR} (the 4-beat pulse rate; 511 = no value) and {@code SPO2} (4-beat; 127 = no value,
 * and so is anything above 100), the pleth samples as its {@link DeviceFrame#wave() wave} (25
 * unsigned samples, oldest first, 75 a second; full scale 0-255 in DF2, 0-65535 in DF7),
 * and the status bits of any of its frames as flags on both measurements: SNSA →
 * {@code SENSOR_OFF}, SNSD → {@code NO_SENSOR}, OOT → {@code PULSE_SEARCH}, ARTF →
 * {@code INTERFERENCE}, RPRF without GPRF ("red") → {@code LOW_PERFUSION}. Attributes:
 * {@code perfusion} (the worst of the packet: {@code good}, {@code marginal}, {@code low}, when
 * reported), {@code low_battery=true}, {@code software} (SREV, the oximeter's software revision:
 * all the identity DF #2 and #7 give), {@code pr_display} and {@code spo2_display} (the "-D"
 * values, when not missing).
 *
 * <h2>Data format #8: one frame per 4-byte record (1 s)</h2>
 * <pre>
 * | STATUS: 1 R OOT LPRF MPRF ARTF HR8 HR7 | HR-D: 0 HR6..HR0 | SpO2-D: 0 + 7 bit | STATUS2: 0 R SPA R SNSF R R LOWBAT |
 * </pre>
 * No checksum: a record is bit 7 set in its first byte only, and an SpO2 of 0..100 or 127. Flags:
 * SNSF → {@code SENSOR_OFF}, OOT → {@code PULSE_SEARCH}, ARTF → {@code INTERFERENCE}, LPRF →
 * {@code LOW_PERFUSION}; attributes {@code perfusion} ({@code low}/{@code marginal}) and
 * {@code low_battery}.
 *
 * <h2>Framing</h2>
 * <ul>
 *   <li>A packet starts at a byte where the bytes so far can begin a valid packet; the decision
 *       at each byte depends only on the {@link NoninFormat#packetLength()} bytes from it, so any
 *       split gives the same frames and the same {@link #discardedBytes()}.</li>
 *   <li>A packet with a bad checksum, a missing bit 7, a SYNC out of place (a lost frame) or a
 *       DF8 record with a bad SpO2 is not a packet: its first byte is discarded and the search
 *       goes on from the next byte, so the decoder resyncs on the next packet start.</li>
 *   <li>A partial packet stays in the buffer, the position at its first byte; at most
 *       {@link #maxFrameLength()} - 1 bytes are ever left.</li>
 * </ul>
 * Not thread-safe: one instance per connection.
 */
public final class NoninDecoder implements FrameDecoder {

    private static final Logger log = LoggerFactory.getLogger(NoninDecoder.class);

    private static final int NEED_MORE = -1;
    private static final int REJECT = -2;
    private static final int ACCEPT = 0;

    private final NoninFormat format;
    private long discarded;

    /** A decoder for data format #2. */
    public NoninDecoder() {
        this(NoninFormat.DF2);
    }

    /** A decoder for {@code format}. */
    public NoninDecoder(NoninFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    /** The data format this decoder reads. */
    public NoninFormat format() {
        return format;
    }

    @Override
    public void decode(ByteBuffer in, Consumer<DeviceFrame> out) {
        int pos = in.position();
        int limit = in.limit();
        int start = pos;
        while (start < limit) {
            int verdict = examine(in, start, limit);
            if (verdict == NEED_MORE) {
                break;
            }
            if (verdict == REJECT) {
                start++;
                continue;
            }
            discard(pos, start);
            pos = start + format.packetLength();
            in.position(pos);
            out.accept(NoninPackets.toFrame(format, in, start));
            start = pos;
        }
        discard(pos, start);
        in.position(start);
    }

    @Override
    public long discardedBytes() {
        return discarded;
    }

    /** One packet: 125 bytes for DF2 and DF7, 4 for DF8. */
    @Override
    public int maxFrameLength() {
        return format.packetLength();
    }

    private void discard(int from, int to) {
        if (to > from) {
            discarded += to - from;
            if (log.isTraceEnabled()) {
                log.trace("Nonin DF{}: {} bytes discarded", format.number(), to - from);
            }
        }
    }

    /**
     * Whether a packet starts at {@code start}: {@link #ACCEPT}, {@link #REJECT} as soon as the
     * bytes present rule it out, else {@link #NEED_MORE}.
     */
    private int examine(ByteBuffer in, int start, int limit) {
        if (format == NoninFormat.DF8) {
            return examineRecord(in, start, limit);
        }
        int frameLength = format.frameLength();
        for (int k = 0; k < format.framesPerPacket(); k++) {
            int at = start + k * frameLength;
            int available = Math.min(frameLength, limit - at);
            if (!framePrefixValid(in, at, available, k == 0)) {
                return REJECT;
            }
            if (available < frameLength) {
                return NEED_MORE;
            }
        }
        return ACCEPT;
    }

    /** The first {@code available} bytes of a DF2/DF7 frame at {@code at} may be frame number {@code k}. */
    private boolean framePrefixValid(ByteBuffer in, int at, int available, boolean first) {
        int statusOffset = format == NoninFormat.DF2 ? 1 : 0;
        if (format == NoninFormat.DF2 && available > 0 && in.get(at) != NoninPackets.DF2_LEAD) {
            return false;
        }
        if (available > statusOffset) {
            int status = in.get(at + statusOffset) & 0xFF;
            if ((status & NoninPackets.STATUS_ALWAYS_SET) == 0 || ((status & NoninPackets.SYNC) != 0) != first) {
                return false;
            }
        }
        if (available == format.frameLength()) {
            int sum = 0;
            for (int i = 0; i < 4; i++) {
                sum += in.get(at + i) & 0xFF;
            }
            return (sum & 0xFF) == (in.get(at + 4) & 0xFF);
        }
        return true;
    }

    private static int examineRecord(ByteBuffer in, int start, int limit) {
        int available = Math.min(4, limit - start);
        for (int i = 0; i < available; i++) {
            boolean high = (in.get(start + i) & 0x80) != 0;
            if (high != (i == 0)) {
                return REJECT;
            }
        }
        if (available > 2 && !NoninPackets.spo2ByteValid(in.get(start + 2) & 0x7F)) {
            return REJECT;
        }
        return available < 4 ? NEED_MORE : ACCEPT;
    }
}
