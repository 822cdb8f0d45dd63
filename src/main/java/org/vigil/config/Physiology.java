package org.vigil.config;

import java.util.Optional;
import org.vigil.alarm.LimitRule;
import org.vigil.alarm.SafeRanges;

/**
 * The widest thresholds that make physiological sense, whatever the clinic wants: the safe range
 * of {@link SafeRanges}, worded for the configuration files.
 */
final class Physiology {

    private Physiology() {
    }

    /** True when {@code threshold} is inside the safe range of {@code rule}. */
    static boolean allows(LimitRule rule, double threshold) {
        return SafeRanges.threshold(rule, threshold).isEmpty();
    }

    /**
     * Why {@code threshold} is outside the safe range of {@code rule}, in the words of a file
     * ({@code 0 can never be reached ...; to switch it off write enabled: false}); empty when inside.
     */
    static Optional<String> refusal(LimitRule rule, double threshold) {
        return SafeRanges.threshold(rule, threshold).map(r -> r.reason()
                + (r.switchesOff() ? ": it would switch " + rule.id() + " off without saying so; to switch it off write"
                        + " enabled: false" : ""));
    }
}
