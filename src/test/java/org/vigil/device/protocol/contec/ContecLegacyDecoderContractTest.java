package org.vigil.device.protocol.contec;

import java.util.List;
import java.util.Random;
import org.vigil.device.protocol.DecoderContract;
import org.vigil.device.protocol.FrameDecoder;

/** The decoder contract on legacy 5-byte live packets. */
class ContecLegacyDecoderContractTest extends DecoderContract {

    @Override
    protected FrameDecoder newDecoder() {
        return new ContecLegacyDecoder();
    }

    @Override
    protected List<byte[]> sampleFrames() {
        return List.of(new byte[] {(byte) 0x85, 40, 6, 60, 99}, new byte[] {(byte) 0xC5, 41, 0x46, 52, 97},
                new byte[] {(byte) 0x90, 0, 0, 0, 0}, new byte[] {(byte) 0x85, 42, 0x26, 70, 95});
    }

    /**
     * A packet's only marker is bit 7 of its first byte, without checksum: five such bytes in a
     * row are a packet. Garbage here is bytes with bit 7 clear (which cannot start one).
     */
    @Override
    protected byte[] garbage(Random random) {
        byte[] b = new byte[1 + random.nextInt(40)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(0x80);
        }
        return b;
    }
}
