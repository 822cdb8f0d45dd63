package org.vigil.device.protocol.nellcor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;

/**
 * An N-595 real-time printout built from the format's documented examples (no capture of a real
 * monitor exists), and a feeder that plays the decoder's caller the way a connection does.
 */
final class NellcorText {

    static final String HEADER_1 = "N-595 VERSION 1.61.00 CRC:XXXX SpO2 Limit: 92-100% PR Limit: 90-180BPM";
    static final String HEADER_2 = "  ADULT 0SAT-S SPO2 RESP MODE: NORMAL";
    static final String HEADER_3 = "TIME                 %SPO2   BPM     PA      Status";

    /** The header block, then data lines including the spec's example line; CR LF endings. */
    static final String PRINTOUT = String.join("\r\n",
            HEADER_1,
            HEADER_2,
            "",
            HEADER_3,
            "07-Jan-04 11:24:50    98      72      60",
            "07-Jan-04 11:24:52    97      74      58    MO",
            "07-Jan-04 11:24:54   100     101     104    MO             AO",
            "07-Jan-04 11:24:56    89*     76      55    SL",
            "07-Jan-04 11:24:58   ---     ---     ---    SO",
            "07-Jan-04 11:25:00   ---     ---     ---    SD",
            "07-Jan-04 11:25:02    95     181*     80    PH             AS",
            "07-Jan-04 11:25:04    96      80      70    PS",
            HEADER_1,
            HEADER_2,
            HEADER_3,
            "07-Jan-04 11:25:06    96      80      70    LB") + "\r\n";

    static final int PRINTOUT_FRAMES = 9;

    private NellcorText() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<DeviceFrame> decodeAll(FrameDecoder decoder, byte[] data) {
        return feed(decoder, data, new int[] {data.length});
    }

    /** Feeds chunks ending at {@code chunkEnds} through a buffer of exactly {@link FrameDecoder#maxFrameLength()} bytes. */
    static List<DeviceFrame> feed(FrameDecoder decoder, byte[] data, int[] chunkEnds) {
        ByteBuffer buffer = ByteBuffer.allocate(decoder.maxFrameLength());
        List<DeviceFrame> frames = new ArrayList<>();
        int at = 0;
        for (int end : chunkEnds) {
            while (at < end) {
                if (!buffer.hasRemaining()) {
                    throw new AssertionError("decoder left a full buffer of " + buffer.capacity() + " bytes");
                }
                int n = Math.min(buffer.remaining(), end - at);
                buffer.put(data, at, n);
                at += n;
                buffer.flip();
                int before = buffer.position();
                decoder.decode(buffer, frames::add);
                if (buffer.position() < before || buffer.position() > buffer.limit()) {
                    throw new AssertionError("position moved from " + before + " to " + buffer.position());
                }
                buffer.compact();
            }
        }
        return frames;
    }

    static int[] byteByByte(int length) {
        int[] ends = new int[length];
        for (int i = 0; i < length; i++) {
            ends[i] = i + 1;
        }
        return ends;
    }
}
