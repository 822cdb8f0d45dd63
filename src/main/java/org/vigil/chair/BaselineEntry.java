package org.vigil.chair;

import org.vigil.session.CuffReading;

import java.util.List;
import java.util.regex.Pattern;
import org.vigil.alarm.AlarmLogFormat;
import org.vigil.alarm.Baseline;

/**
 * Builds a session baseline the three ways a nurse sets one: the last two cuff readings (the
 * <em>Set baseline</em> button and the scenario action), two cuff readings she picks, or
 * systolic/diastolic typed in. A typed pressure must be a whole or decimal number of mmHg within
 * {@link #SYS_MIN}-{@link #SYS_MAX} (systolic) and {@link #DIA_MIN}-{@link #DIA_MAX} (diastolic),
 * the diastolic below the systolic: enough to catch a slip of the finger ("1240", "78/124"), not
 * a clinical judgement (the start gate makes that).
 */
public final class BaselineEntry {

    public static final int SYS_MIN = 60;
    public static final int SYS_MAX = 260;
    public static final int DIA_MIN = 30;
    public static final int DIA_MAX = 160;
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}(\\.[0-9]+)?");
    static final String NEEDS_TWO = "Needs 2 cuff readings";

    private BaselineEntry() {
    }

    /** The average of the last two of {@code history}; {@code heart} is the latest HR (or PR), may be null. */
    public static BaselineChange lastTwo(List<CuffReading> history, Double heart) {
        if (history.size() < 2) {
            return BaselineChange.refused(NEEDS_TWO + " (" + (history.isEmpty() ? "none" : "1") + " so far)");
        }
        CuffReading a = history.get(history.size() - 2);
        CuffReading b = history.get(history.size() - 1);
        return BaselineChange.accepted(average(a, b, heart), "from the last 2 cuff readings " + pair(a, b));
    }

    /** The average of the two readings the nurse picked. */
    public static BaselineChange chosen(List<CuffReading> picked, Double heart) {
        if (picked.size() != 2) {
            return BaselineChange.refused("Pick exactly 2 cuff readings (" + picked.size() + " picked)");
        }
        CuffReading a = picked.get(0);
        CuffReading b = picked.get(1);
        if (b.time().isBefore(a.time())) {
            CuffReading t = a;
            a = b;
            b = t;
        }
        return BaselineChange.accepted(average(a, b, heart), "from the chosen cuff readings " + pair(a, b));
    }

    /** Systolic and diastolic as the nurse typed them; refused with what is wrong. */
    public static BaselineChange typed(String sysText, String diaText, Double heart) {
        String problem = check("Systolic", sysText, SYS_MIN, SYS_MAX);
        if (problem == null) {
            problem = check("Diastolic", diaText, DIA_MIN, DIA_MAX);
        }
        if (problem != null) {
            return BaselineChange.refused(problem);
        }
        double sys = Double.parseDouble(sysText.strip());
        double dia = Double.parseDouble(diaText.strip());
        if (dia >= sys) {
            return BaselineChange.refused("Diastolic " + AlarmLogFormat.number(dia) + " must be below systolic "
                    + AlarmLogFormat.number(sys));
        }
        return BaselineChange.accepted(new Baseline(sys, dia, heart), "typed");
    }

    private static String check(String what, String text, int min, int max) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return what + " is empty: type it in mmHg";
        }
        if (!NUMBER.matcher(t).matches()) {
            return what + " '" + t + "' is not a number of mmHg";
        }
        double v = Double.parseDouble(t);
        if (v < min || v > max) {
            return what + " " + t + " mmHg is outside " + min + "-" + max + " mmHg";
        }
        return null;
    }

    private static Baseline average(CuffReading a, CuffReading b, Double heart) {
        return new Baseline((a.sys() + b.sys()) / 2, (a.dia() + b.dia()) / 2, heart);
    }

    private static String pair(CuffReading a, CuffReading b) {
        return a.pressure() + " and " + b.pressure();
    }
}
