package org.vigil.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@link WaveSegment} stamped with the station's receive time of its frame and the configured
 * device id: the waveform counterpart of a {@link Reading}. The last sample arrived at
 * {@code time}; the first {@link WaveSegment#seconds()} before it at the device's rate.
 */
public record WaveChunk(Instant time, String deviceId, WaveSegment segment) {

    public WaveChunk {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(segment, "segment");
    }
}
