package org.vigil.ui.chart;

import java.util.Objects;

/**
 * One line in a lane: its id (the key its data is set under), the label and unit its read-out
 * gives, its colour as a CSS hex string ({@code "#33e06a"}), and the longest interval between
 * two samples the line is drawn across (longer is a gap; 0: only {@code NaN} breaks the line).
 */
public record Track(String id, String label, String unit, String color, long maxGapMillis) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(color, "color");
        if (maxGapMillis < 0) {
            throw new IllegalArgumentException("maxGapMillis must not be negative");
        }
    }

    /** A 1 Hz track: a line breaks after 5 s without a sample. */
    public static Track of(String id, String label, String unit, String color) {
        return new Track(id, label, unit, color, 5_000);
    }
}
