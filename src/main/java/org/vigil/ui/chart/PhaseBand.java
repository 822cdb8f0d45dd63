package org.vigil.ui.chart;

import java.util.Objects;

/** A phase of the session (baseline, infusion, recovery…) from {@code start} to {@code end}, epoch ms. */
public record PhaseBand(long start, long end, String label) {

    public PhaseBand {
        Objects.requireNonNull(label, "label");
        if (end < start) {
            throw new IllegalArgumentException("phase ends before it starts");
        }
    }

    public boolean contains(long t) {
        return t >= start && t < end;
    }
}
