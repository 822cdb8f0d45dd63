package org.vigil.device.protocol.contec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.device.protocol.contec.ContecStreams.concat;
import static org.vigil.device.protocol.contec.ContecStreams.decodeAll;
import static org.vigil.device.protocol.contec.ContecStreams.packet;
import static org.vigil.device.protocol.contec.ContecStreams.realTime;
import static org.vigil.device.protocol.contec.ContecStreams.repeat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** What each field of a real-time packet becomes, and when frames are emitted. */
class ContecDecoderFieldsTest {

    private static final int NO_PR = 0xFF;
    private static final int NO_SPO2 = 0x7F;
    private static final int NO_PI = 0xFFFF;

    private static DeviceFrame only(byte[] data) {
        List<DeviceFrame> frames = decodeAll(data);
        assertEquals(1, frames.size());
        return frames.get(0);
    }

    @Test
    void spo2PulseRateAndPerfusionIndexOfAPacket() {
        DeviceFrame f = only(realTime(72, 97, 345));
        assertEquals(List.of(Measurement.of(Vital.SPO2, 97), Measurement.of(Vital.PR, 72), Measurement.of(Vital.PI, 3.45)),
                f.measurements());
        assertEquals(Set.of(), f.flags());
        assertEquals(50, f.wave().sample(0));
        assertEquals("5", f.attributes().get("signal_strength"));
    }

    @Test
    void pulseRateAbove127TakesBit7FromTheHighByte() {
        assertEquals(Measurement.of(Vital.PR, 180), only(realTime(180, 97, 345)).measurements().get(1));
        assertEquals(Measurement.of(Vital.PR, 254), only(realTime(254, 97, 345)).measurements().get(1));
    }

    @Test
    void perfusionIndexTakesBothBytesUpTo22Percent() {
        assertEquals(Measurement.of(Vital.PI, 22.0), only(realTime(72, 97, 2200)).measurements().get(2));
        assertEquals(Measurement.of(Vital.PI, 0.0), only(realTime(72, 97, 0)).measurements().get(2));
        assertEquals(Measurement.of(Vital.PI, 1.29), only(realTime(72, 97, 129)).measurements().get(2));
    }

    @Test
    void perfusionIndexMarkedInvalidOrOutOfRangeIsLeftOut() {
        for (byte[] p : List.of(realTime(5, 50, 0x16, 72, 97, 345), realTime(72, 97, NO_PI), realTime(72, 97, 2201))) {
            List<Measurement> ms = only(p).measurements();
            assertEquals(List.of(Vital.SPO2, Vital.PR), ms.stream().map(Measurement::vital).toList());
            assertTrue(ms.stream().allMatch(Measurement::hasValue));
        }
    }

    @Test
    void fingerOutGivesNoValuesFlaggedSensorOff() {
        DeviceFrame f = only(realTime(0x80, 0x40, 0x10, NO_PR, NO_SPO2, NO_PI));
        assertEquals(List.of(Measurement.absent(Vital.SPO2, Set.of(ReadingFlag.SENSOR_OFF)),
                Measurement.absent(Vital.PR, Set.of(ReadingFlag.SENSOR_OFF))), f.measurements());
        assertEquals(Set.of(ReadingFlag.SENSOR_OFF), f.flags());
        assertEquals(64, f.wave().sample(0));
        assertEquals("0", f.attributes().get("signal_strength"));
    }

    @Test
    void noValueWithoutProbeErrorIsOnlyInvalid() {
        DeviceFrame f = only(realTime(NO_PR, NO_SPO2, 345));
        assertEquals(Set.of(ReadingFlag.INVALID), f.measurements().get(0).flags());
        assertFalse(f.measurements().get(0).hasValue());
        assertEquals(Set.of(ReadingFlag.INVALID), f.measurements().get(1).flags());
        assertEquals(Set.of(), f.flags());
    }

