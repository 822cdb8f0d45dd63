package org.vigil.device.protocol.hl7;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.domain.Vital;

/**
 * What an OBX-3 observation identifier means to the station: a {@link Vital}, or a value kept as
 * a frame attribute (NIBP pulse, temperature). Looked up by IEEE 11073-10101 MDC code (coding
 * system {@code MDC}), by LOINC code (coding system {@code LN}), and, when the code is unknown,
 * by the MDC reference id in the text component ({@code 150031^MDC_PRESS_CUFF_SYS^MDC} is a
 * monitor's typo for 150301 and is read as a cuff systolic).
 *
 * @param vital     the vital, or null for an attribute
 * @param attribute the attribute key, or null for a vital
 * @param dimension what its unit must measure
 */
record Metric(Vital vital, String attribute, Dimension dimension) {

    private static final Map<String, Metric> MDC = new HashMap<>();
    private static final Map<String, Metric> REFID = new HashMap<>();
    private static final Map<String, Metric> LOINC = new HashMap<>();

    static {
        mdc(147842, "MDC_ECG_HEART_RATE", vital(Vital.HR));
        mdc(149530, "MDC_PULS_OXIM_PULS_RATE", vital(Vital.PR));
        mdc(149514, "MDC_PULS_RATE", vital(Vital.PR));
        mdc(150456, "MDC_PULS_OXIM_SAT_O2", vital(Vital.SPO2));
        mdc(150488, "MDC_PULS_OXIM_PERF_REL", vital(Vital.PI));
        mdc(151562, "MDC_RESP_RATE", vital(Vital.RR));
        mdc(150021, "MDC_PRESS_BLD_NONINV_SYS", vital(Vital.NIBP_SYS));
        mdc(150022, "MDC_PRESS_BLD_NONINV_DIA", vital(Vital.NIBP_DIA));
        mdc(150023, "MDC_PRESS_BLD_NONINV_MEAN", vital(Vital.NIBP_MEAN));
        mdc(150301, "MDC_PRESS_CUFF_SYS", vital(Vital.NIBP_SYS));
        mdc(150302, "MDC_PRESS_CUFF_DIA", vital(Vital.NIBP_DIA));
        mdc(150303, "MDC_PRESS_CUFF_MEAN", vital(Vital.NIBP_MEAN));
        mdc(149546, "MDC_PULS_RATE_NON_INV", new Metric(null, "nibp_pulse", Dimension.PER_MIN));
        mdc(150344, "MDC_TEMP", new Metric(null, "temperature", Dimension.TEMPERATURE));
        mdc(150364, "MDC_TEMP_BODY", new Metric(null, "temperature", Dimension.TEMPERATURE));
        LOINC.put("8867-4", vital(Vital.HR));
        LOINC.put("8889-8", vital(Vital.PR));
        LOINC.put("59408-5", vital(Vital.SPO2));
        LOINC.put("2708-6", vital(Vital.SPO2));
        LOINC.put("9279-1", vital(Vital.RR));
        LOINC.put("8480-6", vital(Vital.NIBP_SYS));
        LOINC.put("8462-4", vital(Vital.NIBP_DIA));
        LOINC.put("8478-0", vital(Vital.NIBP_MEAN));
        LOINC.put("8310-5", new Metric(null, "temperature", Dimension.TEMPERATURE));
    }

    private static Metric vital(Vital v) {
        Dimension d = switch (v.unit()) {
            case PER_MIN -> Dimension.PER_MIN;
            case PERCENT -> Dimension.PERCENT;
            case MMHG -> Dimension.PRESSURE;
        };
        return new Metric(v, null, d);
    }

    private static void mdc(int code, String refid, Metric m) {
        MDC.put(Integer.toString(code), m);
        REFID.put(refid, m);
    }

    /** The metric of an OBX-3 identifier (code, text, coding system), if the station knows it. */
    static Optional<Metric> of(String code, String text, String system) {
        String sys = system == null ? "" : system.trim().toUpperCase(Locale.ROOT);
        String c = code == null ? "" : code.trim();
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (sys.equals("LN") || sys.equals("LOINC")) {
            return Optional.ofNullable(LOINC.get(c));
        }
        boolean mdc = sys.equals("MDC") || (sys.isEmpty() && t.startsWith("MDC_"));
        if (!mdc) {
            return Optional.empty();
        }
        Metric m = MDC.get(c);
        return Optional.ofNullable(m != null ? m : REFID.get(t));
    }

    /** What a unit measures. */
    enum Dimension {
        PER_MIN, PERCENT, PRESSURE, TEMPERATURE
    }
}
