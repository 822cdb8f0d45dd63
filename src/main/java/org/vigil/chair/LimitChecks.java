package org.vigil.chair;

import org.vigil.domain.Decimals;
import java.util.Optional;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.LimitRule;
import org.vigil.alarm.SafeRanges;
import org.vigil.alarm.TierOrder;

/**
 * The checks every chair makes on a threshold change, whatever the clinic's policy: a known
 * alarm id, a threshold inside the alarm's safe range ({@link SafeRanges}, the same rule as the
 * configuration files), tiers that stay in order (on one vital and side, a higher-priority limit
 * is never reached before a lower-priority one, and the lower one keeps at least one value the
 * device can send at which it fires alone), and no low limit at or above a high limit.
 */
final class LimitChecks {

    /** How a nurse switches an alarm off at the chair, added to a threshold that would do it silently. */
    static final String SWITCH_OFF_HINT = ": untick \"Alarm on\" (admin) to switch the alarm off";

    private LimitChecks() {
    }

    /** Why {@code threshold} is outside the safe range of {@code rule}; empty when inside. */
    static Optional<String> safe(LimitRule rule, double threshold) {
        if (!Double.isFinite(threshold)) {
            return Optional.of("not a number");
        }
        return SafeRanges.threshold(rule, threshold)
                .map(r -> r.reason() + (r.switchesOff() ? SWITCH_OFF_HINT : ""));
    }

    /** Why {@code changed} would put a low limit at or above a high limit of its vital in {@code config}. */
    static Optional<String> crossing(AlarmConfig config, LimitRule changed) {
        return SafeRanges.crossing(config, changed);
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
