package org.vigil.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a vital can be, in one place: a value outside these rules is not a measurement of a
 * patient (a corrupted frame, a device fault, a test pattern) and never drives an alarm. It is
 * kept and recorded with {@link ReadingFlag#IMPLAUSIBLE}, shown as invalid, and the alarm engine
 * neither starts nor ends a condition on it (docs/ALARMS.md, "Invalid data").
 *
 * <h2>The rules and where they come from</h2>
 * <table>
 *   <caption>Plausible ranges (inclusive) and resolution</caption>
 *   <tr><th>vital</th><th>range</th><th>resolution</th><th>basis</th></tr>
 *   <tr><td>HR</td><td>15-300 /min</td><td>1</td><td>the ECG heart-rate measuring range of adult
 *       bedside monitors (operator manuals of Mindray, Philips, GE monitors state 15-300 or
 *       narrower); a monitor cannot count outside it</td></tr>
 *   <tr><td>PR</td><td>18-321 /min</td><td>1</td><td>the widest pulse-rate range of common
 *       oximeters (Masimo 25-240, Nellcor 20-250, Nonin 18-321)</td></tr>
 *   <tr><td>SpO2</td><td>1-100 %</td><td>1</td><td>functional saturation cannot exceed 100 %;
 *       0 is the "no value" code of several devices (Masimo trend dump, Nonin), never a reading</td></tr>
 *   <tr><td>PI</td><td>0.02-20 %</td><td>0.01</td><td>Masimo's perfusion-index display range</td></tr>
 *   <tr><td>RR</td><td>0-150 /min</td><td>1</td><td>impedance respiration measuring range of
 *       adult monitors (0 is apnoea, a real value)</td></tr>
 *   <tr><td>NIBP sys</td><td>30-300 mmHg</td><td>1</td><td rowspan="3">oscillometric NIBP
 *       measuring ranges of adult monitors (e.g. systolic 40-270, diastolic 10-215, mean 20-235),
 *       widened a little so no device's real result is refused</td></tr>
 *   <tr><td>NIBP dia</td><td>10-250 mmHg</td><td>1</td></tr>
 *   <tr><td>NIBP mean</td><td>20-260 mmHg</td><td>1</td></tr>
 * </table>
 * A value must also be a multiple of its resolution: the devices report these vitals in whole
 * units (PI in hundredths), so 97.5 % SpO2 is a corrupted field, not a measurement.
 *
 * <p><b>Consistency of one NIBP result:</b> systolic above diastolic, and the mean, when given,
 * between them (diastolic ≤ mean ≤ systolic). A result that breaks this is implausible as a
 * whole: all three values are flagged.
 */
public final class Plausibility {

    /** An inclusive range and the value's resolution. */
    record Rule(double min, double max, double resolution) {
        Optional<String> check(Vital v, double value) {
            if (value < min || value > max) {
                return Optional.of(v.label() + " " + Decimals.format(value) + " outside the plausible range "
                        + Decimals.format(min) + "-" + Decimals.format(max) + " " + v.unit().symbol());
            }
            double steps = value / resolution;
            if (Math.abs(steps - Math.rint(steps)) > 1e-6) {
                return Optional.of(v.label() + " " + value + " is not in steps of " + Decimals.format(resolution));
            }
            return Optional.empty();
        }
    }

    private static final Map<Vital, Rule> RULES = new EnumMap<>(Vital.class);

    static {
        RULES.put(Vital.HR, new Rule(15, 300, 1));
        RULES.put(Vital.PR, new Rule(18, 321, 1));
        RULES.put(Vital.SPO2, new Rule(1, 100, 1));
        RULES.put(Vital.PI, new Rule(0.02, 20, 0.01));
        RULES.put(Vital.RR, new Rule(0, 150, 1));
        RULES.put(Vital.NIBP_SYS, new Rule(30, 300, 1));
        RULES.put(Vital.NIBP_DIA, new Rule(10, 250, 1));
        RULES.put(Vital.NIBP_MEAN, new Rule(20, 260, 1));
    }

    private Plausibility() {
    }

    /** The lowest value {@code vital} can have. */
    public static double min(Vital vital) {
        return RULES.get(vital).min();
    }

    /** The highest value {@code vital} can have. */
    public static double max(Vital vital) {
        return RULES.get(vital).max();
    }

    /** Why {@code value} cannot be a measurement of {@code vital}, or empty when it can (or is absent). */
    public static Optional<String> check(Vital vital, double value) {
        if (Double.isNaN(value)) {
            return Optional.empty();
        }
        if (Double.isInfinite(value)) {
            return Optional.of(vital.label() + " is not a number");
        }
        return RULES.get(vital).check(vital, value);
    }

    /** Why one NIBP result is inconsistent, or empty; NaN components are not checked. */
    public static Optional<String> checkNibp(double sys, double dia, double mean) {
        if (Double.isNaN(sys) || Double.isNaN(dia)) {
            return Optional.empty();
        }
        if (dia >= sys) {
            return Optional.of("NIBP diastolic " + Decimals.format(dia) + " not below systolic " + Decimals.format(sys));
        }
        if (!Double.isNaN(mean) && (mean < dia || mean > sys)) {
            return Optional.of("NIBP mean " + Decimals.format(mean) + " not between diastolic " + Decimals.format(dia)
                    + " and systolic " + Decimals.format(sys));
        }
        return Optional.empty();
    }

    /** Why this reading is implausible, or empty: its own range, then (for NIBP) the result it came with. */
    public static Optional<String> reason(Reading r, List<Reading> sameFrame) {
        Optional<String> own = check(r.vital(), r.value());
        if (own.isPresent() || !r.vital().isNibp()) {
            return own;
        }
        return checkNibp(value(sameFrame, Vital.NIBP_SYS), value(sameFrame, Vital.NIBP_DIA),
                value(sameFrame, Vital.NIBP_MEAN));
    }

    /**
     * The readings of one frame with every implausible value flagged {@link ReadingFlag#IMPLAUSIBLE}
     * (the value is kept, for the record). Returns {@code frame} itself when all are plausible.
     */
    public static List<Reading> mark(List<Reading> frame) {
        List<Reading> out = null;
        for (int i = 0; i < frame.size(); i++) {
            Reading r = frame.get(i);
            if (r.hasValue() && reason(r, frame).isPresent()) {
                if (out == null) {
                    out = new ArrayList<>(frame);
                }
                out.set(i, r.withFlag(ReadingFlag.IMPLAUSIBLE));
            }
        }
        return out == null ? frame : out;
    }

    private static double value(List<Reading> frame, Vital v) {
        for (Reading r : frame) {
            if (r.vital() == v) {
                return r.value();
            }
        }
        return Double.NaN;
    }
}
