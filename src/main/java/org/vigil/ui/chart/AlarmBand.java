package org.vigil.ui.chart;

import java.util.Objects;
import org.vigil.alarm.Priority;

/**
 * An alarm condition from {@code start} to {@code end} (epoch ms), drawn as a band in its
 * priority's colour with its priority's hatch and marker ({@code !!!}, {@code !!}, {@code !}),
 * so it reads in grey too; over one lane ({@code laneId}) or, when null, over all of them.
 */
public record AlarmBand(long start, long end, Priority priority, String text, String laneId) {

    public AlarmBand {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(text, "text");
        if (end < start) {
            throw new IllegalArgumentException("alarm ends before it starts");
        }
    }

    /** An alarm band over all lanes. */
    public static AlarmBand of(long start, long end, Priority priority, String text) {
        return new AlarmBand(start, end, priority, text, null);
    }

    public boolean contains(long t) {
        return t >= start && t < end;
    }

    /** The IEC 60601-1-8 priority marker: {@code !!!} high, {@code !!} medium, {@code !} low. */
    public String marker() {
        return switch (priority) {
            case HIGH -> "!!!";
            case MEDIUM -> "!!";
            case LOW -> "!";
        };
    }
}
