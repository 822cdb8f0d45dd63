package org.vigil.device.protocol.contec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * At 60 packets a second the per-byte path must not allocate: the memory one decoder allocates
 * is counted by the JVM (allocated bytes of this thread) while it decodes a steady minute of
 * packets, and must stay within what its frames need. The throughput is printed, never asserted.
 */
class ContecDecoderThroughputTest {

    /** One minute of a steady patient: 3600 packets, 32,400 bytes, 60 frames. */
    private static final byte[] MINUTE = ContecStreams.repeat(ContecStreams.realTime(72, 97, 345), 3600);

    private static long framesOf(byte[] data, int chunk) {
        ContecDecoder decoder = new ContecDecoder();
        ByteBuffer buffer = ByteBuffer.allocate(decoder.maxFrameLength() + chunk);
        long[] frames = {0};
        for (int i = 0; i < data.length; i += chunk) {
            buffer.put(data, i, Math.min(chunk, data.length - i));
            buffer.flip();
            decoder.decode(buffer, f -> frames[0]++);
            buffer.compact();
        }
        return frames[0];
    }

    @Test
    void decodingASteadyMinuteAllocatesOnlyItsSixtyFrames() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        for (int i = 0; i < 20; i++) {
            framesOf(MINUTE, 64); // warm-up, so the JIT has compiled the loop
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        long frames = framesOf(MINUTE, 64);
        long allocated = threads.getThreadAllocatedBytes(id) - before;

        assertEquals(60, frames);
        // a frame (measurements, flags, attributes, 60 pleth samples as text) takes about 2-3 KB;
        // one object per byte would add at least 16 bytes x 32,400 = 518 KB
        System.out.printf("contec decoder: %d bytes allocated decoding %d bytes (%d frames): %d per frame%n", allocated,
                MINUTE.length, frames, allocated / frames);
        assertTrue(allocated < 60 * 5_000, "allocated " + allocated + " bytes for 60 frames");
    }

    @Test
    void throughputIsPrinted() {
        byte[] data = ContecStreams.repeat(ContecStreams.concat(MINUTE,
                ContecStreams.repeat(ContecStreams.realTime(0x80, 0x40, 0x10, 0xFF, 0x7F, 0xFFFF), 60)), 10);
        for (int i = 0; i < 10; i++) {
            framesOf(data, 4096);
        }
        int passes = 20;
        long frames = 0;
        long start = System.nanoTime();
        for (int i = 0; i < passes; i++) {
            frames += framesOf(data, 4096);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long packets = (long) passes * data.length / 9;
        System.out.printf("contec decoder throughput: %.0f packets/s, %.0f frames/s, %.1f MB/s%n",
                packets / seconds, frames / seconds, (double) passes * data.length / seconds / 1e6);
        assertEquals(passes * 10L * 61, frames); // per repetition: 60 steady frames and the change to finger out
    }
}
