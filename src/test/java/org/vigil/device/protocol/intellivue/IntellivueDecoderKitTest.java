package org.vigil.device.protocol.intellivue;

import java.util.List;
import org.vigil.device.protocol.DecoderContract;
import org.vigil.device.protocol.FrameDecoder;

/** The shared decoder contract on four IntelliVue frames (a pleth array among them), each one DeviceFrame. */
class IntellivueDecoderKitTest extends DecoderContract {

    @Override
    protected FrameDecoder newDecoder() {
        return new IntellivueDecoder();
    }

    /** Association accepted, MDS create event, a whole numerics result, a pleth array. */
    @Override
    protected List<byte[]> sampleFrames() {
        List<byte[]> frames = IntellivueStreams.sessionFrames();
        return List.of(frames.get(0), frames.get(1), frames.get(2), frames.get(8));
    }
}
