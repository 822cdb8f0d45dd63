package org.vigil.device.protocol.ges5;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * Turns the basic-class displayed-values subrecord of a PHDB record into a {@link DeviceFrame}.
 *
 * <pre>
 * group (offset in the class)  status u32 | label u16 | values i16 ...
 * ecg_group      (0)           status     | leads     | hr | st1 | st2 | st3 | imp_rr
 * nibp_group    (72)           status     | cuff/mode | sys | dia | mean | hr
 * SpO2_pl_group (118)          status     | label     | SpO2 | pr | ir_amp | SvO2
 * co2_group     (132)          status     | rr source | et | fi | rr | amb_press
 * </pre>
 * A group is read only when its module exists (status bit 0). Scaling: HR, PR, respiration
 * rates 1/min; NIBP 1/100 mmHg and SpO2 1/100 %, rounded to the whole mmHg and % the monitor
 * displays. A special value (at most -32001) is an absent measurement, its reason in the
 * attribute {@code <vital>_no_value} ({@code invalid}, {@code not_updated}, {@code discontinued},
 * {@code under_range}, {@code over_range}, {@code not_calibrated}, {@code special_<n>}).
 */
final class S5FrameMapper {

    private static final int EXISTS = 1;
    private static final int ECG_ASYSTOLE = 1 << 2;
    private static final int ECG_NOISE = 1 << 7;
    private static final int ECG_ARTIFACT = 1 << 8;
    private static final int ECG_LEADS_OFF = 0b111 << 11;
    private static final int NIBP_MEASURING = 1 << 5;
    private static final int NIBP_CALIBRATING = 1 << 7;
    private static final int NIBP_OLD = 1 << 8;
    private static final String[] HR_SOURCES = {"none", "ecg", "p1", "p2", "p3", "p4", "spo2", "p5", "p6"};

    private S5FrameMapper() {
    }

    /** The frame of the first basic displayed-values subrecord, or empty when the record has none. */
    static Optional<DeviceFrame> toFrame(S5Record record) {
        if (record.mainType() != Dri.MT_PHDB) {
            return Optional.empty();
        }
        for (int i = 0; i < record.subrecordCount(); i++) {
            if (record.subrecordType(i) != Dri.PH_DISPL) {
                continue;
            }
            int start = record.subrecordStart(i);
            int cls = (record.u16(start + Dri.PHDB_CL_DRILVL_SUBT) >> 8) & 0x0F;
            if (cls == Dri.CLASS_BASIC) {
                return Optional.of(basic(record, start + Dri.PHDB_DATA));
            }
        }
        return Optional.empty();
    }

    private static DeviceFrame basic(S5Record r, int data) {
        List<Measurement> measurements = new ArrayList<>(8);
        Map<String, String> attributes = new LinkedHashMap<>();
        Set<ReadingFlag> frameFlags = EnumSet.noneOf(ReadingFlag.class);
        attributes.put("device_time", Instant.ofEpochSecond(r.time()).toString());

        int ecg = data + Dri.ECG_GROUP;
        long ecgStatus = r.u32(ecg);
        if ((ecgStatus & EXISTS) != 0) {
            int source = (int) (ecgStatus >> 3) & 0x0F;
            attributes.put("hr_source", source < HR_SOURCES.length ? HR_SOURCES[source] : "source_" + source);
            Set<ReadingFlag> hrFlags = (ecgStatus & (ECG_NOISE | ECG_ARTIFACT)) != 0
                    ? EnumSet.of(ReadingFlag.INTERFERENCE) : Set.of();
            if ((ecgStatus & ECG_ASYSTOLE) != 0) {
                attributes.put("ecg_asystole", "true");
            }
            if ((ecgStatus & ECG_LEADS_OFF) != 0) {
                attributes.put("ecg_channels_off", channelsOff(ecgStatus));
            }
            measurements.add(value(r, ecg + Dri.GROUP_VALUES, Vital.HR, 1, hrFlags, attributes));
            measurements.add(value(r, ecg + Dri.GROUP_VALUES + 8, Vital.RR, 1, Set.of(), attributes));
        }

        int nibp = data + Dri.NIBP_GROUP;
        if ((r.u32(nibp) & EXISTS) != 0) {
            int label = r.u16(nibp + 4);
            Set<ReadingFlag> flags = Set.of();
            if ((label & NIBP_MEASURING) != 0) {
                flags = EnumSet.of(ReadingFlag.CUFF_INFLATING);
                frameFlags.add(ReadingFlag.CUFF_INFLATING);
            }
            if ((label & NIBP_CALIBRATING) != 0) {
                attributes.put("nibp_calibrating", "true");
            }
            if ((label & NIBP_OLD) != 0) {
                attributes.put("nibp_older_than_60s", "true");
            }
            int v = nibp + Dri.GROUP_VALUES;
            measurements.add(value(r, v, Vital.NIBP_SYS, 100, flags, attributes));
            measurements.add(value(r, v + 2, Vital.NIBP_DIA, 100, flags, attributes));
            measurements.add(value(r, v + 4, Vital.NIBP_MEAN, 100, flags, attributes));
            int pulse = r.i16(v + 6);
            if (!NoValue.isSpecial(pulse)) {
                attributes.put("nibp_pulse", Integer.toString(pulse));
            }
        }

        int spo2 = data + Dri.SPO2_GROUP;
        if ((r.u32(spo2) & EXISTS) != 0) {
            measurements.add(value(r, spo2 + Dri.GROUP_VALUES, Vital.SPO2, 100, Set.of(), attributes));
            measurements.add(value(r, spo2 + Dri.GROUP_VALUES + 2, Vital.PR, 1, Set.of(), attributes));
        }

        int co2 = data + Dri.CO2_GROUP;
        if ((r.u32(co2) & EXISTS) != 0) {
            int rr = r.i16(co2 + Dri.GROUP_VALUES + 4);
            if (!NoValue.isSpecial(rr)) {
                attributes.put("co2_rr", Integer.toString(rr));
            }
        }
        return new DeviceFrame(measurements, frameFlags, attributes);
    }

    private static Measurement value(S5Record r, int at, Vital vital, int scale, Set<ReadingFlag> flags,
            Map<String, String> attributes) {
        int raw = r.i16(at);
        if (NoValue.isSpecial(raw)) {
            attributes.put(vital.key() + "_no_value", NoValue.reason(raw));
            return Measurement.absent(vital, flags);
        }
        return new Measurement(vital, scale == 1 ? raw : Math.round(raw / (double) scale), flags);
    }

    private static String channelsOff(long status) {
        StringBuilder s = new StringBuilder();
        for (int ch = 1; ch <= 3; ch++) {
            if ((status & (1L << (10 + ch))) != 0) {
                s.append(s.length() == 0 ? "" : ",").append(ch);
            }
        }
        return s.toString();
    }
}
