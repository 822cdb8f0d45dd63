package org.vigil.device.protocol.intellivue;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.device.protocol.intellivue.Messages.Numeric;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * Turns numeric observations into measurements and attributes.
 *
 * <p>Measurement state bits → flags: INVALID, UNAVAILABLE and CALIBRATION_ONGOING, and any
 * special FLOAT-Type value (NaN, NRes, ±INF), make the measurement absent (flag
 * {@link ReadingFlag#INVALID}); DEMO_DATA and TEST_DATA → {@link ReadingFlag#DEMO_DATA};
 * QUESTIONABLE → {@link ReadingFlag#LOW_SIGNAL_QUALITY}; MSMT_ONGOING (a NIBP measurement under
 * way) → {@link ReadingFlag#CUFF_INFLATING}; IN_ALARM → {@link ReadingFlag#DEVICE_ALARM};
 * ALARM_INHIBITED → {@link ReadingFlag#DEVICE_ALARM_SILENCED}.
 *
 * <p>Attributes: {@code <vital>_mdc} (the MDC reference id) and {@code <vital>_mdc_code} (the
 * 32-bit MDC code) for each mapped vital; {@code <vital>_state} (the raw state, hex) when it is
 * not zero; {@code <vital>_time} (the observation's own time stamp) when the object has one —
 * for NIBP this is when the cuff measured, not when it was polled. A numeric the station does not
 * map, or in a unit it does not accept, is kept as {@code numeric_<physio id hex>} =
 * {@code <value> <unit code hex>}: recorded, never charted or alarmed.
 */
final class NumericMapper {

    /** Attribute keys per vital, built once: {@code _mdc, _mdc_code, _state, _time}. */
    private static final Map<Vital, String[]> KEYS = keys();

    private NumericMapper() {
    }

    private static Map<Vital, String[]> keys() {
        Map<Vital, String[]> m = new java.util.EnumMap<>(Vital.class);
        for (Vital v : Vital.values()) {
            m.put(v, new String[] {v.key() + "_mdc", v.key() + "_mdc_code", v.key() + "_state", v.key() + "_time"});
        }
        return m;
    }

    static void map(List<Numeric> numerics, List<Measurement> out, Map<String, String> attributes) {
        for (Numeric n : numerics) {
            PhysioIds.Metric metric = PhysioIds.metric(n.physioId());
            double factor = metric == null ? Double.NaN : PhysioIds.toVitalUnit(metric.vital(), n.unit());
            if (metric == null || Double.isNaN(factor) && n.special() == null) {
                attributes.put("numeric_" + hex(n.physioId()),
                        (n.special() != null ? n.special() : strip(n.value())) + " " + hex(n.unit()));
                continue;
            }
            Vital vital = metric.vital();
            Set<ReadingFlag> flags = flags(n.state());
            boolean noValue = n.special() != null || (n.state() & (MS_INVALID | MS_UNAVAILABLE | MS_CALIBRATION_ONGOING)) != 0;
            out.add(noValue ? Measurement.absent(vital, flags) : new Measurement(vital, n.value() * factor, flags));
            String[] keys = KEYS.get(vital);
            attributes.put(keys[0], metric.mdcRefId());
            attributes.put(keys[1], metric.mdcCodeText());
            if (n.state() != 0) {
                attributes.put(keys[2], hex(n.state()));
            }
            if (n.observedAt() != null) {
                attributes.put(keys[3], n.observedAt().toString());
            }
        }
    }

    static Set<ReadingFlag> flags(int state) {
        EnumSet<ReadingFlag> f = EnumSet.noneOf(ReadingFlag.class);
        if ((state & (MS_DEMO_DATA | MS_TEST_DATA)) != 0) {
            f.add(ReadingFlag.DEMO_DATA);
        }
        if ((state & MS_QUESTIONABLE) != 0) {
            f.add(ReadingFlag.LOW_SIGNAL_QUALITY);
        }
        if ((state & MS_MSMT_ONGOING) != 0) {
            f.add(ReadingFlag.CUFF_INFLATING);
        }
        if ((state & MS_IN_ALARM) != 0) {
            f.add(ReadingFlag.DEVICE_ALARM);
        }
        if ((state & MS_ALARM_INHIBITED) != 0) {
            f.add(ReadingFlag.DEVICE_ALARM_SILENCED);
        }
        return f;
    }

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    /** {@code 0x} and four upper-case hex digits. */
    private static String hex(int v) {
        return new String(new char[] {'0', 'x', DIGITS[(v >>> 12) & 0xF], DIGITS[(v >>> 8) & 0xF],
            DIGITS[(v >>> 4) & 0xF], DIGITS[v & 0xF]});
    }

    private static String strip(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
