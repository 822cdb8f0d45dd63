package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.ges5.S5Decoder;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** What the simulated S/5 sends is what the station's decoder reads. */
class S5EncoderRoundTripTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 3, 9, 0, 5);
    private static final List<Vital> S5_VITALS = List.of(Vital.HR, Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA,
            Vital.NIBP_MEAN, Vital.SPO2, Vital.PR);
    private static final Map<Vital, Double> PATIENT = Map.of(Vital.HR, 72.0, Vital.RR, 14.0, Vital.SPO2, 97.0,
            Vital.PR, 71.0, Vital.NIBP_SYS, 121.0, Vital.NIBP_DIA, 75.0, Vital.NIBP_MEAN, 92.0);

    private static List<DeviceFrame> decode(byte[] bytes) {
        List<DeviceFrame> frames = new ArrayList<>();
        S5Decoder decoder = new S5Decoder();
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        decoder.decode(buf, frames::add);
        assertEquals(bytes.length, buf.position(), "every byte consumed");
        assertEquals(0, decoder.discardedBytes(), "nothing discarded");
        return frames;
    }

    private static DeviceFrame roundTrip(byte[] bytes) {
        List<DeviceFrame> frames = decode(bytes);
        assertEquals(1, frames.size());
        return frames.get(0);
    }

    @Test
    void everyVitalComesBackWithTheDeviceTime() {
        DeviceFrame f = roundTrip(new S5Encoder().encode(new DeviceOutput(T0, PATIENT, false, false, null)));

        assertEquals(List.of(Measurement.of(Vital.HR, 72), Measurement.of(Vital.RR, 14), Measurement.of(Vital.NIBP_SYS, 121),
                Measurement.of(Vital.NIBP_DIA, 75), Measurement.of(Vital.NIBP_MEAN, 92), Measurement.of(Vital.SPO2, 97),
                Measurement.of(Vital.PR, 71)), f.measurements());
        assertEquals(Map.of("device_time", "2026-12-03T09:00:05Z", "hr_source", "ecg", "nibp_pulse", "71"), f.attributes());
        assertEquals(Set.of(), f.flags());
    }

    @Test
    void recordHasTheRealRecordsSizeAndHeader() {
        byte[] framed = new S5Encoder().encode(new DeviceOutput(T0, Map.of(), false, false, null));
        assertEquals(0x7E, framed[0] & 0xFF);
        assertEquals(0x3E, framed[1] & 0xFF, "r_len 318 = 0x013E, little-endian");
        assertEquals(0x01, framed[2] & 0xFF);
        assertEquals(0x0B, framed[4] & 0xFF, "dri_level as in the CARESCAPE capture");
        assertEquals(0x7E, framed[framed.length - 1] & 0xFF);
    }

    @Test
    void vitalsNotSentComeBackAbsentAsInvalid() {
        DeviceFrame f = roundTrip(new S5Encoder().encode(new DeviceOutput(T0, Map.of(Vital.SPO2, 95.0), false, false, null)));

        for (Vital v : S5_VITALS) {
            Measurement m = f.measurements().stream().filter(x -> x.vital() == v).findFirst().orElseThrow();
            assertEquals(v == Vital.SPO2, m.hasValue(), v.key());
            assertEquals(v == Vital.SPO2 ? null : "invalid", f.attributes().get(v.key() + "_no_value"), v.key());
        }
        assertEquals(null, f.attributes().get("nibp_pulse"), "no pulse without a cuff result");
    }

    @Test
    void everySpecialValueComesBackAsItsReasonOnEveryVital() {
        Map<Integer, String> reasons = Map.of(S5Encoder.DATA_INVALID, "invalid", S5Encoder.NOT_UPDATED, "not_updated",
                S5Encoder.DISCONTINUED, "discontinued", S5Encoder.UNDER_RANGE, "under_range",
                S5Encoder.OVER_RANGE, "over_range", S5Encoder.NOT_CALIBRATED, "not_calibrated");
        reasons.forEach((code, reason) -> {
            for (Vital v : S5_VITALS) {
                DeviceFrame f = roundTrip(new S5Encoder().encode(new DeviceOutput(T0, PATIENT, false, false, null),
                        Map.of(v, code)));
                for (Measurement m : f.measurements()) {
                    assertEquals(m.vital() != v, m.hasValue(), reason + " on " + v.key() + ": " + m);
                }
                assertEquals(reason, f.attributes().get(v.key() + "_no_value"), v.key());
            }
        });
    }

    @Test
    void valuesBeyondSixteenBitsComeBackAsOutOfRange() {
        DeviceFrame f = roundTrip(new S5Encoder().encode(new DeviceOutput(T0,
                Map.of(Vital.NIBP_SYS, 400.0, Vital.HR, -40000.0), false, false, null)));

        assertEquals("over_range", f.attributes().get("nibp_sys_no_value"));
        assertEquals("under_range", f.attributes().get("hr_no_value"));
    }

    @Test
    void sensorOffComesBackWithEveryValueAbsent() {
        DeviceFrame f = roundTrip(new S5Encoder().encode(new DeviceOutput(T0, PATIENT, true, false, null)));

        assertEquals(S5_VITALS, f.measurements().stream().map(Measurement::vital).toList());
        assertEquals(List.of(), f.measurements().stream().filter(Measurement::hasValue).toList());
    }

    @Test
    void cuffInflatingComesBackAsAbsentNibpFlaggedInflating() {
        DeviceFrame f = roundTrip(new S5Encoder().encode(new DeviceOutput(T0, PATIENT, false, true, null)));

        Set<ReadingFlag> cuff = Set.of(ReadingFlag.CUFF_INFLATING);
        assertEquals(List.of(Measurement.absent(Vital.NIBP_SYS, cuff), Measurement.absent(Vital.NIBP_DIA, cuff),
                Measurement.absent(Vital.NIBP_MEAN, cuff)), f.measurements().subList(2, 5));
        assertEquals(cuff, f.flags());
        assertEquals(Measurement.of(Vital.SPO2, 97), f.measurements().get(5));
    }

    @Test
    void valuesThatNeedEscapingComeBack() {
        Map<Vital, Double> values = Map.of(Vital.HR, 126.0, Vital.PR, 125.0, Vital.RR, 32382.0, Vital.SPO2, 0x7D7E / 100.0);
        byte[] framed = new S5Encoder().encode(new DeviceOutput(T0, values, false, false, null));

        DeviceFrame f = roundTrip(framed);

        assertEquals(126.0, f.measurements().get(0).value());
        assertEquals(32382.0, f.measurements().get(1).value(), "0x7E7E");
        assertEquals(125.0, f.measurements().get(6).value());
        assertTrue(framed.length > 318 + 3 + 4, "escaped bytes make the frame longer");
    }

    @Test
    void randomOutputsComeBackRoundedToTheDisplayedUnit() {
        Random random = new Random(0x55);
        S5Encoder encoder = new S5Encoder();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<Map<Vital, Double>> sent = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Map<Vital, Double> values = new EnumMap<>(Vital.class);
            for (Vital v : S5_VITALS) {
                if (random.nextInt(4) > 0) {
                    values.put(v, random.nextDouble() * 250);
                }
            }
            sent.add(values);
            stream.writeBytes(encoder.encode(new DeviceOutput(T0.plusSeconds(5L * i), values, false, false, null)));
        }

        List<DeviceFrame> frames = decode(stream.toByteArray());

        assertEquals(sent.size(), frames.size());
        for (int i = 0; i < frames.size(); i++) {
            for (Measurement m : frames.get(i).measurements()) {
                Double value = sent.get(i).get(m.vital());
                int scale = m.vital() == Vital.SPO2 || m.vital().isNibp() ? 100 : 1;
                double expected = value == null ? Double.NaN : Math.round(Math.round(value * scale) / (double) scale);
                assertEquals(expected, m.value(), "record " + i + ", " + m.vital());
            }
            assertEquals(S5_VITALS, frames.get(i).measurements().stream().map(Measurement::vital).toList());
        }
    }
}
