package org.vigil.device.protocol.masimo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;

/**
 * Plays the decoder's caller the way a connection does: appends each chunk to a buffer of
 * exactly {@link FrameDecoder#maxFrameLength()} bytes, decodes, compacts. Fails when the decoder
 * leaves a full buffer unconsumed, moves the position backwards or past the limit.
 */
final class StreamFeeder {

    private final FrameDecoder decoder;
    private final ByteBuffer buffer;
    private final List<DeviceFrame> frames = new ArrayList<>();
    private long consumed;

    StreamFeeder(FrameDecoder decoder) {
        this.decoder = decoder;
        this.buffer = ByteBuffer.allocate(decoder.maxFrameLength());
    }

    StreamFeeder feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    StreamFeeder feed(byte[] data, int off, int len) {
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
            decoder.decode(buffer, frames::add);
            if (buffer.position() < before || buffer.position() > limit || buffer.limit() != limit) {
                throw new AssertionError("position moved from " + before + " to " + buffer.position()
                        + " (limit " + limit + " -> " + buffer.limit() + ")");
            }
            consumed += buffer.position() - before;
            buffer.compact();
        }
        return this;
    }

    List<DeviceFrame> frames() {
        return frames;
    }

    /** Bytes the decoder consumed so far. */
    long consumed() {
        return consumed;
    }

    /** Bytes fed but not consumed yet. */
    int pending() {
        return buffer.position();
    }

    FrameDecoder decoder() {
        return decoder;
    }

    /** Frames of {@code data} fed in one piece to a fresh decoder. */
    static List<DeviceFrame> decodeAll(byte[] data) {
        return new StreamFeeder(new MasimoDecoder()).feed(data).frames();
    }
}
