package org.vigil.config;

import java.util.Optional;
import org.vigil.alarm.LimitReference;
import org.vigil.alarm.LimitRule;
import org.vigil.alarm.SafeRanges;
import org.vigil.domain.Plausibility;

/**
 * The widest thresholds that make physiological sense, whatever the clinic wants: the safe range
 * of {@link SafeRanges}, worded for the configuration files.
 */
final class Physiology {

    private Physiology() {
    }

    /** The range a threshold of {@code rule} must lie in (and be reachable in, see {@link #refusal}). */
    static ClinicBounds.Range range(LimitRule rule) {
        if (rule.reference() == LimitReference.BASELINE) {
            return new ClinicBounds.Range(SafeRanges.MIN_RISE, SafeRanges.MAX_RISE);
        }
        return new ClinicBounds.Range(Plausibility.min(rule.vital()), Plausibility.max(rule.vital()));
    }

    /** True when {@code threshold} is inside the safe range of {@code rule}. */
    static boolean allows(LimitRule rule, double threshold) {
        return SafeRanges.threshold(rule, threshold).isEmpty();
    }

    /**
     * Why {@code threshold} is outside the safe range of {@code rule}, in the words of a file
     * ({@code 0 can never be reached ...; write enabled: false to switch it off}); empty when inside.
     */
    static Optional<String> refusal(LimitRule rule, double threshold) {
        return SafeRanges.threshold(rule, threshold).map(r -> r.reason()
                + (r.switchesOff() ? "; to switch it off write enabled: false" : ""));
    }

    /** What the range is about, for messages: {@code spo2 (%)}, {@code a rise of nibp_sys (mmHg)}. */
    static String what(LimitRule rule) {
        String unit = " (" + rule.vital().unit().symbol() + ")";
        if (rule.reference() == LimitReference.BASELINE) {
            return "a change of " + rule.vital().key() + unit;
        }
        return rule.vital().key() + unit;
    }
}
