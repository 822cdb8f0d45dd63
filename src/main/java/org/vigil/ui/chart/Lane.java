package org.vigil.ui.chart;

import java.util.List;
import java.util.Objects;

/**
 * A horizontal band of the chart with its own y axis: a title, the unit on its axis, the value
 * range shown when the data stays inside it (widened to the data's own range otherwise), the
 * share of the chart's height it takes ({@code weight}), and the tracks drawn in it.
 */
public record Lane(String id, String title, String unit, double min, double max, double weight, List<Track> tracks) {

    public Lane {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unit, "unit");
        if (!(max > min)) {
            throw new IllegalArgumentException("lane " + id + ": max must be above min");
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("lane " + id + ": weight must be positive");
        }
        tracks = List.copyOf(tracks);
    }

    /** A lane of weight 1. */
    public static Lane of(String id, String title, String unit, double min, double max, Track... tracks) {
        return new Lane(id, title, unit, min, max, 1, List.of(tracks));
    }
}
