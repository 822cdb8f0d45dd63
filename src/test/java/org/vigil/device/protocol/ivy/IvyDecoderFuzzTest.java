package org.vigil.device.protocol.ivy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.DeviceFrame;

/**
 * Coverage-guided fuzzing of {@link IvyDecoder}. Under {@code mvn test} it replays the inputs in
 * {@code src/test/resources/org/vigil/device/protocol/ivy/IvyDecoderFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes and adds what it finds there.
 */
class IvyDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesDecodeWithinTheContract(byte[] input) {
        IvyDecoder decoder = new IvyDecoder();
        ByteBuffer buf = ByteBuffer.wrap(input);
        List<DeviceFrame> whole = new ArrayList<>();

        decoder.decode(buf, whole::add);

        int left = buf.remaining();
        assertTrue(left < decoder.maxFrameLength(), left + " bytes left");
        assertTrue(left == 0 || (buf.get(buf.position()) & 0xFF) == 0xFF, "left bytes do not start a message");
        assertTrue(decoder.discardedBytes() <= buf.position());

        int split = input.length == 0 ? 0 : Math.floorMod(input[0], input.length + 1);
        assertEquals(whole, IvyStreams.feed(new IvyDecoder(), input, new int[] {split, input.length}), "split at " + split);
    }
}
