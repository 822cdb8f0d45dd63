package org.vigil.device.protocol.ges5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.DeviceFrame;

/**
 * Coverage-guided fuzzing of {@link S5Decoder}. Under {@code mvn test} it replays the inputs in
 * {@code src/test/resources/org/vigil/device/protocol/ges5/S5DecoderFuzzTestInputs/} (made by the
 * station's own simulator and session); with {@code JAZZER_FUZZ=1} it fuzzes and adds what it
 * finds there.
 */
class S5DecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesDecodeWithinTheContract(byte[] input) {
        S5Decoder decoder = new S5Decoder();
        ByteBuffer buf = ByteBuffer.wrap(input);
        List<DeviceFrame> whole = new ArrayList<>();

        decoder.decode(buf, whole::add);

        int left = buf.remaining();
        assertTrue(left < decoder.maxFrameLength(), left + " bytes left");
        assertTrue(left == 0 || (buf.get(buf.position()) & 0xFF) == 0x7E, "left bytes do not start a frame");
        assertTrue(decoder.discardedBytes() <= buf.position());

        int split = input.length == 0 ? 0 : Math.floorMod(input[0], input.length + 1);
        assertEquals(whole, S5Streams.feed(new S5Decoder(), input, new int[] {split, input.length}), "split at " + split);
    }
}
