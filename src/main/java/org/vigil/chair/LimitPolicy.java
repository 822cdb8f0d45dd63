package org.vigil.chair;

import java.util.Optional;
import org.vigil.alarm.LimitRule;

/**
 * Which threshold changes a chair accepts: the clinic's bounds and what is physiologically
 * possible. The station adapts its configuration to it; tests and the scenario runner use
 * {@link #PERMISSIVE}. Whatever the policy, a chair also refuses unknown alarm ids, thresholds
 * outside the alarm's safe range ({@code alarm.SafeRanges}: not a finite number, outside the
 * vital's plausible range, or one no patient can reach), a change that would put a higher-priority
 * tier before a lower one on the same vital (a "very low" limit above the "low" limit), and a low
 * limit at or above a high limit of the same vital.
 */
@FunctionalInterface
public interface LimitPolicy {

    /** Accepts every threshold inside the safe ranges. */
    LimitPolicy PERMISSIVE = (rule, newThreshold) -> Optional.empty();

    /**
     * Why {@code newThreshold} may not replace the threshold of {@code rule}, in words a nurse
     * understands ({@code "97 is outside the clinic bounds 85..95"}); empty when it may.
     */
    Optional<String> refuse(LimitRule rule, double newThreshold);

    /** The thresholds allowed for {@code rule}, to show next to it; empty when not limited by a range. */
    default Optional<ThresholdRange> allowedRange(LimitRule rule) {
        return Optional.empty();
    }
}
