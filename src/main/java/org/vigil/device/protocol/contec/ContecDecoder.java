package org.vigil.device.protocol.contec;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;

/**
 * Decodes the uplink of Contec CMS50D+ (firmware 4.6 and later), CMS50E (newer), CMS50F/FW and
 * CMS60C pulse oximeters speaking Contec's "Communication protocol of pulse oximeter V7.0"
 * (2010-07-08) at 115200 8N1, after the host sent the start command ({@link ContecCommands}).
 *
 * <h2>Byte layout</h2>
 * Packets use the high-bit coding of {@link V7Packets}. The real-time packet, 60 a second
 * (data bytes shown with bit 7 restored):
 * <pre>
 * byte   0      1       2              3              4             5         6        7       8
 *     +------+------+--------------+--------------+-------------+---------+--------+-------+-------+
 *     | 0x01 | high | status       | pleth        | bar / PI ok | PR      | SpO2   | PI lo | PI hi |
 *     +------+------+--------------+--------------+-------------+---------+--------+-------+-------+
 * status: bits 0-3 signal strength 0-8, bit 4 searching too long, bit 5 low SpO2,
 *         bit 6 pulse beep, bit 7 probe error ("Finger Out"; pleth then 0x40)
 * pleth:  bits 0-6 pleth 0-127, bit 7 searching for pulse
 * bar:    bits 0-3 bar graph 0-15, bit 4 PI invalid
 * PR 0-254 bpm, 0xFF = no value;  SpO2 0-100 %, 0x7F = no value;  PI = % x 100 (0-2200), 0xFFFF = no value
 * </pre>
 * Other uplink packets (0x04 device id, 0x09/0x0F stored records, 0x0B command feedback, 0x0C
 * "free", 0x0D disconnect notice, 0x0E PI support) run to the next type byte; the device id
 * (seven ASCII bytes) becomes a control frame without measurements, attributes
 * {@code kind=device_id} and {@code model}; the others are skipped (they answer commands the
 * station does not send).
 *
 * <h2>Frames</h2>
 * One frame per real-time packet, carrying its pleth sample ({@link DeviceFrame#wave()}, 0-127,
 * 60 a second) and flags: probe error → {@link org.vigil.domain.ReadingFlag#SENSOR_OFF};
 * searching for pulse or searching too long → {@link org.vigil.domain.ReadingFlag#PULSE_SEARCH}.
 * SpO2 and PR (absent when the device sends 0x7F / 0xFF), PI (only when the device marks it
 * valid: models without PI always send it invalid) and the attribute {@code signal_strength}
 * (0-8) are in the frame when they or the flags changed, and otherwise in
 * every 60th frame (once a second): a steady patient gives one reading of each a second and a
 * change is never held back ({@link FramePacer}; decision record "contec-frames-on-change"),
 * the flags copied onto every measurement.
 *
 * <h2>Framing rules</h2>
 * <ul>
 *   <li>bytes with bit 7 set outside a packet, and bytes with bit 7 clear that are no uplink
 *       type, are discarded and counted;</li>
 *   <li>a real-time packet is complete at nine bytes; one cut short by a type byte is
 *       discarded; one whose status reports a signal strength above 8 or whose SpO2 is neither
 *       0-100 nor 0x7F is corrupt: its type byte is discarded and the search resumes after it;</li>
 *   <li>any other packet is at most {@value #MAX_OTHER_LENGTH} bytes; a longer one is
 *       discarded;</li>
 *   <li>a partial packet stays in the buffer, the position at its type byte.</li>
 * </ul>
 * The decoder's state (the last values sent, the packets since) follows the byte
 * stream only, so any split of the same bytes gives the same frames and the same
 * {@link #discardedBytes()}. The per-byte path allocates nothing. Not thread-safe: one
 * instance per connection.
 */
public final class ContecDecoder implements FrameDecoder {

    /** Real-time packets per frame when nothing changes: one frame a second at 60 packets/s. */
    static final int PACKETS_PER_FRAME = FramePacer.SAMPLES_PER_FRAME;
    /** Longest packet of a type other than real-time (type and high byte included). */
    static final int MAX_OTHER_LENGTH = 31;

    private static final int NEED_MORE = Integer.MIN_VALUE;

    private final FramePacer pacer = new FramePacer();
    private long discarded;
    private long realTimePackets;

