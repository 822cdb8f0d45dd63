package org.vigil.device.protocol.intellivue;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.util.Map;
import org.vigil.domain.Vital;

/**
 * The IntelliVue physio ids (SCADA partition, ISO/IEEE 11073-10101 partition 2) the station maps
 * to its vitals, each with its MDC reference id and the units accepted for it. The full MDC code
 * is {@code 2 << 16 | physio id} (e.g. MDC_ECG_HEART_RATE 147842).
 */
public final class PhysioIds {

    /** One mapped metric. */
    public record Metric(int physioId, Vital vital, String mdcRefId, String mdcCodeText) {

        Metric(int physioId, Vital vital, String mdcRefId) {
            this(physioId, vital, mdcRefId, Integer.toString((2 << 16) | physioId));
        }

        /** The 32-bit MDC code: partition 2 (SCADA) and the physio id. */
        public int mdcCode() {
            return (2 << 16) | physioId;
        }
    }

    public static final int ECG_CARD_BEAT_RATE = 0x4182;
    public static final int PULS_OXIM_PULS_RATE = 0x480A;
    public static final int PLETH_PULS_RATE = 0x4822;
    public static final int PULS_OXIM_SAT_O2 = 0x4BB8;
    public static final int PULS_OXIM_PERF_REL = 0x4BB0;
    public static final int PRESS_BLD_NONINV = 0x4A04;
    public static final int PRESS_BLD_NONINV_SYS = 0x4A05;
    public static final int PRESS_BLD_NONINV_DIA = 0x4A06;
    public static final int PRESS_BLD_NONINV_MEAN = 0x4A07;
    public static final int RESP_RATE = 0x500A;
    public static final int AWAY_RESP_RATE = 0x5012;
    public static final int TTHOR_RESP_RATE = 0x5022;

    private static final Map<Integer, Metric> BY_ID = Map.ofEntries(
            entry(ECG_CARD_BEAT_RATE, Vital.HR, "MDC_ECG_HEART_RATE"),
            entry(PULS_OXIM_PULS_RATE, Vital.PR, "MDC_PULS_OXIM_PULS_RATE"),
            entry(PLETH_PULS_RATE, Vital.PR, "MDC_PULS_RATE"),
            entry(PULS_OXIM_SAT_O2, Vital.SPO2, "MDC_PULS_OXIM_SAT_O2"),
            entry(PULS_OXIM_PERF_REL, Vital.PI, "MDC_PULS_OXIM_PERF_REL"),
            entry(PRESS_BLD_NONINV_SYS, Vital.NIBP_SYS, "MDC_PRESS_BLD_NONINV_SYS"),
            entry(PRESS_BLD_NONINV_DIA, Vital.NIBP_DIA, "MDC_PRESS_BLD_NONINV_DIA"),
            entry(PRESS_BLD_NONINV_MEAN, Vital.NIBP_MEAN, "MDC_PRESS_BLD_NONINV_MEAN"),
            entry(RESP_RATE, Vital.RR, "MDC_RESP_RATE"),
            entry(AWAY_RESP_RATE, Vital.RR, "MDC_AWAY_RESP_RATE"),
            entry(TTHOR_RESP_RATE, Vital.RR, "MDC_TTHOR_RESP_RATE"));

    private PhysioIds() {
    }

    private static Map.Entry<Integer, Metric> entry(int id, Vital vital, String refId) {
        return Map.entry(id, new Metric(id, vital, refId));
    }

    /** The metric a physio id maps to, or null for one the station does not chart. */
    public static Metric metric(int physioId) {
        return BY_ID.get(physioId);
    }

    /**
     * The factor that turns a value in {@code unit} into the vital's unit, or NaN when the unit is
     * not one the station accepts for the vital (the value is then kept as an unmapped numeric).
     */
    public static double toVitalUnit(Vital vital, int unit) {
        return switch (vital.unit()) {
            case MMHG -> unit == DIM_MMHG ? 1.0 : unit == DIM_KILO_PA ? 7.500617 : Double.NaN;
            case PERCENT -> unit == DIM_PERCENT || unit == DIM_DIMLESS && vital == Vital.PI ? 1.0 : Double.NaN;
            case PER_MIN -> unit == DIM_BEAT_PER_MIN || unit == DIM_RESP_PER_MIN ? 1.0 : Double.NaN;
        };
    }

    /** The physio id the station's simulator sends for {@code vital}. */
    public static int preferredId(Vital vital) {
        return switch (vital) {
            case HR -> ECG_CARD_BEAT_RATE;
            case PR -> PULS_OXIM_PULS_RATE;
            case SPO2 -> PULS_OXIM_SAT_O2;
            case PI -> PULS_OXIM_PERF_REL;
            case RR -> RESP_RATE;
            case NIBP_SYS -> PRESS_BLD_NONINV_SYS;
            case NIBP_DIA -> PRESS_BLD_NONINV_DIA;
            case NIBP_MEAN -> PRESS_BLD_NONINV_MEAN;
        };
    }
}
