package org.vigil.device.protocol.hl7;

import java.util.List;
import org.vigil.device.protocol.DecoderContract;
import org.vigil.device.protocol.FrameDecoder;

/** The shared decoder contract on MLLP-framed messages (synthetic: the real ones may not be copied). */
class Hl7DecoderContractTest extends DecoderContract {

    @Override
    protected FrameDecoder newDecoder() {
        return new Hl7Decoder();
    }

    @Override
    protected List<byte[]> sampleFrames() {
        return List.of(Hl7Streams.mllp(Hl7Samples.typical("1", "B-01")),
                Hl7Streams.mllp(Hl7Samples.oru("2", "B-01",
                        "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.3.1.1|-100|262688^MDC_DIM_PERCENT^MDC|||||F")),
                Hl7Streams.mllp(Hl7Samples.oru("3", "B-02",
                        "OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC||16|kPa|||||R")));
    }
}
