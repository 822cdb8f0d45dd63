package org.vigil.device.protocol.contec;

import java.util.List;
import java.util.Random;
import org.vigil.device.protocol.DecoderContract;
import org.vigil.device.protocol.FrameDecoder;

/** The decoder contract on V7.0 real-time packets (values that differ from one packet to the next). */
class ContecDecoderContractTest extends DecoderContract {

    @Override
    protected FrameDecoder newDecoder() {
        return new ContecDecoder();
    }

    /**
     * The first sample has data bytes with bit 7 set: the kit's over-long frame (this sample's
     * start, then its body again and again) decodes as one packet whose values differ from it.
     */
    @Override
    protected List<byte[]> sampleFrames() {
        return List.of(ContecStreams.realTime(200, 98, 2200), ContecStreams.realTime(60, 99, 100),
                ContecStreams.realTime(0x80, 0x40, 0x10, 0xFF, 0x7F, 0xFFFF), ContecStreams.realTime(5, 0x90, 6, 70, 90, 5));
    }

    /**
     * V7.0 has no checksum and no unique start marker: any type byte followed by bytes with bit 7
     * set is a packet. Garbage here is what cannot start one: bytes with bit 7 set (data bytes
     * out of place) and bytes with bit 7 clear that are no uplink packet type.
     */
    @Override
    protected byte[] garbage(Random random) {
        byte[] b = new byte[1 + random.nextInt(40)];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextInt(3) == 0 ? (byte) (0x10 + random.nextInt(0x70)) : (byte) (0x80 | random.nextInt(0x80));
        }
        return b;
    }
}
