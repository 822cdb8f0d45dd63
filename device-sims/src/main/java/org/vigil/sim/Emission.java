package org.vigil.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes one simulated device writes at one instant of simulated time.
 *
 * @param at    when, from t = 0
 * @param bytes what is written (one complete frame, or a burst of garbage); not to be modified
 * @param kind  what it is: {@link #REPORT}, {@link #NIBP}, {@link #CUFF_INFLATING},
 *              {@link #SENSOR_OFF}, {@link #GLITCH} or {@link #GARBAGE}
 */
public record Emission(Duration at, byte[] bytes, String kind) {

    /** An ordinary once-a-second report. */
    public static final String REPORT = "report";
    /** The first report that carries the result of a new cuff measurement (possibly "no value" when it failed). */
    public static final String NIBP = "nibp";
    /** A report sent while the NIBP cuff inflates (extension {@code cuff_inflation}). */
    public static final String CUFF_INFLATING = "cuff_inflating";
    /** A report with no values and the protocol's sensor-off indication. */
    public static final String SENSOR_OFF = "sensor_off";
    /** A frame whose values no patient can have (scenario event {@code glitch}). */
    public static final String GLITCH = "glitch";
    /** Random bytes written between two frames. */
    public static final String GARBAGE = "garbage";

    public Emission {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(kind, "kind");
    }

    /** True for frames (every kind but {@link #GARBAGE}). */
    public boolean isFrame() {
        return !GARBAGE.equals(kind);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Emission e && at.equals(e.at) && kind.equals(e.kind) && Arrays.equals(bytes, e.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(at, kind, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "Emission[" + at + " " + kind + " " + bytes.length + " bytes]";
    }
}
