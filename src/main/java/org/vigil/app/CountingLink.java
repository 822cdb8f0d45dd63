package org.vigil.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.transport.PtyTransport;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;

/**
 * A simulated device's end of its link that also decodes every byte written to it with a fresh
 * reference decoder of its protocol: the frames the simulator sent, and the bytes of what it sent
 * that belong to no frame (protocol text that carries no reading, such as the Nellcor N-595's
 * header lines), before and after its first frame. Bytes a pseudo-terminal dropped because the
 * station was not reading still count as sent: their frames are lost on the way.
 */
final class CountingLink implements Transport {

    private final Transport inner;
    private final FrameDecoder reference;
    private final ByteBuffer buffer;
    private long frames;
    private long skippedBeforeFirstFrame = -1;

    CountingLink(Transport inner, FrameDecoder reference) {
        this.inner = inner;
        this.reference = reference;
        this.buffer = ByteBuffer.allocate(Math.max(65_536, reference.maxFrameLength() * 4));
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void open(TransportListener listener) throws IOException {
        inner.open(listener);
    }

    /** Writes to the link, then decodes what was written (the player and a responder may both write). */
    @Override
    public synchronized void write(byte[] data, int off, int len) throws IOException {
        inner.write(data, off, len);
        int end = off + len;
        while (off < end) {
            int n = Math.min(end - off, buffer.remaining());
            buffer.put(data, off, n);
            off += n;
            buffer.flip();
            reference.decode(buffer, f -> {
                if (frames++ == 0) {
                    skippedBeforeFirstFrame = reference.discardedBytes();
                }
            });
            buffer.compact();
            if (!buffer.hasRemaining()) {
                buffer.clear();
            }
        }
    }

    /** Frames written so far. */
    synchronized long frames() {
        return frames;
    }

    /** Bytes written so far that the reference decoder skipped before the first frame (all of them before it). */
    synchronized long skippedBeforeFirstFrame() {
        return frames == 0 ? reference.discardedBytes() : skippedBeforeFirstFrame;
    }

    /** Bytes written so far that the reference decoder skipped after the first frame. */
    synchronized long skippedAfterFirstFrame() {
        return reference.discardedBytes() - skippedBeforeFirstFrame();
    }

    /** Bytes the pseudo-terminal dropped because the station was not reading (0 for TCP). */
    long droppedBytes() {
        return inner instanceof PtyTransport p ? p.pty().droppedBytes() : 0;
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void close() {
        inner.close();
    }
}
