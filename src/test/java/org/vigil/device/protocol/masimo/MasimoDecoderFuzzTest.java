package org.vigil.device.protocol.masimo;

import org.vigil.device.protocol.StreamFeeder;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.DeviceFrame;

/**
 * Coverage-guided fuzzing of {@link MasimoDecoder}. Under {@code mvn test} it replays the inputs in
 * {@code MasimoDecoderFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes. Any exception or
 * broken contract (position backwards or past the limit, a full buffer left unconsumed, chunked
 * decoding differing from whole decoding) is a finding.
 */
class MasimoDecoderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decodesAnyBytesWithinTheContract(byte[] data) {
        List<DeviceFrame> whole = new ArrayList<>();
        MasimoDecoder decoder = new MasimoDecoder();
        ByteBuffer all = ByteBuffer.wrap(data);
        decoder.decode(all, whole::add);
        check(all.position() >= 0 && all.position() <= data.length, "position out of range");

        StreamFeeder feeder = new StreamFeeder(new MasimoDecoder());
        int chunk = data.length == 0 ? 1 : 1 + (data[0] & 0x1F);
        for (int i = 0; i < data.length; i += chunk) {
            feeder.feed(data, i, Math.min(chunk, data.length - i));
        }
        check(feeder.consumed() <= data.length, "consumed more than given");
        check(whole.equals(feeder.frames()), "chunked decoding differs from whole decoding");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
