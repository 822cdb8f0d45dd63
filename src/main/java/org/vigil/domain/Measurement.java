package org.vigil.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One value of one vital as a decoder read it from one frame, before it is stamped with time and
 * device. {@code value} is {@link Double#NaN} when the device sent no value (dashes, empty field).
 */
public record Measurement(Vital vital, double value, Set<ReadingFlag> flags) {

    public Measurement {
        Objects.requireNonNull(vital, "vital");
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
    }

    public static Measurement of(Vital vital, double value) {
        return new Measurement(vital, value, Set.of());
    }

    /** A measurement the device reported as absent; flagged {@link ReadingFlag#INVALID}. */
    public static Measurement absent(Vital vital, Set<ReadingFlag> flags) {
        EnumSet<ReadingFlag> f = EnumSet.of(ReadingFlag.INVALID);
        f.addAll(flags);
        return new Measurement(vital, Double.NaN, f);
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }
}
