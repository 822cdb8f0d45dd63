package org.vigil.device.protocol.nellcor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;

/**
 * Coverage-guided fuzzing of {@link NellcorDecoder}. Under {@code mvn test} it replays the inputs
 * in {@code src/test/resources/org/vigil/device/protocol/nellcor/NellcorDecoderFuzzTestInputs/};
 * with {@code JAZZER_FUZZ=1} it fuzzes and adds what it finds there.
 */
class NellcorDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesDecodeWithinTheContract(byte[] input) {
        NellcorDecoder decoder = new NellcorDecoder();
        ByteBuffer buf = ByteBuffer.wrap(input);
        List<DeviceFrame> whole = new ArrayList<>();

        decoder.decode(buf, whole::add);

        assertTrue(buf.remaining() < decoder.maxFrameLength(), buf.remaining() + " bytes left");
        assertTrue(decoder.discardedBytes() <= buf.position());
        int split = input.length == 0 ? 0 : Math.floorMod(input[0], input.length + 1);
        NellcorDecoder chunked = new NellcorDecoder();
        assertEquals(whole, new StreamFeeder(chunked).feedChunks(input, new int[] {split, input.length}).frames(), "split at " + split);
        assertEquals(decoder.discardedBytes(), chunked.discardedBytes());
    }
}
