package org.vigil.ui.chart;

import java.util.Objects;

/** A horizontal reference line at {@code value} in lane {@code laneId}, with its label (e.g. "baseline SYS 128"). */
public record BaselineLine(String laneId, double value, String label) {

    public BaselineLine {
        Objects.requireNonNull(laneId, "laneId");
        Objects.requireNonNull(label, "label");
    }
}
