package org.vigil.device.protocol.ges5;

import java.util.List;
import org.vigil.device.protocol.DecoderContract;
import org.vigil.device.protocol.FrameDecoder;

/**
 * The decoder contract on the real CARESCAPE record and two records made from it with a patient's
 * values (the second with bytes that need escaping).
 */
class S5DecoderContractTest extends DecoderContract {

    @Override
    protected FrameDecoder newDecoder() {
        return new S5Decoder();
    }

    @Override
    protected List<byte[]> sampleFrames() {
        byte[] escaped = S5Streams.with(S5Streams.with(S5Streams.patientRecord(10), S5Streams.ECG + 6, 0x7E),
                S5Streams.SPO2 + 6, 0x7D7D);
        return List.of(S5Streams.frame(S5Streams.patientRecord(0)), S5Streams.capture(), S5Streams.frame(escaped));
    }

    /**
     * A frame cut just before its closing flag is a complete record: the next frame's opening
     * flag closes it, so it decodes and that next frame is lost instead (its bytes run to its own
     * closing flag without an opening one). Any other cut costs only the cut frame.
     */
    @Override
    protected int framesLostToATruncatedFrame() {
        return 1;
    }
}
