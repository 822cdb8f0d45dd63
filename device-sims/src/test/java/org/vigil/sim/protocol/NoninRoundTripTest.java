package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.nonin.NoninDecoder;
import org.vigil.device.protocol.nonin.NoninFormat;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.NoninEncoder.Condition;

/** What the Nonin simulator sends in each format is what the station reads: values, no-values, conditions, pleth. */
class NoninRoundTripTest {

    private static final LocalDateTime CLOCK = LocalDateTime.of(2026, 12, 3, 9, 0);

    private static List<DeviceFrame> decode(NoninFormat format, byte[] wire) {
        NoninDecoder decoder = new NoninDecoder(format);
        List<DeviceFrame> frames = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(wire);
        decoder.decode(in, frames::add);
        assertFalse(in.hasRemaining(), "bytes left");
        assertEquals(0, decoder.discardedBytes(), "bytes discarded");
        return frames;
    }

    private static int framesPerSecond(NoninFormat format) {
        return format == NoninFormat.DF8 ? 1 : 3;
    }

    @ParameterizedTest
    @EnumSource(NoninFormat.class)
    void randomValuesAbsencesConditionsAndSensorOffSurvive(NoninFormat format) {
        Random random = new Random(format.number());
        NoninEncoder encoder = new NoninEncoder(format);
        List<DeviceOutput> outputs = new ArrayList<>();
        List<Set<Condition>> conditions = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 600; i++) {
            Map<Vital, Double> values = new EnumMap<>(Vital.class);
            if (random.nextInt(5) > 0) {
                values.put(Vital.SPO2, 50 + random.nextDouble() * 50);
            }
            if (random.nextInt(5) > 0) {
                values.put(Vital.PR, 18 + random.nextDouble() * 300);
            }
            Set<Condition> c = EnumSet.noneOf(Condition.class);
            for (Condition each : Condition.values()) {
                if (random.nextInt(6) == 0 && !(format == NoninFormat.DF8 && each == Condition.SENSOR_DISCONNECTED)) {
                    c.add(each);
                }
            }
            DeviceOutput out = new DeviceOutput(CLOCK.plusSeconds(i), values, random.nextInt(8) == 0, false, null);
            outputs.add(out);
            conditions.add(c);
            wire.writeBytes(encoder.encode(out, c));
        }
        List<DeviceFrame> frames = decode(format, wire.toByteArray());
        int per = framesPerSecond(format);
        assertEquals(outputs.size() * per, frames.size());
        for (int i = 0; i < outputs.size(); i++) {
            for (int p = 0; p < per; p++) {
                assertRoundTrip(format, outputs.get(i), conditions.get(i), frames.get(i * per + p), "second " + i + " packet " + p);
            }
        }
    }

    private static void assertRoundTrip(NoninFormat format, DeviceOutput out, Set<Condition> c, DeviceFrame frame, String where) {
        Set<ReadingFlag> flags = EnumSet.noneOf(ReadingFlag.class);
        if (out.sensorOff() || c.contains(Condition.SENSOR_ALARM)) {
            flags.add(ReadingFlag.SENSOR_OFF);
        }
        if (c.contains(Condition.SENSOR_DISCONNECTED)) {
            flags.add(ReadingFlag.NO_SENSOR);
        }
        if (c.contains(Condition.OUT_OF_TRACK)) {
            flags.add(ReadingFlag.PULSE_SEARCH);
        }
        if (c.contains(Condition.ARTIFACT)) {
            flags.add(ReadingFlag.INTERFERENCE);
        }
        boolean perfusionSent = format == NoninFormat.DF8 || !flags.contains(ReadingFlag.SENSOR_OFF);
        if (c.contains(Condition.LOW_PERFUSION) && perfusionSent) {
            flags.add(ReadingFlag.LOW_PERFUSION);
        }
        assertEquals(flags, frame.flags(), where);
        double pr = out.sensorOff() ? Double.NaN : out.value(Vital.PR);
        double spo2 = out.sensorOff() ? Double.NaN : out.value(Vital.SPO2);
        assertEquals(expected(Vital.PR, pr, 510, flags), frame.measurements().get(0), where);
        assertEquals(expected(Vital.SPO2, spo2, 100, flags), frame.measurements().get(1), where);
        assertEquals(c.contains(Condition.LOW_BATTERY) ? "true" : null, frame.attributes().get("low_battery"), where);
        if (format != NoninFormat.DF8) {
            assertEquals(25, frame.wave().size(), where);
        }
    }

    private static Measurement expected(Vital v, double value, int max, Set<ReadingFlag> flags) {
        long r = Math.round(value);
        return Double.isNaN(value) || r > max ? Measurement.absent(v, flags) : new Measurement(v, r, flags);
    }

    @ParameterizedTest
    @EnumSource(value = NoninFormat.class, names = {"DF2", "DF7"})
    void thePlethFollowsThePulseAndJoinsUpAcrossCalls(NoninFormat format) {
        NoninEncoder encoder = new NoninEncoder(format);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 4; i++) {
            wire.writeBytes(encoder.encode(new DeviceOutput(CLOCK, Map.of(Vital.PR, 75.0, Vital.SPO2, 97.0), false, false, null)));
        }
        List<Integer> samples = new ArrayList<>();
        for (DeviceFrame f : decode(format, wire.toByteArray())) {
            for (int s : f.wave().samples()) {
                samples.add(s);
            }
        }
        assertEquals(4 * 75, samples.size());
        int peaks = 0;
        int max = format == NoninFormat.DF2 ? 255 : 65535;
        for (int i = 1; i < samples.size(); i++) {
            assertTrue(samples.get(i) >= 0 && samples.get(i) <= max);
            // each beat's upstroke crosses mid-scale once upwards
            if (samples.get(i - 1) < max / 2 && samples.get(i) >= max / 2) {
                peaks++;
            }
        }
        assertEquals(5, peaks, "75 /min for 4 s: 5 beats");
    }
}
