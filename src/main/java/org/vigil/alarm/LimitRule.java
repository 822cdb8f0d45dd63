package org.vigil.alarm;

import java.time.Duration;
import java.util.Objects;
import org.vigil.domain.Vital;

/**
 * One threshold alarm condition. {@code id} is the stable alarm id printed in the log
 * ({@code spo2.low}, {@code spo2.desat}). The condition is violated when the vital is below
 * (LOW) or above (HIGH) {@code threshold}, or equal to it when {@code inclusive}. For
 * {@link LimitReference#BASELINE} the compared quantity is value − baseline (HIGH) or
 * baseline − value (LOW), always with {@code inclusive} meaning "at least".
 * NIBP rules are evaluated once per cuff measurement and ignore {@code conditionDelay}.
 */
public record LimitRule(
        String id,
        Vital vital,
        Direction direction,
        double threshold,
        boolean inclusive,
        LimitReference reference,
        Priority priority,
        Duration conditionDelay,
        boolean latching,
        boolean enabled) {

    public LimitRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vital, "vital");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(conditionDelay, "conditionDelay");
        if (conditionDelay.isNegative()) {
            throw new IllegalArgumentException(id + ": condition delay must not be negative");
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException(id + ": threshold must be a number");
        }
    }

    /** True when {@code value} (compared against {@code baseline} for BASELINE rules) violates this rule. */
    public boolean violatedBy(double value, double baseline) {
        double q;
        if (reference == LimitReference.BASELINE) {
            if (Double.isNaN(baseline)) {
                return false;
            }
            q = direction == Direction.HIGH ? value - baseline : baseline - value;
            return inclusive ? q >= threshold : q > threshold;
        }
        q = value;
        if (direction == Direction.LOW) {
            return inclusive ? q <= threshold : q < threshold;
        }
        return inclusive ? q >= threshold : q > threshold;
    }

    /** The limit in force as printed in the log: the absolute threshold, or baseline ± rise. */
    public double limitInForce(double baseline) {
        if (reference == LimitReference.BASELINE) {
            return direction == Direction.HIGH ? baseline + threshold : baseline - threshold;
        }
        return threshold;
    }

    public LimitRule withThreshold(double newThreshold) {
        return new LimitRule(id, vital, direction, newThreshold, inclusive, reference, priority, conditionDelay, latching, enabled);
    }

    public LimitRule withEnabled(boolean on) {
        return new LimitRule(id, vital, direction, threshold, inclusive, reference, priority, conditionDelay, latching, on);
    }
}
