package org.vigil.device.protocol.intellivue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.DeviceFrame;

/**
 * Coverage-guided fuzzing of {@link IntellivueDecoder}. Under {@code mvn test} it replays the
 * inputs in {@code src/test/resources/org/vigil/device/protocol/intellivue/IntellivueDecoderFuzzTestInputs/};
 * with {@code JAZZER_FUZZ=1} it fuzzes and adds what it finds there. Both the framing and, since
 * a fuzzer rarely forges an FCS, the message parser behind a valid frame are fuzzed.
 */
class IntellivueDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesDecodeWithinTheContract(byte[] input) {
        IntellivueDecoder decoder = new IntellivueDecoder();
        ByteBuffer buf = ByteBuffer.wrap(input);
        List<DeviceFrame> whole = new ArrayList<>();

        decoder.decode(buf, whole::add);

        int left = buf.remaining();
        assertTrue(left < decoder.maxFrameLength(), left + " bytes left");
        assertTrue(left == 0 || (buf.get(buf.position()) & 0xFF) == 0xC0, "left bytes do not start a frame");
        assertTrue(decoder.discardedBytes() <= buf.position());

        int split = input.length == 0 ? 0 : Math.floorMod(input[0], input.length + 1);
        assertEquals(whole, IntellivueStreams.feed(new IntellivueDecoder(), input, new int[] {split, input.length}),
                "split at " + split);
    }

    @FuzzTest(maxDuration = "60s")
    void anyPayloadInAValidFrameNeverThrows(byte[] payload) {
        if (payload.length > SerialFraming.MAX_USER_DATA) {
            return;
        }
        IntellivueDecoder decoder = new IntellivueDecoder();
        byte[] wire = SerialFraming.frame(payload);
        ByteBuffer buf = ByteBuffer.wrap(wire);
        decoder.decode(buf, f -> { });
        assertEquals(wire.length, buf.position());
        assertEquals(0, decoder.discardedBytes());
    }
}
