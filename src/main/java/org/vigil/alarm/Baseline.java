package org.vigil.alarm;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * The session baseline the rise-from-baseline rules compare against. Any component may be null
 * (rules on that vital are then inactive).
 *
 * @param sys systolic, mmHg
 * @param dia diastolic, mmHg
 * @param hr  heart rate, /min
 */
public record Baseline(Double sys, Double dia, Double hr) {

    /** The baseline value for {@code v}, NaN when none (HR and PR share {@link #hr}). */
    public double valueFor(Vital v) {
        Double d = switch (v) {
            case NIBP_SYS -> sys;
            case NIBP_DIA -> dia;
            case HR, PR -> hr;
            default -> null;
        };
        return d == null ? Double.NaN : d;
    }

    /**
     * The average of the last two valid cuff measurements in {@code readings} (systolic and
     * diastolic each from their two latest valid readings), with {@link #hr} the latest valid HR
     * reading (or PR when there is no HR), or null. Empty when fewer than two valid systolic or
     * diastolic measurements are present.
     */
    public static Optional<Baseline> fromLastTwoNibp(Collection<Reading> readings) {
        Reading[] sys = new Reading[2];
        Reading[] dia = new Reading[2];
        Reading hr = null;
        Reading pr = null;
        for (Reading r : readings) {
            if (!r.isValid() || r.flags().contains(ReadingFlag.CUFF_INFLATING)) {
                continue;
            }
            switch (r.vital()) {
                case NIBP_SYS -> keepLatestTwo(sys, r);
                case NIBP_DIA -> keepLatestTwo(dia, r);
                case HR -> hr = later(hr, r);
                case PR -> pr = later(pr, r);
                default -> { }
            }
        }
        if (sys[1] == null || dia[1] == null) {
            return Optional.empty();
        }
        Reading heart = hr != null ? hr : pr;
        return Optional.of(new Baseline((sys[0].value() + sys[1].value()) / 2, (dia[0].value() + dia[1].value()) / 2,
                heart == null ? null : heart.value()));
    }

    /** Printable form for the log: {@code "124/78, hr 72"} ({@code "124/78"} without a heart rate). */
    public String describe() {
        return AlarmLogFormat.number(sys) + '/' + AlarmLogFormat.number(dia)
                + (hr == null ? "" : ", hr " + AlarmLogFormat.number(hr));
    }

    private static void keepLatestTwo(Reading[] two, Reading r) {
        // two[0] is the latest, two[1] the one before
        if (two[0] == null || !r.time().isBefore(two[0].time())) {
            two[1] = two[0];
            two[0] = r;
        } else if (two[1] == null || !r.time().isBefore(two[1].time())) {
            two[1] = r;
        }
    }

    private static Reading later(Reading a, Reading b) {
        if (a == null) {
            return b;
        }
        Instant ta = a.time();
        return b.time().isBefore(ta) ? a : b;
    }
}
