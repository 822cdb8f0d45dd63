package org.vigil.ui;

import java.time.Duration;
import java.time.Instant;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

/**
 * The session's trends as the charts draw them: HR, PR and SpO2 at one point per second (older
 * than an hour: the extremes of each time bucket, see {@link TrendSeries}) and one point per cuff
 * measurement, all bounded whatever the session's length. Only valid readings are stored; invalid ones leave a
 * gap. {@link #version()} grows whenever something changed, so charts redraw only then.
 */
final class TrendStore {

    private final TrendSeries hr = new TrendSeries();
    private final TrendSeries pr = new TrendSeries();
    private final TrendSeries spo2 = new TrendSeries();
    private final NibpTrend nibp = new NibpTrend();
    private long version;
    private double baselineSys = Double.NaN;
    private double baselineDia = Double.NaN;

    /** Stores {@code r} at its time since {@code sessionStart}; returns whether a trend changed. */
    boolean add(Reading r, Instant sessionStart) {
        return add(r, sessionStart, false);
    }

    /**
     * Stores {@code r} from the session's history ({@code ChairFeed.history()}): the line of a
     * continuous vital breaks at a reading that is not valid, not where points lie far apart (older
     * history holds only the extremes of each time bucket).
     */
    boolean addFromHistory(Reading r, Instant sessionStart) {
        return add(r, sessionStart, true);
    }

    private boolean add(Reading r, Instant sessionStart, boolean fromHistory) {
        if (!r.isValid()) {
            if (fromHistory && (r.vital() == Vital.HR || r.vital() == Vital.PR || r.vital() == Vital.SPO2)) {
                series(r.vital()).breakLine();
            }
            return false;
        }
        double seconds = Duration.between(sessionStart, r.time()).toMillis() / 1000.0;
        boolean changed = switch (r.vital()) {
            case HR -> fromHistory ? hr.addFromHistory(seconds, r.value()) : hr.add(seconds, r.value());
            case PR -> fromHistory ? pr.addFromHistory(seconds, r.value()) : pr.add(seconds, r.value());
            case SPO2 -> fromHistory ? spo2.addFromHistory(seconds, r.value()) : spo2.add(seconds, r.value());
            case NIBP_SYS, NIBP_DIA, NIBP_MEAN -> nibp.add(seconds, r.vital(), r.value());
            default -> false;
        };
        if (changed) {
            version++;
        }
        return changed;
    }

    /** Forgets every point (a new session started). */
    void clear() {
        hr.clear();
        pr.clear();
        spo2.clear();
        nibp.clear();
        version++;
    }

    /** The session baseline drawn on the NIBP trend (NaN when none); returns whether it changed. */
    boolean setBaseline(double sys, double dia) {
        if (Double.compare(sys, baselineSys) == 0 && Double.compare(dia, baselineDia) == 0) {
            return false;
        }
        baselineSys = sys;
        baselineDia = dia;
        version++;
        return true;
    }

    double baselineSys() {
        return baselineSys;
    }

    double baselineDia() {
        return baselineDia;
    }

    long version() {
        return version;
    }

    TrendSeries series(Vital v) {
        return switch (v) {
            case HR -> hr;
            case PR -> pr;
            case SPO2 -> spo2;
            default -> throw new IllegalArgumentException("no continuous trend for " + v);
        };
    }

    NibpTrend nibp() {
        return nibp;
    }

    /**
     * The time axis span in minutes for a session {@code elapsedMinutes} long: at least 10, grown in
     * 5-minute steps during the first hour and 15-minute steps after, so the axis rarely rescales.
     */
    static int spanMinutes(double elapsedMinutes) {
        double e = Math.max(0, elapsedMinutes);
        int step = e < 60 ? 5 : 15;
        int span = (int) (Math.floor(e / step) + 1) * step;
        return Math.max(10, span);
    }
}
