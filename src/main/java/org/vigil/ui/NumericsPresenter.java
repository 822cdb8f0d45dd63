package org.vigil.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * Turns the latest readings into numerics tile text. A continuous value (HR, PR, SpO2, PI, RR)
 * older than {@link #STALE_AFTER} shows dashes with "NO DATA"; an absent value shows dashes with
 * its flags; a value flagged invalid shows dimmed with its flags. NIBP shows the last cuff reading
 * with its age. Pure apart from the readings it is given; FX thread only.
 */
final class NumericsPresenter {

    /** A continuous value older than this is not shown as current. */
    static final Duration STALE_AFTER = Duration.ofSeconds(10);
    /** NIBP components further apart than this are not one measurement. */
    private static final Duration SAME_CUFF = Duration.ofSeconds(5);

    private final LatestReadings latest;

    NumericsPresenter(LatestReadings latest) {
        this.latest = latest;
    }

    /**
     * Which heart rate the HR tile shows: the ECG HR while a valid one is current, otherwise the
     * oximeter's PR; with neither, whatever was seen last or is configured.
     */
    Vital heartVital(Instant now, Set<Vital> configured) {
        Reading hr = latest.best(Vital.HR, now, STALE_AFTER);
        Reading pr = latest.best(Vital.PR, now, STALE_AFTER);
        if (fresh(hr, now) && hr.isValid()) {
            return Vital.HR;
        }
        if (fresh(pr, now) && pr.hasValue()) {
            return Vital.PR;
        }
        if (fresh(hr, now)) {
            return Vital.HR;
        }
        if (pr != null) {
            return Vital.PR;
        }
        if (hr != null || configured.contains(Vital.HR) || !configured.contains(Vital.PR)) {
            return Vital.HR;
        }
        return Vital.PR;
    }

    /** The HR tile for {@code v}, the vital {@link #heartVital} picked. */
    TileText heart(Vital v, Instant now) {
        return continuous(v, now, "");
    }

    TileText spo2(Instant now) {
        Reading pi = latest.best(Vital.PI, now, STALE_AFTER);
        String detail = "";
        if (pi != null) {
            detail = "PI " + (fresh(pi, now) && pi.hasValue() ? piText(pi.value()) : Formats.DASHES);
        }
        return continuous(Vital.SPO2, now, detail);
    }

    TileText rr(Instant now) {
        return continuous(Vital.RR, now, "");
    }

    /** Last cuff reading: {@code sys/dia}, {@code (mean)}, and how long ago. */
    TileText nibp(Instant now) {
        Reading sys = latest.latestWithValue(Vital.NIBP_SYS);
        Reading dia = latest.latestWithValue(Vital.NIBP_DIA);
        Reading mean = latest.latestWithValue(Vital.NIBP_MEAN);
        Reading newestSys = latest.latest(Vital.NIBP_SYS);
        String unit = Vital.NIBP_SYS.unit().symbol();
        if (sys == null && dia == null) {
            String flag = newestSys == null ? "" : Formats.flags(newestSys.flags());
            return new TileText("NIBP", Formats.DASHES + "/" + Formats.DASHES, unit, "", "\u2014", flag, true);
        }
        Reading ref = sys != null ? sys : dia;
        String value = part(sys, ref) + "/" + part(dia, ref);
        String detail = mean != null && sameCuff(mean, ref) ? "(" + Formats.number(mean.value(), 0) + ")" : "";
        boolean newerAbsent = newestSys != null && newestSys != sys && newestSys.time().isAfter(ref.time());
        String flag = Formats.flags(newerAbsent ? newestSys.flags() : ref.flags());
        boolean dimmed = !ref.isValid() || (dia != null && sameCuff(dia, ref) && !dia.isValid());
        String note = Formats.minutesAgo(Duration.between(ref.time(), now));
        return new TileText("NIBP", value, unit, detail, note, flag, dimmed);
    }

    private String part(Reading r, Reading ref) {
        return r != null && sameCuff(r, ref) ? Formats.number(r.value(), 0) : Formats.DASHES;
    }

    private static boolean sameCuff(Reading a, Reading b) {
        return Duration.between(a.time(), b.time()).abs().compareTo(SAME_CUFF) <= 0;
    }

    private TileText continuous(Vital v, Instant now, String detail) {
        Reading r = latest.best(v, now, STALE_AFTER);
        String label = v.label();
        String unit = v.unit().symbol();
        if (r == null) {
            return new TileText(label, Formats.DASHES, unit, detail, "", "", true);
        }
        if (!fresh(r, now)) {
            return new TileText(label, Formats.DASHES, unit, detail, "", "NO DATA", true);
        }
        String flag = Formats.flags(r.flags());
        if (!r.hasValue() || r.flags().contains(ReadingFlag.IMPLAUSIBLE)) {
            // a value no patient can have is never shown as a number
            return new TileText(label, Formats.DASHES, unit, detail, "", flag, true);
        }
        return new TileText(label, Formats.number(r.value(), 0), unit, detail, "", flag, !r.isValid());
    }

    private static boolean fresh(Reading r, Instant now) {
        return r != null && Duration.between(r.time(), now).compareTo(STALE_AFTER) <= 0;
    }

    private static String piText(double pi) {
        return Formats.number(pi, pi < 1 ? 2 : pi < 10 ? 1 : 0);
    }
}
