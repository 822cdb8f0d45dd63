package org.vigil.config;

import org.vigil.alarm.LimitReference;
import org.vigil.alarm.LimitRule;

/** The widest thresholds that make physiological sense, whatever the clinic wants. */
final class Physiology {

    private Physiology() {
    }

    /** The range a threshold of {@code rule} must lie in. */
    static ClinicBounds.Range range(LimitRule rule) {
        if (rule.reference() == LimitReference.BASELINE) {
            return new ClinicBounds.Range(0, 100);
        }
        return switch (rule.vital()) {
            case SPO2, PI -> new ClinicBounds.Range(0, 100);
            case HR, PR, NIBP_SYS, NIBP_DIA, NIBP_MEAN -> new ClinicBounds.Range(0, 300);
            case RR -> new ClinicBounds.Range(0, 100);
        };
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
