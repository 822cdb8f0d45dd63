package org.vigil.session;

import java.util.Optional;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.Direction;
import org.vigil.alarm.LimitRule;

/**
 * The checks every chair makes on a threshold change, whatever the clinic's policy: a known
 * alarm id, a finite non-negative number, and tiers that stay in order (on one vital and side,
 * a higher-priority limit is never reached before a lower-priority one).
 */
final class LimitChecks {

    private LimitChecks() {
    }

    static Optional<String> basic(double threshold) {
        if (!Double.isFinite(threshold)) {
            return Optional.of("not a number");
        }
        if (threshold < 0) {
            return Optional.of(Thresholds.format(threshold) + " is physiologically impossible (below 0)");
        }
        return Optional.empty();
    }

    /** Why {@code changed} would break the order of the tiers in {@code config}; empty when it keeps it. */
    static Optional<String> order(AlarmConfig config, LimitRule changed) {
        for (LimitRule other : config.rules()) {
            if (other.id().equals(changed.id()) || other.vital() != changed.vital()
                    || other.direction() != changed.direction() || other.reference() != changed.reference()
                    || other.priority() == changed.priority()) {
                continue;
            }
            boolean changedIsHigher = changed.priority().compareTo(other.priority()) > 0;
            // For a HIGH side the higher-priority tier needs the larger threshold; for LOW the smaller.
            boolean high = changed.direction() == Direction.HIGH;
            double mine = changed.threshold();
            double theirs = other.threshold();
            boolean wrong = changedIsHigher ? (high ? mine < theirs : mine > theirs) : (high ? mine > theirs : mine < theirs);
            if (wrong) {
                String side = (high ^ changedIsHigher) ? "above" : "below";
                return Optional.of(Thresholds.format(mine) + " would be " + side + " the " + other.priority().key()
                        + "-priority limit " + other.id() + " (" + Thresholds.format(theirs) + ")");
            }
        }
        return Optional.empty();
    }
}
