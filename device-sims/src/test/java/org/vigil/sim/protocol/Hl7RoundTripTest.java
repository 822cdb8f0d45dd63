package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.vigil.device.protocol.hl7.Hl7Decoder;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** What the HL7 simulator sends is what the station reads: every vital, absences, sensor off, cuff inflating. */
class Hl7RoundTripTest {

    @Test
    void randomReportsOfEveryVitalSurviveEncodingAndDecoding() {
        Hl7Encoder encoder = new Hl7Encoder("B-01");
        Random random = new Random(2575);
        List<DeviceOutput> outputs = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        LocalDateTime clock = LocalDateTime.of(2026, 3, 4, 23, 59, 0);
        for (int i = 0; i < 300; i++) {
            Map<Vital, Double> values = new EnumMap<>(Vital.class);
            for (Vital v : Vital.values()) {
                int k = random.nextInt(6);
                if (k == 0) {
                    continue;
                }
                values.put(v, k == 1 ? Double.NaN : v == Vital.PI ? 0.02 + random.nextDouble() * 20 : 1 + random.nextDouble() * 250);
            }
            DeviceOutput out = new DeviceOutput(clock.plusSeconds(i), values, random.nextInt(8) == 0, random.nextInt(8) == 0,
                    new String[] {"0A1B2C3D4E5F6071", "0000056661", null}[random.nextInt(3)]);
            outputs.add(out);
            wire.writeBytes(encoder.encode(out));
        }
        Hl7Decoder decoder = new Hl7Decoder();
        List<DeviceFrame> frames = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(wire.toByteArray());
        decoder.decode(in, frames::add);
        assertFalse(in.hasRemaining());
        assertEquals(0, decoder.discardedBytes());
        assertEquals(outputs.size(), frames.size());
        for (int i = 0; i < outputs.size(); i++) {
            assertRoundTrip(outputs.get(i), frames.get(i), i + 1, "report " + i);
        }
    }

    @Test
    void aBedWithAnHl7SeparatorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Hl7Encoder("B^1"));
        assertThrows(IllegalArgumentException.class, () -> new Hl7Encoder(" "));
    }

    private static void assertRoundTrip(DeviceOutput out, DeviceFrame f, long n, String context) {
        List<Vital> sent = List.of(Vital.values()).stream().filter(out.vitals()::contains).toList();
        assertEquals(sent, f.measurements().stream().map(Measurement::vital).toList(), context);
        for (Measurement m : f.measurements()) {
            Vital v = m.vital();
            boolean off = (out.sensorOff() && (v == Vital.SPO2 || v == Vital.PR || v == Vital.PI))
                    || (out.cuffInflating() && v.isNibp());
            double value = out.value(v);
            if (off || Double.isNaN(value)) {
                assertEquals(Measurement.absent(v, Set.of()), m, context + " " + v.key());
                assertEquals(Set.of(ReadingFlag.INVALID), m.flags());
            } else {
                double expected = BigDecimal.valueOf(value).setScale(v.decimals(), RoundingMode.HALF_UP).doubleValue();
                assertEquals(expected, m.value(), 1e-9, context + " " + v.key());
            }
        }
        assertEquals("^^B-01", f.attributes().get("bed"), context);
        assertEquals(Long.toString(n), f.attributes().get("control_id"), context);
        assertEquals(out.deviceClock().toString().length() == 16 ? out.deviceClock() + ":00" : out.deviceClock().toString(),
                f.attributes().get("device_time"), context);
        String serial = out.serial();
        DeviceIdentity expected = serial == null ? new DeviceIdentity("", "VIGIL_SIM", "", "", "0000000000000001")
                : DeviceIdentity.isEui64(serial) ? new DeviceIdentity("", "VIGIL_SIM", "", "", serial)
                : new DeviceIdentity("", "VIGIL_SIM", serial, "", "");
        assertEquals(java.util.Optional.of(expected), f.identity(), context);
    }
}
