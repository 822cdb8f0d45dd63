package org.vigil.device.protocol;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Turns a device's byte stream into typed {@link DeviceFrame}s, following the Netty decoder
 * contract:
 * <ul>
 *   <li>{@link #decode} consumes only complete frames: when the buffer ends in a partial frame
 *       its bytes stay in the buffer (position left at the partial frame's first byte) for the
 *       next call with more bytes appended;</li>
 *   <li>every frame has a maximum length; a longer or corrupt frame is discarded and the
 *       decoder resynchronises on the next start marker;</li>
 *   <li>bytes that belong to no frame are skipped and counted in {@link #discardedBytes()};</li>
 *   <li>it never throws on any input.</li>
 * </ul>
 * A decoder keeps no state between calls other than counters, so the same bytes split at any
 * point give the same frames. Instances are not thread-safe: one per connection.
 */
public interface FrameDecoder {

    /**
     * Decodes every complete frame in {@code in} (from its position to its limit) and hands each
     * to {@code out} in order. On return the position is at the first byte not yet consumed.
     */
    void decode(ByteBuffer in, Consumer<DeviceFrame> out);

    /**
     * Decodes like {@link #decode} when the input ends here (the end of a capture file; Netty's
     * {@code decodeLast}): a decoder whose last frame is only known complete at the end of the
     * input (a plain-text HL7 file) takes it. By default the same as {@link #decode}.
     */
    default void decodeLast(ByteBuffer in, Consumer<DeviceFrame> out) {
        decode(in, out);
    }

    /** Bytes skipped so far because they belonged to no valid frame. */
    long discardedBytes();

    /** Largest number of bytes one frame may take; a caller's buffer must hold at least this. */
    int maxFrameLength();
}
