package org.vigil.device.protocol.nonin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;

/**
 * Coverage-guided fuzzing of {@link NoninDecoder} in its three formats (the first input byte
 * picks the format). Under {@code mvn test} it replays the inputs in
 * {@code src/test/resources/org/vigil/device/protocol/nonin/NoninDecoderFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes and adds what it finds there.
 */
class NoninDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesDecodeWithinTheContract(byte[] input) {
        if (input.length == 0) {
            return;
        }
        NoninFormat format = NoninFormat.values()[Math.floorMod(input[0], NoninFormat.values().length)];
        byte[] data = java.util.Arrays.copyOfRange(input, 1, input.length);
        NoninDecoder decoder = new NoninDecoder(format);
        ByteBuffer buf = ByteBuffer.wrap(data);
        List<DeviceFrame> whole = new ArrayList<>();

        decoder.decode(buf, whole::add);

        assertTrue(buf.remaining() < decoder.maxFrameLength(), buf.remaining() + " bytes left");
        assertEquals(buf.position(), decoder.discardedBytes() + (long) whole.size() * format.packetLength());
        int split = data.length == 0 ? 0 : Math.floorMod(data[0], data.length + 1);
        NoninDecoder chunked = new NoninDecoder(format);
        assertEquals(whole, new StreamFeeder(chunked).feedChunks(data, new int[] {split, data.length}).frames(), "split at " + split);
        assertEquals(decoder.discardedBytes(), chunked.discardedBytes());
    }
}
