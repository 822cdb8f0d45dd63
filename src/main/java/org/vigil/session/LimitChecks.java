package org.vigil.session;

import org.vigil.domain.Decimals;
import java.util.Optional;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.LimitRule;
import org.vigil.alarm.TierOrder;

/**
 * The checks every chair makes on a threshold change, whatever the clinic's policy: a known
 * alarm id, a finite non-negative number, and tiers that stay in order (on one vital and side,
 * a higher-priority limit is never reached before a lower-priority one, and the lower one keeps
 * at least one value the device can send at which it fires alone).
 */
final class LimitChecks {

    private LimitChecks() {
    }

    static Optional<String> basic(double threshold) {
        if (!Double.isFinite(threshold)) {
            return Optional.of("not a number");
        }
        if (threshold < 0) {
            return Optional.of(Decimals.format(threshold) + " is physiologically impossible (below 0)");
        }
        return Optional.empty();
    }

    /** Why {@code changed} would break the order of the tiers in {@code config}; empty when it keeps it. */
    static Optional<String> order(AlarmConfig config, LimitRule changed) {
        Optional<String> conflict = TierOrder.conflict(config, changed).map(c -> Decimals.format(changed.threshold())
                + " would be " + c.side() + " the " + c.other().priority().key() + "-priority limit " + c.other().id()
                + " (" + Decimals.format(c.other().threshold()) + ")");
        if (conflict.isPresent()) {
            return conflict;
        }
        return TierOrder.unreachable(config.withRule(changed), changed).map(TierOrder.Unreachable::reason);
    }
}