    @Test
    void searchingForPulseOrSearchingTooLongFlagsEveryMeasurement() {
        for (byte[] p : List.of(realTime(5, 0x80 | 30, 6, 72, 97, 345), realTime(0x15, 30, 6, 72, 97, 345))) {
            DeviceFrame f = only(p);
            assertEquals(Set.of(ReadingFlag.PULSE_SEARCH), f.flags());
            assertTrue(f.measurements().stream().allMatch(m -> m.flags().equals(Set.of(ReadingFlag.PULSE_SEARCH)) && m.hasValue()));
            assertEquals(30, f.wave().sample(0));
        }
    }

    @Test
    void pulseBeepAndLowSpo2BitsChangeNothing() {
        assertEquals(only(realTime(72, 97, 345)).measurements(), only(realTime(0x65, 50, 6, 72, 97, 345)).measurements());
    }

    @Test
    void everyPacketIsAFrameWithItsPlethSampleAndSteadyValuesComeOnceASecond() {
        List<DeviceFrame> frames = decodeAll(repeat(realTime(5, 33, 6, 72, 97, 345), 181));
        assertEquals(181, frames.size());
        assertTrue(frames.stream().allMatch(f -> f.wave().sample(0) == 33));
        List<Integer> withValues = new java.util.ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (!frames.get(i).measurements().isEmpty()) {
                withValues.add(i);
                assertEquals(frames.get(0).measurements(), frames.get(i).measurements());
            }
        }
        assertEquals(List.of(0, 60, 120, 180), withValues);
    }

    @Test
    void aChangedValueOrFlagIsInTheVeryNextFrame() {
        byte[] data = concat(repeat(realTime(72, 97, 345), 10), realTime(72, 96, 345), realTime(73, 96, 345),
                realTime(73, 96, 346), realTime(0x80, 0x40, 0x10, 73, 96, 346));
        List<DeviceFrame> frames = decodeAll(data);
        assertEquals(14, frames.size());
        assertEquals(List.of(), frames.get(9).measurements());
        assertEquals(96.0, frames.get(10).measurements().get(0).value());
        assertEquals(73.0, frames.get(11).measurements().get(1).value());
        assertEquals(3.46, frames.get(12).measurements().get(2).value());
        assertEquals(Set.of(ReadingFlag.SENSOR_OFF), frames.get(13).flags());
        assertEquals(Set.of(ReadingFlag.SENSOR_OFF), frames.get(13).measurements().get(0).flags());
    }

    @Test
    void framesWithoutValuesStillCarryTheFlags() {
        List<DeviceFrame> frames = decodeAll(repeat(realTime(0x80, 0x40, 0x10, 0xFF, 0x7F, 0xFFFF), 2));
        assertEquals(List.of(), frames.get(1).measurements());
        assertEquals(Set.of(ReadingFlag.SENSOR_OFF), frames.get(1).flags());
        assertEquals(java.util.Map.of(), frames.get(1).attributes());
        assertEquals(64, frames.get(1).wave().sample(0));
    }

    @Test
    void deviceIdPacketIsAControlFrameNamingTheModel() {
        byte[] id = packet(0x04, 'C', 'M', 'S', '5', '0', 'E', ' ');
        List<DeviceFrame> frames = decodeAll(concat(id, realTime(72, 97, 345)));
        assertEquals(new DeviceFrame(List.of(), Set.of(), java.util.Map.of("kind", "device_id", "model", "CMS50E")), frames.get(0));
        assertEquals(2, frames.size());
    }

    @Test
    void answersToCommandsAreSkippedWithoutCountingThemAsGarbage() {
        ContecDecoder decoder = new ContecDecoder();
        byte[] data = concat(packet(0x0B, 0x21, 0), packet(0x0C), packet(0x0E, 1), packet(0x0D, 0x7F, 0x80), realTime(72, 97, 345));
        List<DeviceFrame> frames = new StreamFeeder(decoder).feed(data).frames();
        assertEquals(1, frames.size());
        assertEquals(0, decoder.discardedBytes());
    }
}
