package org.vigil.review;

import java.time.Instant;

/**
 * A stretch of one waveform (about a second) as recorded: sample {@code i} was taken at
 * {@code start + i / rateHz} seconds; values in the device's own units.
 */
public record WaveSegment(String deviceId, Instant start, double rateHz, short[] samples) {

    /** Epoch milliseconds of sample {@code i} (fractional). */
    public double timeMsOf(int i) {
        return start.toEpochMilli() + i * 1000.0 / rateHz;
    }
}
