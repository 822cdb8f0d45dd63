package org.vigil.ui.chart;

import java.util.Objects;

/** A session event at {@code time} (epoch ms), drawn as a marker with its text. */
public record EventMarker(long time, String text) {

    public EventMarker {
        Objects.requireNonNull(text, "text");
    }
}
