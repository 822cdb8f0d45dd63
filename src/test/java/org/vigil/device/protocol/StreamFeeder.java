package org.vigil.device.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a decoder's caller the way a connection does: appends each chunk to a buffer of exactly
 * {@link FrameDecoder#maxFrameLength()} bytes, decodes, compacts. Fails when the decoder leaves
 * a full buffer unconsumed, moves the position backwards or past the limit, changes the limit,
 * or lowers its discard count. The one feeder of every decoder test.
 */
public final class StreamFeeder {

    private final FrameDecoder decoder;
    private final ByteBuffer buffer;
    private final List<DeviceFrame> frames = new ArrayList<>();
    private long consumed;

    public StreamFeeder(FrameDecoder decoder) {
        this.decoder = decoder;
        this.buffer = ByteBuffer.allocate(decoder.maxFrameLength());
    }

    public StreamFeeder feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    public StreamFeeder feed(byte[] data, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (!buffer.hasRemaining()) {
                throw new AssertionError("decoder left a full buffer of " + buffer.capacity() + " bytes unconsumed");
            }
            int n = Math.min(buffer.remaining(), end - i);
            buffer.put(data, i, n);
            i += n;
            buffer.flip();
            int before = buffer.position();
            int limit = buffer.limit();
            long discardedBefore = decoder.discardedBytes();
            decoder.decode(buffer, frames::add);
            if (buffer.position() < before || buffer.position() > limit || buffer.limit() != limit) {
                throw new AssertionError("position moved from " + before + " to " + buffer.position()
                        + " (limit " + limit + " -> " + buffer.limit() + ")");
            }
            if (decoder.discardedBytes() < discardedBefore) {
                throw new AssertionError("discard count went down from " + discardedBefore + " to "
                        + decoder.discardedBytes());
            }
            consumed += buffer.position() - before;
            buffer.compact();
        }
        return this;
    }

    /** Feeds {@code data} one byte per call. */
    public StreamFeeder feedByteByByte(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            feed(data, i, 1);
        }
        return this;
    }

    /** Feeds {@code data} in chunks ending at each of {@code chunkEnds} (ascending, within the data). */
    public StreamFeeder feedChunks(byte[] data, int[] chunkEnds) {
        int fed = 0;
        for (int end : chunkEnds) {
            feed(data, fed, end - fed);
            fed = end;
        }
        return this;
    }

    /** Every frame decoded so far, in order. */
    public List<DeviceFrame> frames() {
        return frames;
    }

    /** Bytes the decoder consumed so far. */
    public long consumed() {
        return consumed;
    }

    /** Bytes fed but not consumed yet. */
    public int pending() {
        return buffer.position();
    }

    public FrameDecoder decoder() {
        return decoder;
    }

    /** Frames of {@code data} fed in one piece to {@code decoder}. */
    public static List<DeviceFrame> decodeAll(FrameDecoder decoder, byte[] data) {
        return new StreamFeeder(decoder).feed(data).frames();
    }
}
