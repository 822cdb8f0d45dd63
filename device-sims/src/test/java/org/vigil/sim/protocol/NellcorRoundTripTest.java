package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
import org.vigil.device.protocol.nellcor.NellcorDecoder;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** What the Nellcor simulator prints is what the station reads: values, dashes, stars, status codes, the clock. */
class NellcorRoundTripTest {

    private static final List<String> CODES = List.of("SD", "SO", "PS", "LP", "LM", "MO", "AS", "AO", "SH", "SL", "PH", "PL", "LB");

    @Test
    void theSpecExampleLineIsPrintedAsTheMonitorDoes() {
        NellcorEncoder encoder = new NellcorEncoder();
        encoder.encode(new DeviceOutput(LocalDateTime.of(2004, 1, 7, 11, 24, 52), Map.of(), false, false, null));
        byte[] line = encoder.encode(new DeviceOutput(LocalDateTime.of(2004, 1, 7, 11, 24, 54),
                Map.of(Vital.SPO2, 100.0, Vital.PR, 101.0), false, false, null), List.of("MO", "AO"), Set.of());
        assertEquals("07-Jan-04 11:24:54   100     101      60    MO             AO\r\n", new String(line, StandardCharsets.US_ASCII));
    }

    @Test
    void randomValuesDashesStarsAndStatusCodesSurvive() {
        Random random = new Random(595);
        NellcorEncoder encoder = new NellcorEncoder();
        List<DeviceOutput> outputs = new ArrayList<>();
        List<List<String>> codes = new ArrayList<>();
        List<Set<Vital>> stars = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        LocalDateTime clock = LocalDateTime.of(2026, 12, 31, 23, 58, 0);
        for (int i = 0; i < 400; i++) {
            Map<Vital, Double> values = new EnumMap<>(Vital.class);
            if (random.nextInt(5) > 0) {
                values.put(Vital.SPO2, 50 + random.nextDouble() * 50);
            }
            if (random.nextInt(5) > 0) {
                values.put(Vital.PR, 20 + random.nextDouble() * 230);
            }
            List<String> c = new ArrayList<>();
            for (String code : CODES) {
                if (random.nextInt(8) == 0) {
                    c.add(code);
                }
            }
            Set<Vital> s = EnumSet.noneOf(Vital.class);
            if (random.nextInt(6) == 0) {
                s.add(Vital.SPO2);
            }
            if (random.nextInt(6) == 0) {
                s.add(Vital.PR);
            }
            DeviceOutput out = new DeviceOutput(clock.plusSeconds(2L * i), values, random.nextInt(10) == 0, false, null);
            outputs.add(out);
            codes.add(c);
            stars.add(s);
            wire.writeBytes(encoder.encode(out, c, s));
        }
        NellcorDecoder decoder = new NellcorDecoder();
        List<DeviceFrame> frames = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(wire.toByteArray());
        List<DeviceFrame> headers = new ArrayList<>();
        decoder.decode(in, f -> (f.measurements().isEmpty() ? headers : frames).add(f));
        assertFalse(in.hasRemaining());
        assertEquals(outputs.size(), frames.size());
        assertEquals((outputs.size() + NellcorEncoder.HEADER_EVERY - 1) / NellcorEncoder.HEADER_EVERY, headers.size(),
                "a header every " + NellcorEncoder.HEADER_EVERY + " lines");
        for (DeviceFrame h : headers) {
            assertEquals(java.util.Optional.of(new org.vigil.domain.DeviceIdentity("", "N-595", "", "1.61.00", "")), h.identity());
        }
        for (int i = 0; i < outputs.size(); i++) {
            assertRoundTrip(outputs.get(i), codes.get(i), stars.get(i), frames.get(i), "line " + i);
        }
    }

    private static void assertRoundTrip(DeviceOutput out, List<String> codes, Set<Vital> stars, DeviceFrame frame, String where) {
        List<String> sent = new ArrayList<>(codes);
        if (out.sensorOff() && !sent.contains("SO")) {
            sent.add(0, "SO");
        }
        Set<ReadingFlag> common = EnumSet.noneOf(ReadingFlag.class);
        Set<ReadingFlag> spo2 = EnumSet.noneOf(ReadingFlag.class);
        Set<ReadingFlag> pr = EnumSet.noneOf(ReadingFlag.class);
        for (String code : sent) {
            switch (code) {
                case "SD" -> common.add(ReadingFlag.NO_SENSOR);
                case "SO" -> common.add(ReadingFlag.SENSOR_OFF);
                case "PS", "LP" -> common.add(ReadingFlag.PULSE_SEARCH);
                case "LM" -> common.addAll(Set.of(ReadingFlag.PULSE_SEARCH, ReadingFlag.INTERFERENCE));
                case "MO" -> common.add(ReadingFlag.INTERFERENCE);
                case "AS", "AO" -> common.add(ReadingFlag.DEVICE_ALARM_SILENCED);
                case "SH", "SL" -> spo2.add(ReadingFlag.DEVICE_ALARM);
                case "PH", "PL" -> pr.add(ReadingFlag.DEVICE_ALARM);
                default -> { }
            }
        }
        if (stars.contains(Vital.SPO2)) {
            spo2.add(ReadingFlag.DEVICE_ALARM);
        }
        if (stars.contains(Vital.PR)) {
            pr.add(ReadingFlag.DEVICE_ALARM);
        }
        spo2.addAll(common);
        pr.addAll(common);
        assertEquals(expected(Vital.SPO2, out.sensorOff() ? Double.NaN : out.value(Vital.SPO2), spo2), frame.measurements().get(0), where);
        assertEquals(expected(Vital.PR, out.sensorOff() ? Double.NaN : out.value(Vital.PR), pr), frame.measurements().get(1), where);
        assertEquals(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").format(out.deviceClock()),
                frame.attributes().get("device_time"), where);
        assertEquals(sent.isEmpty() ? null : String.join(" ", sent), frame.attributes().get("status"), where);
    }

    private static Measurement expected(Vital v, double value, Set<ReadingFlag> flags) {
        return Double.isNaN(value) ? Measurement.absent(v, flags) : new Measurement(v, Math.round(value), flags);
    }

    @Test
    void aStatusCodeThatIsNotTwoCapitalsIsRefused() {
        NellcorEncoder encoder = new NellcorEncoder();
        DeviceOutput out = new DeviceOutput(LocalDateTime.of(2026, 1, 1, 0, 0), Map.of(), false, false, null);
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(out, List.of("mo"), Set.of()));
    }
}
