package org.vigil.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.vigil.domain.Vital;

/** The one way exports write times and numbers. */
final class ExportText {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter HL7_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

    private ExportText() {
    }

    /** ISO 8601 with offset, whole seconds unless the time has milliseconds: {@code 2026-03-02T09:15:00+01:00}. */
    static String iso(Instant t, ZoneId zone) {
        if (t == null) {
            return "";
        }
        Instant s = t.getNano() % 1_000_000 == 0 && t.getNano() != 0 ? t : t.truncatedTo(ChronoUnit.SECONDS);
        return ISO.format(s.atZone(zone).toOffsetDateTime());
    }

    /** HL7 v2 DTM to the second with offset: {@code 20260302091500+0100}. */
    static String hl7(Instant t, ZoneId zone) {
        return t == null ? "" : HL7_TS.format(t.atZone(zone));
    }

    /** A vital's value at its resolution ({@link Vital#decimals()}); empty when absent. */
    static String value(Vital v, double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(v.decimals(), RoundingMode.HALF_UP).toPlainString();
    }

    /** A number without trailing zeros ({@code 0.5}, {@code 35}); empty for NaN. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        BigDecimal b = BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    /** Minutes from {@code from} to {@code t} with one decimal; empty without {@code from}. */
    static String minutesSince(Instant from, Instant t) {
        if (from == null) {
            return "";
        }
        return number(BigDecimal.valueOf(Duration.between(from, t).toMillis())
                .divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP).doubleValue());
    }
}
