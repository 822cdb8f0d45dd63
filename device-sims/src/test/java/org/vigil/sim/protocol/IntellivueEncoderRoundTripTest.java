package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.vigil.device.protocol.intellivue.IntellivueDecoder;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * What the simulated IntelliVue sends is what the station's decoder reads, for every vital and
 * every no-value case; each report ends with the pleth arrays completed since the last.
 */
class IntellivueEncoderRoundTripTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 9, 0, 12, 340_000_000);

    private static List<DeviceFrame> decode(byte[] bytes, IntellivueDecoder decoder) {
        List<DeviceFrame> frames = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        decoder.decode(buf, frames::add);
        assertEquals(bytes.length, buf.position(), "every byte consumed");
        assertEquals(0, decoder.discardedBytes(), "nothing discarded");
        return frames;
    }

    /** The numerics frame of a first report; the three pleth arrays of its first 768 ms follow it. */
    private static DeviceFrame roundTrip(DeviceOutput output) {
        List<DeviceFrame> frames = decode(new IntellivueEncoder().encode(output), new IntellivueDecoder());
        assertEquals(4, frames.size(), "the numerics, then three arrays of 256 ms");
        for (DeviceFrame wave : frames.subList(1, 4)) {
            assertTrue(wave.measurements().isEmpty());
            assertEquals("pleth", wave.attributes().get("wave"));
            assertEquals(output.sensorOff(), wave.wave() == null, "a sensor-off array is a gap");
        }
        return frames.get(0);
    }

    @Test
    void thePlethFollowsTheDeviceClockAtItsRateWithoutAHoleOrAnOverlap() {
        IntellivueEncoder encoder = new IntellivueEncoder();
        IntellivueDecoder decoder = new IntellivueDecoder(java.time.ZoneOffset.UTC);
        List<org.vigil.domain.WaveSegment> waves = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            DeviceOutput out = new DeviceOutput(T0.plusSeconds(s), Map.of(Vital.PR, 75.0), false, false, null);
            decode(encoder.encode(out), decoder).stream().filter(f -> f.wave() != null).forEach(f -> waves.add(f.wave()));
        }
        int samples = waves.stream().mapToInt(org.vigil.domain.WaveSegment::size).sum();
        // 1 s before the first report to the last: 20 s at 125/s, in whole arrays of 32
        assertEquals(20 * 125 / 32 * 32, samples);
        java.time.Instant expected = T0.minusSeconds(1).toInstant(java.time.ZoneOffset.UTC);
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (org.vigil.domain.WaveSegment w : waves) {
            assertEquals(125.0, w.sampleRate());
            assertEquals(0, w.low());
            assertEquals(4095, w.high());
            // device times from 1/100 s AbsoluteTime: within 10 ms of back to back
            assertTrue(Math.abs(java.time.Duration.between(expected, w.deviceTime()).toMillis()) <= 10,
                    expected + " / " + w.deviceTime());
            expected = w.deviceTime().plusMillis(256);
            for (int i = 0; i < w.size(); i++) {
                low = Math.min(low, w.sample(i));
                high = Math.max(high, w.sample(i));
            }
        }
        assertTrue(low < IntellivuePleth.BASELINE + 100, "diastole " + low);
        assertTrue(high > 3000, "systolic peak " + high);
    }

    private static Map<Vital, Double> all(double hr, double pr, double spo2, double pi, double rr, double sys, double dia,
            double mean) {
        Map<Vital, Double> v = new EnumMap<>(Vital.class);
        v.put(Vital.HR, hr);
        v.put(Vital.PR, pr);
        v.put(Vital.SPO2, spo2);
        v.put(Vital.PI, pi);
        v.put(Vital.RR, rr);
        v.put(Vital.NIBP_SYS, sys);
        v.put(Vital.NIBP_DIA, dia);
        v.put(Vital.NIBP_MEAN, mean);
        return v;
    }

    @Test
    void everyVitalComesBackWithItsValue() {
        Map<Vital, Double> values = all(72, 71, 97, 2.45, 14, 121, 78, 92);
        DeviceFrame f = roundTrip(new DeviceOutput(T0, values, false, false, "SN1"));
        assertEquals(values.size(), f.measurements().size());
        for (Measurement m : f.measurements()) {
            assertEquals(values.get(m.vital()), m.value(), 1e-9, m.vital().key());
            assertEquals(Set.of(), m.flags(), m.vital().key());
        }
        assertEquals(T0.toString(), f.attributes().get("device_time"));
        assertEquals(T0.withNano(340_000_000).toString(), f.attributes().get("nibp_sys_time"));
    }

    @Test
    void randomValuesRoundTripAtTheVitalsResolution() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            Map<Vital, Double> values = all(random.nextInt(300), random.nextInt(300), random.nextInt(101),
                    random.nextInt(2001) / 100.0, random.nextInt(80), 40 + random.nextInt(260), 20 + random.nextInt(200),
                    30 + random.nextInt(230));
            DeviceFrame f = roundTrip(new DeviceOutput(T0.plusSeconds(round), values, false, false, null));
            for (Measurement m : f.measurements()) {
                assertEquals(values.get(m.vital()), m.value(), 1e-9, "round " + round + " " + m.vital());
            }
        }
    }

    @Test
    void aVitalWithoutValueIsAbsentAndInvalid() {
        for (Vital v : Vital.values()) {
            Map<Vital, Double> values = all(72, 71, 97, 2.45, 14, 121, 78, 92);
            values.put(v, Double.NaN);
            DeviceFrame f = roundTrip(new DeviceOutput(T0, values, false, false, null));
            Measurement m = f.measurements().stream().filter(x -> x.vital() == v).findFirst().orElseThrow();
            assertFalse(m.hasValue(), v.key());
            assertEquals(Set.of(ReadingFlag.INVALID), m.flags(), v.key());
            assertEquals("0x8000", f.attributes().get(v.key() + "_state"));
        }
    }

    @Test
    void aVitalNotReportedIsNotInTheFrame() {
        DeviceFrame f = roundTrip(new DeviceOutput(T0, Map.of(Vital.SPO2, 95.0), false, false, null));
        assertEquals(List.of(Measurement.of(Vital.SPO2, 95)), f.measurements());
    }

    @Test
    void sensorOffMakesTheOximeterValuesAbsent() {
        DeviceFrame f = roundTrip(new DeviceOutput(T0, all(72, 71, 97, 2.45, 14, 121, 78, 92), true, false, null));
        for (Measurement m : f.measurements()) {
            boolean oximeter = m.vital() == Vital.SPO2 || m.vital() == Vital.PR || m.vital() == Vital.PI;
            assertEquals(!oximeter, m.hasValue(), m.vital().key());
            if (oximeter) {
                assertEquals("0xA000", f.attributes().get(m.vital().key() + "_state"));
            }
        }
    }

    @Test
    void anInflatingCuffIsAbsentNibpFlaggedCuffInflating() {
        DeviceFrame f = roundTrip(new DeviceOutput(T0, Map.of(Vital.HR, 70.0), false, true, null));
        assertEquals(4, f.measurements().size());
        for (Measurement m : f.measurements()) {
            if (m.vital().isNibp()) {
                assertFalse(m.hasValue());
                assertTrue(m.flags().contains(ReadingFlag.CUFF_INFLATING), m.vital().key());
            } else {
                assertEquals(Measurement.of(Vital.HR, 70), m);
            }
        }
    }
}
