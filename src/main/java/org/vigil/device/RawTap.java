package org.vigil.device;

import java.time.Instant;

/**
 * Sees the raw bytes a device link receives, before they are decoded (raw capture). Called on the
 * link's reader thread: an implementation copies what it keeps and returns at once.
 */
public interface RawTap {

    /** Nothing captured. */
    RawTap NONE = (at, data, len) -> { };

    /** {@code data[0..len)} arrived at {@code at}; the array is reused after the call. */
    void received(Instant at, byte[] data, int len);
}
