package org.vigil.ui.review;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.vigil.review.SessionRow;

/**
 * The session list's column texts. Plain string building (no {@code String.format}): a page of
 * rows is turned into texts on the query thread, and this is most of that work.
 */
final class SessionListTexts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private SessionListTexts() {
    }

    /** {@code r} with its texts; the duration of a session still running counts to {@code now}. */
    static ListedSession listed(SessionRow r, ZoneId zone, Instant now) {
        return new ListedSession(r, date(r, zone), patient(r), r.chairId(), duration(r, now), dose(r), peakSys(r),
                minSpo2(r), alarms(r));
    }

    static String date(SessionRow r, ZoneId zone) {
        return DATE.format(r.start().atZone(zone));
    }

    static String patient(SessionRow r) {
        return r.patientName() == null ? "—" : r.patientName() + " (" + r.mrn() + ")";
    }

    /** "1 h 05 min", with "(running)" or "(ended abnormally)" after it. */
    static String duration(SessionRow r, Instant now) {
        Duration d = r.duration(now);
        int minutes = d.toMinutesPart();
        String s = d.toHours() + " h " + (minutes < 10 ? "0" : "") + minutes + " min";
        return r.isOpen() ? s + " (running)" : r.endedAbnormally() ? s + " (ended abnormally)" : s;
    }

    static String dose(SessionRow r) {
        if (r.doseMgPerKg() == null) {
            return "—";
        }
        return number(r.doseMgPerKg()) + " mg/kg" + (r.totalMg() == null ? "" : " · " + number(r.totalMg()) + " mg");
    }

    static String peakSys(SessionRow r) {
        return r.peakSys() == null ? "—" : number(r.peakSys());
    }

    static String minSpo2(SessionRow r) {
        return r.minSpo2() == null ? "—" : number(r.minSpo2());
    }

    /** "2 high · 1 med · 0 low". */
    static String alarms(SessionRow r) {
        return r.alarmsHigh() + " high · " + r.alarmsMedium() + " med · " + r.alarmsLow() + " low";
    }

    /** A whole number as such, otherwise one decimal, rounded half up ("163.8"), as {@code %.1f} would. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return java.math.BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
