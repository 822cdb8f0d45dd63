package org.vigil.device.protocol.intellivue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the decoder's throughput on whole numerics results (8 vitals, about 200 bytes on the
 * wire each) and logs it; the figure is reported, never asserted (a timed assertion fails on a
 * busy machine). What is asserted is that every frame was decoded.
 */
class IntellivueDecoderThroughputTest {

    private static final Logger log = LoggerFactory.getLogger(IntellivueDecoderThroughputTest.class);

    @Test
    void decoderThroughputIsMeasured() {
        byte[] one = IntellivueStreams.sessionFrames().get(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int perChunk = 2000;
        for (int i = 0; i < perChunk; i++) {
            out.writeBytes(one);
        }
        byte[] chunk = out.toByteArray();
        long frames = 0;
        long bytes = 0;
        long start = 0;
        for (int round = 0; round < 40; round++) {
            if (round == 10) {
                start = System.nanoTime(); // after warm-up
                frames = 0;
                bytes = 0;
            }
            IntellivueDecoder decoder = new IntellivueDecoder();
            long[] count = {0};
            decoder.decode(ByteBuffer.wrap(chunk), f -> count[0]++);
            assertEquals(perChunk, count[0]);
            frames += count[0];
            bytes += chunk.length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String figure = String.format(Locale.ROOT, "decode intellivue %,.0f frames/s (%.1f MB/s, %,d frames of %d bytes in %.2f s)",
                frames / seconds, bytes / seconds / 1e6, frames, one.length, seconds);
        log.info(figure);
        System.out.println(figure);
    }
}
