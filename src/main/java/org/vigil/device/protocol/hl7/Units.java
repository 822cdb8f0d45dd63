package org.vigil.device.protocol.hl7;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * OBX-6 units, as an MDC code ({@code 266016^MDC_DIM_MMHG^MDC}) or UCUM ({@code mm[Hg]}), turned
 * into the station's unit of a metric: pressures into mmHg (from kPa: × 7.50062, rounded to the
 * whole mmHg the station works in), temperatures into °C (from °F). An empty OBX-6 means the
 * metric's own unit. A unit of the wrong kind (cmH2O for a blood pressure) gives no value.
 */
final class Units {

    /** mmHg per kPa: 1000 Pa / (101325 Pa / 760 mmHg). */
    static final double MMHG_PER_KPA = 760.0 / 101.325;

    private static final Set<String> PER_MIN = Set.of("264864", "MDC_DIM_BEAT_PER_MIN", "264928", "MDC_DIM_RESP_PER_MIN",
            "264896", "MDC_DIM_PER_MIN", "/MIN", "{BEAT}/MIN", "{BEATS}/MIN", "{BREATH}/MIN", "{BREATHS}/MIN", "{PULSE}/MIN",
            "1/MIN", "BPM", "BEATS/MIN", "RPM", "BRPM");
    private static final Set<String> PERCENT = Set.of("262688", "MDC_DIM_PERCENT", "%");
    private static final Set<String> MMHG = Set.of("266016", "MDC_DIM_MMHG", "MM[HG]", "MMHG");
    private static final Set<String> KPA = Set.of("268035", "MDC_DIM_KILO_PASCAL", "KPA");
    private static final Set<String> CELSIUS = Set.of("268192", "MDC_DIM_DEGC", "CEL", "DEGC", "°C", "C");
    private static final Set<String> FAHRENHEIT = Set.of("266560", "MDC_DIM_FAHR", "[DEGF]", "DEGF", "°F", "F");

    private Units() {
    }

    /**
     * {@code value} in the metric's station unit, or empty when {@code code}/{@code text} (OBX-6
     * components 1 and 2) name a unit of another kind or one the station does not know.
     */
    static OptionalDouble convert(double value, Metric.Dimension dimension, String code, String text) {
        String c = norm(code);
        String t = norm(text);
        if (c.isEmpty() && t.isEmpty()) {
            return OptionalDouble.of(value);
        }
        return switch (dimension) {
            case PER_MIN -> is(PER_MIN, c, t) ? OptionalDouble.of(value) : OptionalDouble.empty();
            case PERCENT -> is(PERCENT, c, t) ? OptionalDouble.of(value) : OptionalDouble.empty();
            case PRESSURE -> is(MMHG, c, t) ? OptionalDouble.of(value)
                    : is(KPA, c, t) ? OptionalDouble.of(Math.round(value * MMHG_PER_KPA)) : OptionalDouble.empty();
            case TEMPERATURE -> is(CELSIUS, c, t) ? OptionalDouble.of(value)
                    : is(FAHRENHEIT, c, t) ? OptionalDouble.of(Math.round((value - 32) * 50 / 9.0) / 10.0)
                    : OptionalDouble.empty();
        };
    }

    private static boolean is(Set<String> names, String code, String text) {
        return names.contains(code) || names.contains(text);
    }

    private static String norm(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }
}
