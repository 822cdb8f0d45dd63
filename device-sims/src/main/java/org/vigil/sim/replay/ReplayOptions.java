package org.vigil.sim.replay;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.vigil.sim.scenario.Scenario;

/**
 * How to replay a recording.
 *
 * @param speed       recorded seconds per played second: 1 = real time, 60 = one recorded minute per second
 * @param startMinute the recorded minute to start at; empty = the file's first minute
 * @param length      how much recorded time to play; empty = up to the end of the file
 * @param clockStart  the device clock at the first report
 * @param serial      the serial number the device prints, if any
 */
public record ReplayOptions(double speed, OptionalInt startMinute, Optional<Duration> length,
                            LocalDateTime clockStart, Optional<String> serial) {

    /** The fastest replay allowed: one recorded hour per second. */
    public static final double MAX_SPEED = 3600;

    public ReplayOptions {
        if (!(speed > 0 && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be above 0 and at most " + (int) MAX_SPEED + ": " + speed);
        }
        Objects.requireNonNull(startMinute, "startMinute");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(clockStart, "clockStart");
        Objects.requireNonNull(serial, "serial");
        if (startMinute.isPresent() && startMinute.getAsInt() < 0) {
            throw new IllegalArgumentException("start minute must not be negative: " + startMinute.getAsInt());
        }
        if (length.isPresent() && (length.get().isZero() || length.get().isNegative())) {
            throw new IllegalArgumentException("length must be longer than 0s: " + length.get());
        }
    }

    /** Real time, the whole file, the scenarios' default clock start, no serial. */
    public static ReplayOptions defaults() {
        return new ReplayOptions(1, OptionalInt.empty(), Optional.empty(), Scenario.DEFAULT_START, Optional.empty());
    }

    public ReplayOptions withSpeed(double s) {
        return new ReplayOptions(s, startMinute, length, clockStart, serial);
    }

    public ReplayOptions withStartMinute(int minute) {
        return new ReplayOptions(speed, OptionalInt.of(minute), length, clockStart, serial);
    }

    public ReplayOptions withLength(Duration recorded) {
        return new ReplayOptions(speed, startMinute, Optional.of(recorded), clockStart, serial);
    }

    public ReplayOptions withClockStart(LocalDateTime t) {
        return new ReplayOptions(speed, startMinute, length, t, serial);
    }

    public ReplayOptions withSerial(String s) {
        return new ReplayOptions(speed, startMinute, length, clockStart, Optional.of(s));
    }
}
