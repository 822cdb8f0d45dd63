package org.vigil.alarm;

import java.util.Optional;
import org.vigil.domain.Decimals;

/**
 * The tiers of one vital and side must stay in order: a higher-priority limit is never reached
 * before a lower-priority one (for SpO2 low: desaturation below 85 is beyond "low" below 90).
 * And a lower-priority tier must be able to fire alone: the vitals arrive at a fixed resolution
 * (whole numbers for HR, RR, SpO2, NIBP), so medium {@code > 24} under high {@code ≥ 25} never
 * fires alone although the tiers are in order: 25, the first whole number above 24, is already
 * high. Checked wherever thresholds are set: the configuration file, the clinic limits file, a
 * chair's limit edits.
 */
public final class TierOrder {

    /** {@code rule} conflicts with {@code other}: it would lie {@code side} ("above"/"below") it. */
    public record Conflict(LimitRule other, String side) {
    }

    /**
     * {@code lower} can never fire alone: {@code firstValue}, the least extreme value it fires at
     * that the device can send, already violates the higher-priority {@code higher}.
     */
    public record Unreachable(LimitRule lower, LimitRule higher, double firstValue) {

        /**
         * E.g. {@code rr.high > 24 can never fire alone: 25 is already high-priority (rr.very_high ≥ 25)}:
         * short enough for a limit row on screen.
         */
        public String reason() {
            return describe(lower) + " can never fire alone: " + Decimals.format(firstValue) + " is already "
                    + higher.priority().key() + "-priority (" + describe(higher) + ")";
        }

        private static String describe(LimitRule r) {
            String op = r.direction() == Direction.HIGH ? (r.inclusive() ? " \u2265 " : " > ")
                    : (r.inclusive() ? " \u2264 " : " < ");
            return r.id() + op + Decimals.format(r.threshold());
        }
    }

    private TierOrder() {
    }

    /**
     * The first pair of tiers of {@code config}, one of them {@code rule}, where the lower-priority
     * tier can never fire alone, if any. Absolute limits only (a rise from a baseline compares
     * against an average that need not be whole).
     */
    public static Optional<Unreachable> unreachable(AlarmConfig config, LimitRule rule) {
        if (rule.reference() != LimitReference.ABSOLUTE) {
            return Optional.empty();
        }
        for (LimitRule other : config.rules()) {
            if (other.id().equals(rule.id()) || other.vital() != rule.vital()
                    || other.direction() != rule.direction() || other.reference() != rule.reference()
                    || other.priority() == rule.priority()) {
                continue;
            }
            boolean ruleIsHigher = rule.priority().compareTo(other.priority()) > 0;
            LimitRule lower = ruleIsHigher ? other : rule;
            LimitRule higher = ruleIsHigher ? rule : other;
            double first = firstValue(lower);
            if (higher.violatedBy(first, Double.NaN)) {
                return Optional.of(new Unreachable(lower, higher, first));
            }
        }
        return Optional.empty();
    }

    /** The least extreme value at the vital's resolution that violates absolute {@code rule}. */
    static double firstValue(LimitRule rule) {
        double scale = Math.pow(10, rule.vital().decimals());
        double t = rule.threshold() * scale;
        double eps = 1e-9;
        double k;
        if (rule.direction() == Direction.HIGH) {
            k = rule.inclusive() ? Math.ceil(t - eps) : Math.floor(t + eps) + 1;
        } else {
            k = rule.inclusive() ? Math.floor(t + eps) : Math.ceil(t - eps) - 1;
        }
        return k / scale;
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
