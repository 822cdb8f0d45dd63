package org.vigil.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * Turns the latest readings into numerics tile text. A continuous value (HR, PR, SpO2, PI, RR)
 * that has not been refreshed for {@link #GREY_AFTER} (its device sends every second), or whose
 * device the station reports silent or disconnected, shows greyed with its age ("12 s ago"), and
 * with "NO DATA" once older than {@link #STALE_AFTER}; it never stays bright. An absent value
 * shows dashes with its flags; a value flagged invalid shows dimmed with its flags. NIBP shows the
 * last cuff reading with its age, greyed while its monitor is silent, and "CUFF inflating" only
 * while the monitor still reports the cuff up. Every marker is a word (see {@link Formats#flags}).
 * Pure apart from the readings it is given; FX thread only.
 */
final class NumericsPresenter {

    /** A continuous value older than this is not shown as current. */
    static final Duration STALE_AFTER = Duration.ofSeconds(10);
    /** A continuous value (sent every second) not refreshed for longer than this greys out with its age. */
    static final Duration GREY_AFTER = Duration.ofSeconds(3);
    /**
     * A cuff-inflating report older than this no longer shows "CUFF inflating" (the monitor repeats it
     * every second while the cuff is up; the same hold as the SpO2 artifact marking).
     */
    static final Duration CUFF_HOLD = Duration.ofSeconds(3);
    /** NIBP components further apart than this are not one measurement. */
    private static final Duration SAME_CUFF = Duration.ofSeconds(5);

    private final LatestReadings latest;
    /** Devices the station reports silent (no data) or disconnected, set once per frame. */
    private Set<String> silent = Set.of();

    NumericsPresenter(LatestReadings latest) {
        this.latest = latest;
    }

    /** The devices whose values must not look current this frame. */
    void silentDevices(Set<String> deviceIds) {
        silent = Set.copyOf(deviceIds);
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
            String flag = newestSys == null ? "" : Formats.flags(current(newestSys, now));
            return new TileText("NIBP", Formats.DASHES + "/" + Formats.DASHES, unit, "", "\u2014", flag, true);
        }
        Reading ref = sys != null ? sys : dia;
        String value = part(sys, ref) + "/" + part(dia, ref);
        String detail = mean != null && sameCuff(mean, ref) ? "(" + Formats.number(mean.value(), 0) + ")" : "";
        boolean newerAbsent = newestSys != null && newestSys != sys && newestSys.time().isAfter(ref.time());
        String flag = Formats.flags(newerAbsent ? current(newestSys, now) : ref.flags());
        boolean monitorSilent = silent.contains(ref.deviceId());
        if (monitorSilent) {
            flag = flag.isEmpty() ? Formats.NO_DATA : flag + " \u00B7 " + Formats.NO_DATA;
        }
        boolean dimmed = monitorSilent || !ref.isValid() || (dia != null && sameCuff(dia, ref) && !dia.isValid());
        String note = Formats.minutesAgo(Duration.between(ref.time(), now));
        return new TileText("NIBP", value, unit, detail, note, flag, dimmed);
    }

    /**
     * The flags of the newest NIBP report that still hold now: a cuff-inflating report says nothing
     * once the monitor has stopped repeating it (silent monitor, failed measurement).
     */
    private Set<ReadingFlag> current(Reading newest, Instant now) {
        if (newest.flags().contains(ReadingFlag.CUFF_INFLATING)
                && (Duration.between(newest.time(), now).compareTo(CUFF_HOLD) > 0 || silent.contains(newest.deviceId()))) {
            Set<ReadingFlag> f = EnumSet.noneOf(ReadingFlag.class);
            f.addAll(newest.flags());
            f.remove(ReadingFlag.CUFF_INFLATING);
            return f;
        }
        return newest.flags();
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
        Duration age = Duration.between(r.time(), now);
        boolean stale = age.compareTo(STALE_AFTER) > 0;
        boolean old = stale || age.compareTo(GREY_AFTER) > 0 || silent.contains(r.deviceId());
        String flag = stale ? Formats.NO_DATA : Formats.flags(r.flags());
        // A value that stopped updating greys out with its age; it never stays bright.
        String note = old ? Formats.ago(age) : "";
        if (!r.hasValue() || r.flags().contains(ReadingFlag.IMPLAUSIBLE)) {
            // a value no patient can have is never shown as a number
            return new TileText(label, Formats.DASHES, unit, detail, note, flag, true);
        }
        return new TileText(label, Formats.number(r.value(), 0), unit, detail, note, flag, old || !r.isValid());
    }

    private static boolean fresh(Reading r, Instant now) {
        return r != null && Duration.between(r.time(), now).compareTo(STALE_AFTER) <= 0;
    }

    private static String piText(double pi) {
        return Formats.number(pi, pi < 1 ? 2 : pi < 10 ? 1 : 0);
    }
}
