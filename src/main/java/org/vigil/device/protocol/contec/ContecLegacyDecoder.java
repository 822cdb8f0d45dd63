package org.vigil.device.protocol.contec;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;

/**
 * Decodes the live output of Contec oximeters that speak the legacy protocol (CMS50D+ firmware
 * 4.5 and older, older CMS50E/CMS50F, the "SpO2 Assistant" generation): 19200 baud, 8 data
 * bits, odd parity, 1 stop bit; the device streams on its own while a finger is in. Source:
 * atbrask/CMS50Dplus {@code cms50dplus.py} (BSD-2-Clause) and Alex Robinson's notes, as
 * summarised in the research pack's README; no capture of this generation was available.
 *
 * <h2>Byte layout</h2>
 * Five-byte packets, 60 a second; only the first byte has bit 7 set (the sync):
 * <pre>
 * byte   0               1          2                    3           4
 *     +---------------+----------+--------------------+-----------+-----------+
 *     | 1 b s f ssss  | 0 pleth  | 0 P r p bbbb       | 0 PR 0-6  | 0 SpO2    |
 *     +---------------+----------+--------------------+-----------+-----------+
 * byte 0: bits 0-3 signal strength, bit 4 finger out, bit 5 SpO2 dropping, bit 6 pulse beep
 * byte 2: bits 0-3 bar graph, bit 4 probe error, bit 5 searching, bit 6 = bit 7 of PR
 * SpO2 0-100 %, 127 = no value;  PR 0-254 bpm, 255 = no value
 * </pre>
 * Frames as for the V7.0 protocol ({@link FramePacer}): one per packet with its pleth sample;
 * SpO2 and PR in it when they or the flags changed, else once every 60 packets. Finger out or probe
 * error → {@link org.vigil.domain.ReadingFlag#SENSOR_OFF} and no SpO2 or PR (what the device
 * then sends in those fields is not documented); searching →
 * {@link org.vigil.domain.ReadingFlag#PULSE_SEARCH}. This generation reports no PI.
 *
 * <h2>Framing rules</h2>
 * Bytes before a sync byte are discarded; a packet cut short by the next sync byte is
 * discarded; a packet whose SpO2 is neither 0-100 nor 127 is corrupt and its sync byte is
 * discarded (the recorded-data dump, 3-byte records starting {@code 0xF0}/{@code 0xF1}, is only
 * sent on request and is discarded the same way). A partial packet stays in the buffer. Not
 * thread-safe: one instance per connection.
 */
public final class ContecLegacyDecoder implements FrameDecoder {

    static final int PACKET_LENGTH = 5;
    private static final int NO_SPO2 = 127;
    private static final int NO_PR = 255;

    private final FramePacer pacer = new FramePacer();
    private long discarded;
    private long packets;

    /** Creates a decoder for one connection. */
    public ContecLegacyDecoder() {
        // state starts empty
    }

    @Override
    public void decode(ByteBuffer in, Consumer<DeviceFrame> out) {
        int pos = in.position();
        int limit = in.limit();
        scan:
        while (pos < limit) {
            if ((in.get(pos) & 0x80) == 0) {
                discarded++;
                pos++;
                continue;
            }
            for (int i = pos + 1; i < pos + PACKET_LENGTH; i++) {
                if (i >= limit) {
                    break scan;
                }
                if ((in.get(i) & 0x80) != 0) {
                    discarded += i - pos;
                    pos = i;
                    continue scan;
                }
            }
            int spo2 = in.get(pos + 4);
            if (spo2 > 100 && spo2 != NO_SPO2) {
                discarded++;
                pos++;
                continue;
            }
            DeviceFrame frame = packet(in, pos);
            pos += PACKET_LENGTH;
            in.position(pos);
            out.accept(frame);
        }
        in.position(pos);
    }

    @Override
    public long discardedBytes() {
        return discarded;
    }

    /** Packets decoded so far (one frame each). */
    public long packets() {
        return packets;
    }

    @Override
    public int maxFrameLength() {
        return PACKET_LENGTH;
    }

    private DeviceFrame packet(ByteBuffer in, int start) {
        int status = in.get(start) & 0xFF;
        int pleth = in.get(start + 1);
        int bar = in.get(start + 2);
        int pr = (bar & 0x40) << 1 | in.get(start + 3);
        int spo2 = in.get(start + 4);
        boolean off = (status & 0x10) != 0 || (bar & 0x10) != 0;
        packets++;
        return pacer.offer(status & 0x0F, pleth, off || spo2 == NO_SPO2 ? FramePacer.NONE : spo2,
                off || pr == NO_PR ? FramePacer.NONE : pr, FramePacer.NONE, off, (bar & 0x20) != 0);
    }
}
