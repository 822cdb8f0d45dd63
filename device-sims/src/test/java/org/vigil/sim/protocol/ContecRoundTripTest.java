package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.vigil.device.protocol.contec.ContecDecoder;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** What the simulated CMS50E sends is what the station reads: one frame a second, at the protocol's resolution. */
class ContecRoundTripTest {

    private final ContecEncoder encoder = new ContecEncoder();
    private final ContecDecoder decoder = new ContecDecoder();
    private final ByteBuffer buffer = ByteBuffer.allocate(60 * 9 + 64);

    private List<DeviceFrame> send(DeviceOutput out) {
        List<DeviceFrame> frames = new ArrayList<>();
        buffer.put(encoder.encode(out)).flip();
        decoder.decode(buffer, frames::add);
        assertFalse(buffer.hasRemaining());
        buffer.compact();
        return frames;
    }

    @Test
    void everyValueEveryAbsenceAndFingerOutSurviveEncodingAndDecoding() {
        Random random = new Random(42);
        LocalDateTime clock = LocalDateTime.of(2026, 12, 3, 8, 0);
        List<DeviceOutput> outputs = new ArrayList<>();
        for (int spo2 = 0; spo2 <= 101; spo2++) {
            outputs.add(output(clock, spo2, 60, 1.0, false));
        }
        for (int pr = 0; pr <= 255; pr++) {
            outputs.add(output(clock, 97, pr, 1.0, false));
        }
        for (int pi = 0; pi <= 2201; pi += 7) {
            outputs.add(output(clock, 97, 60, pi / 100.0, false));
        }
        for (int i = 0; i < 500; i++) {
            outputs.add(output(clock, random.nextInt(5) == 0 ? Double.NaN : 50 + random.nextDouble() * 55,
                    random.nextInt(5) == 0 ? Double.NaN : 20 + random.nextDouble() * 240,
                    random.nextInt(4) == 0 ? Double.NaN : random.nextDouble() * 23, random.nextInt(6) == 0));
        }
        for (int i = 0; i < outputs.size(); i++) {
            DeviceOutput out = outputs.get(i);
            List<DeviceFrame> frames = send(new DeviceOutput(clock.plusSeconds(i), out.values(), out.sensorOff(), false, null));
            assertEquals(60, frames.size(), "second " + i);
            DeviceFrame f = frames.get(0);
            assertEquals(expected(out), f.measurements(), "second " + i + ": " + out);
            for (DeviceFrame sample : frames) {
                assertEquals(out.sensorOff() ? Set.of(ReadingFlag.SENSOR_OFF) : Set.of(), sample.flags(), "second " + i);
                int pleth = sample.wave().sample(0);
                assertEquals(true, pleth >= 0 && pleth <= 127, "second " + i);
            }
            assertEquals(List.of(), frames.get(59).measurements(), "one frame of values a second");
        }
        assertEquals(0, decoder.discardedBytes());
        assertEquals(60L * outputs.size(), decoder.realTimePackets());
    }

    private static DeviceOutput output(LocalDateTime clock, double spo2, double pr, double pi, boolean off) {
        Map<Vital, Double> v = new EnumMap<>(Vital.class);
        v.put(Vital.SPO2, spo2);
        v.put(Vital.PR, pr);
        v.put(Vital.PI, pi);
        return new DeviceOutput(clock, v, off, false, null);
    }

    /** SpO2 and PR rounded, absent outside 0-100 / 0-254; PI to 0.01, left out outside 0-22 %; no values with the finger out. */
    private static List<Measurement> expected(DeviceOutput out) {
        Set<ReadingFlag> flags = out.sensorOff() ? EnumSet.of(ReadingFlag.SENSOR_OFF) : Set.of();
        List<Measurement> ms = new ArrayList<>();
        long spo2 = Math.round(out.value(Vital.SPO2));
        long pr = Math.round(out.value(Vital.PR));
        long pi = Math.round(out.value(Vital.PI) * 100);
        boolean off = out.sensorOff();
        ms.add(off || !out.has(Vital.SPO2) || spo2 > 100 ? Measurement.absent(Vital.SPO2, flags) : Measurement.of(Vital.SPO2, spo2));
        ms.add(off || !out.has(Vital.PR) || pr > 254 ? Measurement.absent(Vital.PR, flags) : Measurement.of(Vital.PR, pr));
        if (!off && out.has(Vital.PI) && pi <= 2200) {
            ms.add(Measurement.of(Vital.PI, pi / 100.0));
        }
        return ms;
    }
}
