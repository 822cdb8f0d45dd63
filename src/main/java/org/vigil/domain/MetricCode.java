package org.vigil.domain;

import java.util.Objects;

/**
 * What a measured value is, as a code in a code system: an IEEE 11073-10101 (MDC) reference
 * identifier such as {@code MDC_PULS_OXIM_SAT_O2}, or a LOINC code. Every {@link Vital} has
 * one ({@link #of(Vital)}); a device may report metrics that are no {@code Vital} (the station
 * records them but does not alarm on them).
 *
 * @param system the code system: {@link #MDC} or {@link #LOINC}
 * @param code   the code within it
 */
public record MetricCode(String system, String code) {

    /** IEEE 11073-10101 nomenclature, by reference identifier. */
    public static final String MDC = "MDC";
    /** LOINC, by code (HL7 table 0396 name {@code LN}). */
    public static final String LOINC = "LN";

    public MetricCode {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        if (system.isBlank() || code.isBlank()) {
            throw new IllegalArgumentException("blank metric code: '" + system + "' '" + code + "'");
        }
    }

    /** An MDC reference identifier, e.g. {@code MDC_ECG_HEART_RATE}. */
    public static MetricCode mdc(String referenceId) {
        return new MetricCode(MDC, referenceId);
    }

    /** The MDC code of {@code vital}. */
    public static MetricCode of(Vital vital) {
        return mdc(switch (vital) {
            case HR -> "MDC_ECG_HEART_RATE";
            case PR -> "MDC_PULS_OXIM_PULS_RATE";
            case SPO2 -> "MDC_PULS_OXIM_SAT_O2";
            case PI -> "MDC_PULS_OXIM_PERF_REL";
            case RR -> "MDC_RESP_RATE";
            case NIBP_SYS -> "MDC_PRESS_CUFF_SYS";
            case NIBP_DIA -> "MDC_PRESS_CUFF_DIA";
            case NIBP_MEAN -> "MDC_PRESS_CUFF_MEAN";
        });
    }

    @Override
    public String toString() {
        return system + ":" + code;
    }
}
