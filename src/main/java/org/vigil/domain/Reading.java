package org.vigil.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A measurement stamped with the station's receive time and the configured device id.
 * {@code value} is {@link Double#NaN} when absent.
 */
public record Reading(Instant time, String deviceId, Vital vital, double value, Set<ReadingFlag> flags) {

    public Reading {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(vital, "vital");
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
    }

    public static Reading of(Instant time, String deviceId, Measurement m) {
        return new Reading(time, deviceId, m.vital(), m.value(), m.flags());
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }

    /** True when the value may drive physiological alarms: present and not invalidated by a flag. */
    public boolean isValid() {
        if (!hasValue()) {
            return false;
        }
        for (ReadingFlag f : flags) {
            if (f.invalidates()) {
                return false;
            }
        }
        return true;
    }

    /** The same reading with one more flag. */
    public Reading withFlag(ReadingFlag flag) {
        EnumSet<ReadingFlag> f = flags.isEmpty() ? EnumSet.noneOf(ReadingFlag.class) : EnumSet.copyOf(flags);
        f.add(flag);
        return new Reading(time, deviceId, vital, value, f);
    }

    /** Flags as printed in CSV: keys in declaration order joined with {@code |}, empty if none. */
    public String flagsText() {
        return ReadingFlag.text(flags);
    }
}