    /** Creates a decoder for one connection. */
    public ContecDecoder() {
        // state starts empty
    }

    @Override
    public void decode(ByteBuffer in, Consumer<DeviceFrame> out) {
        int pos = in.position();
        int limit = in.limit();
        while (pos < limit) {
            int type = in.get(pos) & 0xFF;
            if (!V7Packets.isUplinkType(type)) {
                discarded++;
                pos++;
                continue;
            }
            int end = type == V7Packets.REAL_TIME ? realTimeEnd(in, pos, limit) : otherEnd(in, pos, limit);
            if (end == NEED_MORE) {
                break;
            }
            if (end < 0) {
                // rejected: -end is where the search resumes
                discarded += -end - pos;
                pos = -end;
                continue;
            }
            DeviceFrame frame = type == V7Packets.REAL_TIME ? realTime(in, pos)
                    : type == V7Packets.DEVICE_ID ? deviceId(in, pos, end) : null;
            pos = end;
            if (frame != null) {
                in.position(pos);
                out.accept(frame);
            }
        }
        in.position(pos);
    }

    @Override
    public long discardedBytes() {
        return discarded;
    }

    /** Real-time packets decoded so far (one frame each). */
    public long realTimePackets() {
        return realTimePackets;
    }

    /** The longest packet of any type and the type byte that ends it. */
    @Override
    public int maxFrameLength() {
        return MAX_OTHER_LENGTH + 1;
    }

    /**
     * The end of the real-time packet at {@code start}, {@link #NEED_MORE}, or minus the index
     * where the search resumes when the packet is cut short or corrupt.
     */
    private static int realTimeEnd(ByteBuffer in, int start, int limit) {
        int end = start + V7Packets.FULL_LENGTH;
        for (int i = start + 1; i < end; i++) {
            if (i >= limit) {
                return NEED_MORE;
            }
            if (!V7Packets.isContinuation(in.get(i))) {
                return -i;
            }
        }
        int status = V7Packets.data(in, start, 0);
        int spo2 = V7Packets.data(in, start, 4);
        if ((status & 0x0F) > 8 || (spo2 > 100 && spo2 != 0x7F)) {
            return -(start + 1);
        }
        return end;
    }

    /** The end of another packet at {@code start} (its next type byte), {@link #NEED_MORE}, or minus where to resume. */
    private static int otherEnd(ByteBuffer in, int start, int limit) {
        for (int i = start + 1; i <= start + MAX_OTHER_LENGTH; i++) {
            if (i >= limit) {
                return NEED_MORE;
            }
            if (!V7Packets.isContinuation(in.get(i))) {
                return i;
            }
        }
        return -(start + MAX_OTHER_LENGTH + 1);
    }

    /** The control frame of a device-id packet of seven bytes (null for other lengths or no text). */
    private static DeviceFrame deviceId(ByteBuffer in, int start, int end) {
        if (end - start != V7Packets.FULL_LENGTH) {
            return null;
        }
        StringBuilder id = new StringBuilder(7);
        for (int k = 0; k < 7; k++) {
            int c = V7Packets.data(in, start, k);
            if (c >= 0x20 && c < 0x7F) {
                id.append((char) c);
            }
        }
        String text = id.toString().trim();
        return text.isEmpty() ? null : new DeviceFrame(List.of(), Set.of(), Map.of("kind", "device_id", "model", text));
    }

    /** The frame of the complete real-time packet at {@code start}. */
    private DeviceFrame realTime(ByteBuffer in, int start) {
        int status = V7Packets.data(in, start, 0);
        int wave = V7Packets.data(in, start, 1);
        int bar = V7Packets.data(in, start, 2);
        int pr = V7Packets.data(in, start, 3);
        int spo2 = V7Packets.data(in, start, 4);
        int pi = V7Packets.data(in, start, 5) | V7Packets.data(in, start, 6) << 8;
        boolean piValid = (bar & 0x10) == 0 && pi <= 2200;
        realTimePackets++;
        return pacer.offer(status & 0x0F, wave & 0x7F, spo2 == 0x7F ? FramePacer.NONE : spo2, pr == 0xFF ? FramePacer.NONE : pr,
                piValid ? pi : FramePacer.NONE, (status & 0x80) != 0, (wave & 0x80) != 0 || (status & 0x10) != 0);
    }
}
