package org.vigil.device.protocol.contec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;

/**
 * Coverage-guided fuzzing of {@link ContecDecoder}. Under {@code mvn test} it replays the inputs
 * in {@code ContecDecoderFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes. Any exception
 * or broken contract (position backwards or past the limit, a full buffer left unconsumed,
 * chunked decoding differing from whole decoding) is a finding.
 */
class ContecDecoderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesDecodeWithinTheContract(byte[] data) {
        List<DeviceFrame> whole = new ArrayList<>();
        ContecDecoder decoder = new ContecDecoder();
        ByteBuffer all = ByteBuffer.wrap(data);
        decoder.decode(all, whole::add);
        check(all.position() >= 0 && all.position() <= data.length, "position out of range");
        check(data.length - all.position() <= decoder.maxFrameLength(), "more than one frame left unconsumed");

        StreamFeeder feeder = new StreamFeeder(new ContecDecoder());
        int chunk = data.length == 0 ? 1 : 1 + (data[0] & 0x1F);
        for (int i = 0; i < data.length; i += chunk) {
            feeder.feed(data, i, Math.min(chunk, data.length - i));
        }
        check(feeder.consumed() == all.position(), "chunked decoding consumed a different count");
        check(whole.equals(feeder.frames()), "chunked decoding differs from whole decoding");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
