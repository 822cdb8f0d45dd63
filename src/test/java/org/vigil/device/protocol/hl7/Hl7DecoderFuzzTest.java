package org.vigil.device.protocol.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.DeviceFrame;

/**
 * Coverage-guided fuzzing of {@link Hl7Decoder}, HAPI parse included. Under {@code mvn test} it
 * replays the inputs in {@code src/test/resources/org/vigil/device/protocol/hl7/Hl7DecoderFuzzTestInputs/};
 * with {@code JAZZER_FUZZ=1} it fuzzes and adds what it finds there.
 */
class Hl7DecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesDecodeWithinTheContract(byte[] input) {
        Hl7Decoder decoder = new Hl7Decoder();
        ByteBuffer buf = ByteBuffer.wrap(input);
        List<DeviceFrame> whole = new ArrayList<>();

        decoder.decode(buf, whole::add);

        assertTrue(buf.remaining() < decoder.maxFrameLength(), buf.remaining() + " bytes left");
        assertTrue(decoder.discardedBytes() <= buf.position());
        int split = input.length == 0 ? 0 : Math.floorMod(input[0], input.length + 1);
        assertEquals(whole, Hl7Streams.feed(new Hl7Decoder(), input, new int[] {split, input.length}), "split at " + split);
    }
}
