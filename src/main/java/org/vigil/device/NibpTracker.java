package org.vigil.device;

import java.util.ArrayList;
import java.util.List;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * Turns a monitor's once-per-second repetition of its last NIBP result into one reading per cuff
 * measurement. Monitors such as the Ivy 450C repeat the last result in every message and blank
 * the fields while the cuff is up; a triple (sys, dia, mean) is a new measurement when it is the
 * first one seen, when it differs from the previous one, or when it follows blank or
 * cuff-inflating fields. A result flagged {@link ReadingFlag#IMPLAUSIBLE} is passed on without
 * becoming the last result. Blank fields flagged {@link ReadingFlag#CUFF_INFLATING} are passed on
 * (they tell the station the cuff is up); other NIBP repeats and blanks are dropped. Readings of
 * other vitals pass through unchanged. Not thread-safe: one per connection.
 */
final class NibpTracker {

    private double sys = Double.NaN;
    private double dia = Double.NaN;
    private double mean = Double.NaN;
    private boolean interrupted = true;

    List<Reading> filter(List<Reading> in) {
        Reading s = null;
        Reading d = null;
        Reading m = null;
        boolean anyNibp = false;
        for (Reading r : in) {
            if (r.vital() == Vital.NIBP_SYS) {
                s = r;
            } else if (r.vital() == Vital.NIBP_DIA) {
                d = r;
            } else if (r.vital() == Vital.NIBP_MEAN) {
                m = r;
            } else {
                continue;
            }
            anyNibp = true;
        }
        if (!anyNibp) {
            return in;
        }
        List<Reading> out = new ArrayList<>(in.size());
        for (Reading r : in) {
            if (!r.vital().isNibp()) {
                out.add(r);
            }
        }
        boolean valid = s != null && d != null && s.hasValue() && d.hasValue();
        if (!valid) {
            boolean inflating = (s != null && s.flags().contains(ReadingFlag.CUFF_INFLATING))
                    || (d != null && d.flags().contains(ReadingFlag.CUFF_INFLATING));
            interrupted = true;
            if (inflating) {
                addIfPresent(out, s);
                addIfPresent(out, d);
                addIfPresent(out, m);
            }
            return out;
        }
        if (implausible(s) || implausible(d) || implausible(m)) {
            // a corrupted result (values no patient can have): recorded as such, but it is not the
            // monitor's last result, so the repeats around it are not new measurements
            out.add(s);
            out.add(d);
            addIfPresent(out, m);
            return out;
        }
        double mv = m != null && m.hasValue() ? m.value() : Double.NaN;
        boolean changed = s.value() != sys || d.value() != dia || !sameMean(mv);
        if (interrupted || changed) {
            sys = s.value();
            dia = d.value();
            mean = mv;
            interrupted = false;
            out.add(s);
            out.add(d);
            addIfPresent(out, m);
        }
        return out;
    }

    private boolean sameMean(double mv) {
        return Double.isNaN(mv) ? Double.isNaN(mean) : mv == mean;
    }

    private static boolean implausible(Reading r) {
        return r != null && r.flags().contains(ReadingFlag.IMPLAUSIBLE);
    }

    private static void addIfPresent(List<Reading> out, Reading r) {
        if (r != null) {
            out.add(r);
        }
    }
}
