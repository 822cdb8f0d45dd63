package org.vigil.export;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.vigil.domain.Unit;
import org.vigil.domain.Vital;

/**
 * The one table that names each vital in the code systems exports use: IEEE 11073-10101 (MDC)
 * term and numeric code, LOINC (where one is defined for the measurement) and the UCUM unit with
 * its MDC unit code. HL7 v2, FHIR and CSV all read it; no exporter spells a code of its own.
 *
 * <table>
 * <tr><th>vital</th><th>MDC</th><th>LOINC</th><th>UCUM</th></tr>
 * <tr><td>HR</td><td>147842 MDC_ECG_HEART_RATE</td><td>8867-4</td><td>/min</td></tr>
 * <tr><td>PR</td><td>149530 MDC_PULS_OXIM_PULS_RATE</td><td>8889-8</td><td>/min</td></tr>
 * <tr><td>SpO2</td><td>150456 MDC_PULS_OXIM_SAT_O2</td><td>59408-5 (and 2708-6)</td><td>%</td></tr>
 * <tr><td>PI</td><td>150488 MDC_PULS_OXIM_PERF_REL</td><td>—</td><td>%</td></tr>
 * <tr><td>RR</td><td>151562 MDC_RESP_RATE</td><td>9279-1</td><td>/min</td></tr>
 * <tr><td>NIBP sys/dia/mean</td><td>150021/150022/150023 MDC_PRESS_BLD_NONINV_SYS/DIA/MEAN</td>
 *     <td>8480-6/8462-4/8478-0 (panel 85354-9)</td><td>mm[Hg]</td></tr>
 * </table>
 */
public final class VitalCodes {

    /** LOINC: blood pressure panel with all children optional (the FHIR vital-signs BP profile). */
    public static final String LOINC_BP_PANEL = "85354-9";
    /** LOINC: oxygen saturation in arterial blood (the FHIR vital-signs profile's required code for SpO2). */
    public static final String LOINC_O2_SAT_ARTERIAL = "2708-6";
    /** LOINC system URI. */
    public static final String LOINC_SYSTEM = "http://loinc.org";
    /** UCUM system URI. */
    public static final String UCUM_SYSTEM = "http://unitsofmeasure.org";
    /** IEEE 11073-10101 system URI as FHIR names it. */
    public static final String MDC_SYSTEM = "urn:iso:std:iso:11073:10101";
    /** MDC code of the pulse oximeter device kind (IHE PCD-01 device-related OBX). */
    public static final String MDC_DEV_PULS_OXIM = "MDC_DEV_ANALY_SAT_O2_MDS";

    /**
     * How one vital is coded.
     *
     * @param mdcCode     IEEE 11073 numeric code, e.g. 147842
     * @param mdcTerm     its reference id, e.g. MDC_ECG_HEART_RATE
     * @param loinc       LOINC code, null where none is defined
     * @param loincName   LOINC display name, null with it
     * @param ucum        UCUM unit, e.g. {@code mm[Hg]}
     * @param mdcUnitCode IEEE 11073 unit code, e.g. 266016
     * @param mdcUnitTerm its reference id, e.g. MDC_DIM_MMHG
     */
    public record Code(Vital vital, int mdcCode, String mdcTerm, String loinc, String loincName, String ucum,
            int mdcUnitCode, String mdcUnitTerm) {

        public Optional<String> loincCode() {
            return Optional.ofNullable(loinc);
        }
    }

    private static final Map<Vital, Code> CODES = new EnumMap<>(Vital.class);

    static {
        put(Vital.HR, 147842, "MDC_ECG_HEART_RATE", "8867-4", "Heart rate");
        put(Vital.PR, 149530, "MDC_PULS_OXIM_PULS_RATE", "8889-8", "Heart rate by Pulse oximetry");
        put(Vital.SPO2, 150456, "MDC_PULS_OXIM_SAT_O2", "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry");
        put(Vital.PI, 150488, "MDC_PULS_OXIM_PERF_REL", null, null);
        put(Vital.RR, 151562, "MDC_RESP_RATE", "9279-1", "Respiratory rate");
        put(Vital.NIBP_SYS, 150021, "MDC_PRESS_BLD_NONINV_SYS", "8480-6", "Systolic blood pressure");
        put(Vital.NIBP_DIA, 150022, "MDC_PRESS_BLD_NONINV_DIA", "8462-4", "Diastolic blood pressure");
        put(Vital.NIBP_MEAN, 150023, "MDC_PRESS_BLD_NONINV_MEAN", "8478-0", "Mean blood pressure");
        for (Vital v : Vital.values()) {
            if (!CODES.containsKey(v)) {
                throw new ExceptionInInitializerError("no codes for vital " + v);
            }
        }
    }

    private VitalCodes() {
    }

    private static void put(Vital v, int mdc, String term, String loinc, String loincName) {
        CODES.put(v, new Code(v, mdc, term, loinc, loincName, ucum(v.unit()), mdcUnitCode(v), mdcUnitTerm(v)));
    }

    /** The codes of a vital (every vital has them). */
    public static Code of(Vital vital) {
        return CODES.get(vital);
    }

    /** The UCUM spelling of a unit: {@code /min}, {@code %}, {@code mm[Hg]}. */
    public static String ucum(Unit unit) {
        return switch (unit) {
            case PER_MIN -> "/min";
            case PERCENT -> "%";
            case MMHG -> "mm[Hg]";
        };
    }

    private static int mdcUnitCode(Vital v) {
        return switch (v.unit()) {
            case PER_MIN -> v == Vital.RR ? 264928 : 264864;
            case PERCENT -> 262688;
            case MMHG -> 266016;
        };
    }

    private static String mdcUnitTerm(Vital v) {
        return switch (v.unit()) {
            case PER_MIN -> v == Vital.RR ? "MDC_DIM_RESP_PER_MIN" : "MDC_DIM_BEAT_PER_MIN";
            case PERCENT -> "MDC_DIM_PERCENT";
            case MMHG -> "MDC_DIM_MMHG";
        };
    }
}
