package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.ivy.IvyDecoder;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** What the simulated Ivy 450C sends is what the station's decoder reads. */
class IvyEncoderRoundTripTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2025, 3, 1, 9, 0);
    private static final List<Vital> IVY_VITALS = List.of(Vital.HR, Vital.RR, Vital.SPO2, Vital.PR,
            Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN);
    private static final Set<ReadingFlag> NONE = Set.of();

    private static DeviceFrame roundTrip(DeviceOutput output) {
        List<DeviceFrame> frames = decode(new IvyEncoder().encode(output));
        assertEquals(1, frames.size());
        return frames.get(0);
    }

    private static List<DeviceFrame> decode(byte[] bytes) {
        List<DeviceFrame> frames = new ArrayList<>();
        IvyDecoder decoder = new IvyDecoder();
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        decoder.decode(buf, frames::add);
        assertEquals(bytes.length, buf.position(), "every byte consumed");
        assertEquals(0, decoder.discardedBytes(), "nothing discarded");
        return frames;
    }

    @Test
    void captureValuesComeBackWithLabelsAndPulse() {
        Map<Vital, Double> values = Map.of(Vital.HR, 80.0, Vital.RR, 35.0, Vital.SPO2, 100.0, Vital.PR, 80.0,
                Vital.NIBP_SYS, 121.0, Vital.NIBP_DIA, 75.0, Vital.NIBP_MEAN, 92.0);

        DeviceFrame f = roundTrip(new DeviceOutput(T0, values, false, false, null));

        assertEquals(List.of(Measurement.of(Vital.HR, 80), Measurement.of(Vital.RR, 35), Measurement.of(Vital.SPO2, 100),
                Measurement.of(Vital.PR, 80), Measurement.of(Vital.NIBP_SYS, 121), Measurement.of(Vital.NIBP_DIA, 75),
                Measurement.of(Vital.NIBP_MEAN, 92)), f.measurements());
        assertEquals(Map.of("hr_label", "ECG-II", "spo2_label", "PR=80", "nibp_pulse", "80"), f.attributes());
        assertEquals(NONE, f.flags());
    }

    @Test
    void vitalsNotSentComeBackAbsent() {
        DeviceFrame f = roundTrip(new DeviceOutput(T0, Map.of(Vital.HR, 64.0, Vital.SPO2, 97.0), false, false, null));

        assertEquals(List.of(Measurement.of(Vital.HR, 64), Measurement.absent(Vital.RR, NONE), Measurement.of(Vital.SPO2, 97),
                Measurement.absent(Vital.PR, NONE), Measurement.absent(Vital.NIBP_SYS, NONE),
                Measurement.absent(Vital.NIBP_DIA, NONE), Measurement.absent(Vital.NIBP_MEAN, NONE)), f.measurements());
        assertEquals(Map.of("hr_label", "ECG-II", "spo2_label", "PR="), f.attributes());
    }

    @Test
    void sensorOffComesBackWithEveryValueAbsent() {
        Map<Vital, Double> values = Map.of(Vital.HR, 80.0, Vital.SPO2, 99.0, Vital.PR, 80.0, Vital.NIBP_SYS, 120.0);

        DeviceFrame f = roundTrip(new DeviceOutput(T0, values, true, false, null));

        assertEquals(IVY_VITALS, f.measurements().stream().map(Measurement::vital).toList());
        assertEquals(List.of(), f.measurements().stream().filter(Measurement::hasValue).toList());
    }

    @Test
    void cuffInflatingComesBackAsAbsentNibpFlaggedInflating() {
        Map<Vital, Double> values = Map.of(Vital.HR, 80.0, Vital.SPO2, 99.0, Vital.PR, 81.0,
                Vital.NIBP_SYS, 120.0, Vital.NIBP_DIA, 80.0, Vital.NIBP_MEAN, 93.0);

        DeviceFrame f = roundTrip(new DeviceOutput(T0, values, false, true, null));

        Set<ReadingFlag> cuff = EnumSet.of(ReadingFlag.CUFF_INFLATING);
        assertEquals(List.of(Measurement.absent(Vital.NIBP_SYS, cuff), Measurement.absent(Vital.NIBP_DIA, cuff),
                Measurement.absent(Vital.NIBP_MEAN, cuff)), f.measurements().subList(4, 7));
        assertEquals(Measurement.of(Vital.SPO2, 99), f.measurements().get(2));
        assertEquals(Set.of(ReadingFlag.CUFF_INFLATING), f.flags());
        assertEquals("INFLATING", f.attributes().get("nibp_label"));
        assertEquals(null, f.attributes().get("nibp_pulse"));
    }

    @Test
    void randomOutputsComeBackRounded() {
        Random random = new Random(1450);
        IvyEncoder encoder = new IvyEncoder();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<Map<Vital, Double>> sent = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Map<Vital, Double> values = new EnumMap<>(Vital.class);
            for (Vital v : IVY_VITALS) {
                if (random.nextInt(4) > 0) {
                    values.put(v, random.nextDouble() * 250);
                }
            }
            sent.add(values);
            stream.writeBytes(encoder.encode(new DeviceOutput(T0.plusSeconds(i), values, false, false, null)));
        }

        List<DeviceFrame> frames = decode(stream.toByteArray());

        assertEquals(sent.size(), frames.size());
        for (int i = 0; i < frames.size(); i++) {
            for (Measurement m : frames.get(i).measurements()) {
                Double value = sent.get(i).get(m.vital());
                double expected = value == null ? Double.NaN : Math.round(value);
                assertEquals(expected, m.value(), "message " + i + ", " + m.vital());
            }
            assertEquals(IVY_VITALS, frames.get(i).measurements().stream().map(Measurement::vital).toList());
        }
    }
}
