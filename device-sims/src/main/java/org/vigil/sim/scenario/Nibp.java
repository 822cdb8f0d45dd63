package org.vigil.sim.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A blood pressure in mmHg. Written in scenario files as {@code sys/dia} (the mean is then
 * dia + (sys − dia)/3, rounded to a whole mmHg) or {@code sys/dia/mean}.
 */
public record Nibp(double sys, double dia, double mean) {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,3})\\s*/\\s*(\\d{1,3})\\s*(?:/\\s*(\\d{1,3})\\s*)?");
    private static final int MAX_MMHG = 300;

    /** A pressure with the mean estimated from systolic and diastolic, rounded. */
    public static Nibp of(double sys, double dia) {
        return new Nibp(sys, dia, Math.round(dia + (sys - dia) / 3.0));
    }

    /**
     * Parses {@code 124/78} or {@code 124/78/93}; throws {@link IllegalArgumentException} with
     * the reason (not a pressure, diastolic not below systolic, mean outside dia..sys, over 300).
     */
    public static Nibp parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad nibp '" + text
                    + "' (expected sys/dia or sys/dia/mean in whole mmHg, e.g. 124/78)");
        }
        int sys = Integer.parseInt(m.group(1));
        int dia = Integer.parseInt(m.group(2));
        if (sys > MAX_MMHG) {
            throw new IllegalArgumentException("bad nibp '" + text + "': systolic above " + MAX_MMHG + " mmHg");
        }
        if (dia >= sys) {
            throw new IllegalArgumentException("bad nibp '" + text + "': diastolic must be below systolic");
        }
        if (m.group(3) == null) {
            return of(sys, dia);
        }
        int mean = Integer.parseInt(m.group(3));
        if (mean < dia || mean > sys) {
            throw new IllegalArgumentException("bad nibp '" + text + "': mean must lie between diastolic and systolic");
        }
        return new Nibp(sys, dia, mean);
    }

    /** {@code sys/dia/mean} with whole numbers where the values are whole. */
    @Override
    public String toString() {
        return fmt(sys) + "/" + fmt(dia) + "/" + fmt(mean);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
