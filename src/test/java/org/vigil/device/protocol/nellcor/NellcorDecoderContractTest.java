package org.vigil.device.protocol.nellcor;

import java.util.List;
import org.vigil.device.protocol.DecoderContract;
import org.vigil.device.protocol.FrameDecoder;

/** The decoder contract on N-595 data lines and its header line, built from the format's examples. */
class NellcorDecoderContractTest extends DecoderContract {

    @Override
    protected FrameDecoder newDecoder() {
        return new NellcorDecoder();
    }

    @Override
    protected List<byte[]> sampleFrames() {
        return List.of(
                NellcorText.ascii("07-Jan-04 11:24:54   100     101     104    MO             AO\r\n"),
                NellcorText.ascii(NellcorText.HEADER_1 + "\r\n"),
                NellcorText.ascii("07-Jan-04 11:24:56    89*     76      55    SL\r\n"),
                NellcorText.ascii("07-Jan-04 11:24:58   ---     ---     ---    SO\r\n"));
    }

    /** Line terminators in the garbage end lines and are never counted as discarded. */
    @Override
    protected long countedAsDiscarded(byte[] garbage) {
        long n = 0;
        for (byte b : garbage) {
            if (b != '\r' && b != '\n') {
                n++;
            }
        }
        return n;
    }
}
