package org.vigil.alarm;

import java.util.Optional;

/**
 * The tiers of one vital and side must stay in order: a higher-priority limit is never reached
 * before a lower-priority one (for SpO2 low: desaturation below 85 is beyond "low" below 90).
 * Checked wherever thresholds are set: the configuration file, a chair's limit edits.
 */
public final class TierOrder {

    /** {@code rule} conflicts with {@code other}: it would lie {@code side} ("above"/"below") it. */
    public record Conflict(LimitRule other, String side) {
    }

    private TierOrder() {
    }

    /** The first rule of {@code config} that {@code rule} would be out of order with, if any. */
    public static Optional<Conflict> conflict(AlarmConfig config, LimitRule rule) {
        for (LimitRule other : config.rules()) {
            if (other.id().equals(rule.id()) || other.vital() != rule.vital()
                    || other.direction() != rule.direction() || other.reference() != rule.reference()
                    || other.priority() == rule.priority()) {
                continue;
            }
            boolean ruleIsHigher = rule.priority().compareTo(other.priority()) > 0;
            // On a HIGH side the higher-priority tier needs the larger threshold; on LOW the smaller.
            boolean high = rule.direction() == Direction.HIGH;
            double mine = rule.threshold();
            double theirs = other.threshold();
            boolean wrong = ruleIsHigher ? (high ? mine < theirs : mine > theirs) : (high ? mine > theirs : mine < theirs);
            if (wrong) {
                return Optional.of(new Conflict(other, (high ^ ruleIsHigher) ? "above" : "below"));
            }
        }
        return Optional.empty();
    }
}
