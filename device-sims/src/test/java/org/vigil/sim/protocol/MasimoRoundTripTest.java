package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.vigil.device.protocol.masimo.MasimoDecoder;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** What the simulator sends is what the station reads, at the protocol's resolution. */
class MasimoRoundTripTest {

    private static final List<Vital> VITALS = List.of(Vital.SPO2, Vital.PR, Vital.PI);

    private final MasimoEncoder encoder = new MasimoEncoder();

    @Test
    void randomValuesAbsencesAndSensorOffSurviveEncodingAndDecoding() {
        Random random = new Random(42);
        List<DeviceOutput> outputs = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        LocalDateTime clock = LocalDateTime.of(2024, 3, 4, 23, 59, 0);
        for (int i = 0; i < 2000; i++) {
            Map<Vital, Double> values = new EnumMap<>(Vital.class);
            if (random.nextInt(5) > 0) {
                values.put(Vital.SPO2, 50 + random.nextDouble() * 50);
            }
            if (random.nextInt(5) > 0) {
                values.put(Vital.PR, 20 + random.nextDouble() * 230);
            }
            if (random.nextInt(5) > 0) {
                values.put(Vital.PI, random.nextBoolean() ? Double.NaN : 0.02 + random.nextDouble() * 20);
            }
            String serial = random.nextInt(10) == 0 ? null : String.valueOf(random.nextInt(1_000_000));
            DeviceOutput out = new DeviceOutput(clock.plusSeconds(i), values, random.nextInt(8) == 0, false, serial);
            outputs.add(out);
            wire.writeBytes(encoder.encode(out));
        }
        MasimoDecoder decoder = new MasimoDecoder();
        List<DeviceFrame> frames = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(wire.toByteArray());
        decoder.decode(in, frames::add);
        assertFalse(in.hasRemaining());
        assertEquals(0, decoder.discardedBytes());
        assertEquals(outputs.size(), frames.size());
        for (int i = 0; i < outputs.size(); i++) {
            assertRoundTrip(outputs.get(i), frames.get(i), "report " + i);
        }
    }

    @Test
    void sensorOffArrivesAsAbsentValuesFlaggedSensorOff() {
        DeviceOutput out = new DeviceOutput(LocalDateTime.of(2024, 3, 4, 10, 0),
                Map.of(Vital.SPO2, 97.0, Vital.PR, 72.0, Vital.PI, 3.5), true, false, "12345");
        DeviceFrame f = decodeOne(encoder.encode(out));
        assertEquals(Set.of(ReadingFlag.SENSOR_OFF), f.flags());
        for (Vital v : VITALS) {
            assertTrue(f.measurements().contains(Measurement.absent(v, Set.of(ReadingFlag.SENSOR_OFF))), v.key());
        }
    }

    private static void assertRoundTrip(DeviceOutput out, DeviceFrame f, String context) {
        assertEquals(VITALS, f.measurements().stream().map(Measurement::vital).toList(), context);
        Set<ReadingFlag> flags = out.sensorOff() ? Set.of(ReadingFlag.SENSOR_OFF) : Set.of();
        assertEquals(flags, f.flags(), context);
        for (Measurement m : f.measurements()) {
            double sent = out.value(m.vital());
            if (out.sensorOff() || Double.isNaN(sent)) {
                assertEquals(Measurement.absent(m.vital(), flags), m, context);
            } else {
                double expected = m.vital() == Vital.PI ? Math.round(sent * 100) / 100.0 : Math.round(sent);
                assertEquals(expected, m.value(), 1e-9, context + " " + m.vital().key());
                assertEquals(flags, m.flags(), context);
            }
        }
        assertEquals(out.serial() == null ? null : String.format("%010d", Long.parseLong(out.serial())),
                f.attributes().get("serial"), context);
        assertEquals(String.format("%02d/%02d/%02d %02d:%02d:%02d", out.deviceClock().getMonthValue(),
                out.deviceClock().getDayOfMonth(), out.deviceClock().getYear() % 100, out.deviceClock().getHour(),
                out.deviceClock().getMinute(), out.deviceClock().getSecond()), f.attributes().get("device_time"), context);
    }

    private static DeviceFrame decodeOne(byte[] bytes) {
        List<DeviceFrame> frames = new ArrayList<>();
        new MasimoDecoder().decode(ByteBuffer.wrap(bytes), frames::add);
        assertEquals(1, frames.size());
        return frames.get(0);
    }
}
