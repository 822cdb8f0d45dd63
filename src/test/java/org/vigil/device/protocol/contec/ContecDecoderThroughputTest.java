package org.vigil.device.protocol.contec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * At 60 packets a second the per-byte path must not allocate: the memory the decoder allocates
 * (counted by the JVM for this thread) is the same whether a steady minute of packets comes one
 * byte per call or in one piece, and stays within what its frames need. The throughput is
 * printed, never asserted.
 */
class ContecDecoderThroughputTest {

    /** One minute of a steady patient: 3600 packets, 32,400 bytes, 3600 frames (60 with values). */
    private static final byte[] MINUTE = ContecStreams.repeat(ContecStreams.realTime(72, 97, 345), 3600);

    private static long framesOf(byte[] data, int chunk) {
        ContecDecoder decoder = new ContecDecoder();
        ByteBuffer buffer = ByteBuffer.allocate(decoder.maxFrameLength() + chunk);
        long[] frames = {0};
        java.util.function.Consumer<org.vigil.device.protocol.DeviceFrame> count = f -> frames[0]++;
        for (int i = 0; i < data.length; i += chunk) {
            buffer.put(data, i, Math.min(chunk, data.length - i));
            buffer.flip();
            decoder.decode(buffer, count);
            buffer.compact();
        }
        return frames[0];
    }

    private static long allocatedDecoding(byte[] data, int chunk) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        for (int i = 0; i < 20; i++) {
            framesOf(data, chunk); // warm-up, so the JIT has compiled the loop
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        assertEquals(3600, framesOf(data, chunk));
        return threads.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void feedingOneByteAtATimeAllocatesNoMoreThanFeedingInOnePiece() {
        long whole = allocatedDecoding(MINUTE, MINUTE.length);
        long byByte = allocatedDecoding(MINUTE, 1);
        System.out.printf("contec decoder: %d bytes allocated for a steady minute (3600 frames, %d per frame); %d fed byte by byte%n",
                whole, whole / 3600, byByte);
        // one object per byte fed would add at least 16 bytes x 32,400 = 518 KB
        assertTrue(byByte < whole + 64_000, "byte by byte " + byByte + " vs whole " + whole);
        // a frame without values is the frame and its one-entry map; with values, three measurements more
        assertTrue(whole < 3600 * 200, "allocated " + whole + " bytes for 3600 frames");
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
        System.out.printf("contec decoder throughput: %.0f packets/s (one frame each), %.1f MB/s%n",
                frames / seconds, (double) passes * data.length / seconds / 1e6);
        assertEquals((long) passes * data.length / 9, frames);
    }
}
