package org.vigil.device.protocol.intellivue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.IntellivueEncoder;
import org.vigil.sim.protocol.IntellivueEncoder.Numeric;
import org.vigil.sim.protocol.IntellivueEncoder.PolledObject;

/** Physio ids, units, state bits, special values, device time and linked results. */
class IntellivueDecoderMappingTest {

    private static DeviceFrame one(PolledObject... objects) {
        byte[] wire = SerialFraming.frame(IntellivueEncoder.pollResult(0, 0, 1, NOM_ACT_POLL_MDIB_DATA_EXT, 1,
                NOM_MOC_VMO_METRIC_NU, 8000, IntellivueStreams.CLOCK, List.of(objects)));
        List<DeviceFrame> frames = IntellivueStreams.decodeAll(wire);
        assertEquals(1, frames.size());
        return frames.get(0);
    }

    private static PolledObject object(int physioId, int state, int unit, long value) {
        return new PolledObject(0x10, List.of(new Numeric(physioId, state, unit, value)), false, null);
    }

    private static Measurement only(DeviceFrame f) {
        assertEquals(1, f.measurements().size(), f.toString());
        return f.measurements().get(0);
    }

    @Test
    void eachPhysioIdMapsToItsVital() {
        Map<Integer, Vital> ids = Map.ofEntries(
                Map.entry(PhysioIds.ECG_CARD_BEAT_RATE, Vital.HR),
                Map.entry(PhysioIds.PULS_OXIM_PULS_RATE, Vital.PR),
                Map.entry(PhysioIds.PLETH_PULS_RATE, Vital.PR),
                Map.entry(PhysioIds.PULS_OXIM_SAT_O2, Vital.SPO2),
                Map.entry(PhysioIds.PULS_OXIM_PERF_REL, Vital.PI),
                Map.entry(PhysioIds.RESP_RATE, Vital.RR),
                Map.entry(PhysioIds.AWAY_RESP_RATE, Vital.RR),
                Map.entry(PhysioIds.TTHOR_RESP_RATE, Vital.RR),
                Map.entry(PhysioIds.PRESS_BLD_NONINV_SYS, Vital.NIBP_SYS),
                Map.entry(PhysioIds.PRESS_BLD_NONINV_DIA, Vital.NIBP_DIA),
                Map.entry(PhysioIds.PRESS_BLD_NONINV_MEAN, Vital.NIBP_MEAN));
        for (Map.Entry<Integer, Vital> e : ids.entrySet()) {
            Vital v = e.getValue();
            int unit = v.unit() == org.vigil.domain.Unit.MMHG ? DIM_MMHG
                    : v.unit() == org.vigil.domain.Unit.PERCENT ? DIM_PERCENT : DIM_BEAT_PER_MIN;
            DeviceFrame f = one(object(e.getKey(), 0, unit, FloatType.encode(42, 0)));
            assertEquals(Measurement.of(v, 42), only(f), Integer.toHexString(e.getKey()));
            assertEquals(Integer.toString(2 << 16 | e.getKey()), f.attributes().get(v.key() + "_mdc_code"));
            assertTrue(f.attributes().get(v.key() + "_mdc").startsWith("MDC_"));
        }
    }

    @Test
    void specialValuesAreAbsentMeasurements() {
        for (long special : new long[] {FloatType.NAN, FloatType.NRES, FloatType.POS_INF, FloatType.NEG_INF}) {
            Measurement m = only(one(object(PhysioIds.PULS_OXIM_SAT_O2, 0, DIM_PERCENT, special)));
            assertFalse(m.hasValue());
            assertEquals(Set.of(ReadingFlag.INVALID), m.flags());
        }
    }

    @Test
    void invalidUnavailableAndCalibratingStatesAreAbsentMeasurements() {
        for (int state : new int[] {MS_INVALID, MS_UNAVAILABLE, MS_CALIBRATION_ONGOING, MS_INVALID | MS_UNAVAILABLE}) {
            Measurement m = only(one(object(PhysioIds.ECG_CARD_BEAT_RATE, state, DIM_BEAT_PER_MIN, 72)));
            assertFalse(m.hasValue(), Integer.toHexString(state));
            assertTrue(m.flags().contains(ReadingFlag.INVALID));
        }
    }

    @Test
    void stateBitsBecomeFlags() {
        assertEquals(Set.of(ReadingFlag.DEMO_DATA),
                only(one(object(PhysioIds.ECG_CARD_BEAT_RATE, MS_DEMO_DATA, DIM_BEAT_PER_MIN, 72))).flags());
        assertEquals(Set.of(ReadingFlag.DEMO_DATA),
                only(one(object(PhysioIds.ECG_CARD_BEAT_RATE, MS_TEST_DATA, DIM_BEAT_PER_MIN, 72))).flags());
        assertEquals(Set.of(ReadingFlag.LOW_SIGNAL_QUALITY),
                only(one(object(PhysioIds.PULS_OXIM_SAT_O2, MS_QUESTIONABLE, DIM_PERCENT, 97))).flags());
        assertEquals(Set.of(ReadingFlag.CUFF_INFLATING),
                only(one(object(PhysioIds.PRESS_BLD_NONINV_SYS, MS_MSMT_ONGOING, DIM_MMHG, 120))).flags());
        assertEquals(Set.of(ReadingFlag.DEVICE_ALARM, ReadingFlag.DEVICE_ALARM_SILENCED),
                only(one(object(PhysioIds.PULS_OXIM_SAT_O2, MS_IN_ALARM | MS_ALARM_INHIBITED, DIM_PERCENT, 85))).flags());
        assertEquals(Set.of(), only(one(object(PhysioIds.PULS_OXIM_SAT_O2, MS_VALIDATED | MS_EARLY_INDICATION,
                DIM_PERCENT, 97))).flags());
        DeviceFrame demo = one(object(PhysioIds.ECG_CARD_BEAT_RATE, MS_DEMO_DATA, DIM_BEAT_PER_MIN, 72));
        assertEquals(Set.of(ReadingFlag.DEMO_DATA), demo.flags());
        assertEquals("0x0400", demo.attributes().get("hr_state"));
    }

    @Test
    void nibpInKilopascalIsConvertedAndACompoundCarriesItsObservationTime() {
        PolledObject nibp = new PolledObject(0x20, List.of(
                new Numeric(PhysioIds.PRESS_BLD_NONINV_SYS, 0, DIM_KILO_PA, FloatType.encode(16, 1)),
                new Numeric(PhysioIds.PRESS_BLD_NONINV_DIA, 0, DIM_KILO_PA, FloatType.encode(10.7, 1)),
                new Numeric(PhysioIds.PRESS_BLD_NONINV_MEAN, 0, DIM_KILO_PA, FloatType.encode(12.3, 1))),
                true, IntellivueStreams.CLOCK.minusMinutes(3));
        DeviceFrame f = one(nibp);
        Map<Vital, Double> values = f.measurements().stream().collect(Collectors.toMap(Measurement::vital, Measurement::value));
        assertEquals(120.0, values.get(Vital.NIBP_SYS), 0.01);
        assertEquals(80.3, values.get(Vital.NIBP_DIA), 0.1);
        assertEquals(92.3, values.get(Vital.NIBP_MEAN), 0.1);
        assertEquals("2026-03-14T09:23:53", f.attributes().get("nibp_sys_time"));
    }

    @Test
    void unmappedNumericsAndUnexpectedUnitsAreKeptAsAttributes() {
        DeviceFrame f = one(object(0x4B60, 0, 0x17A0, FloatType.encode(36.8, 1)),
                object(PhysioIds.ECG_CARD_BEAT_RATE, 0, DIM_PERCENT, 72));
        assertTrue(f.measurements().isEmpty());
        assertEquals("36.8 0x17A0", f.attributes().get("numeric_0x4B60"));
        assertEquals("72 0x0220", f.attributes().get("numeric_0x4182"));
    }

    @Test
    void deviceTimeComesFromTheRelativeTimeOnTheMdsClockWhenTheReplyHasNoAbsoluteTime() {
        List<DeviceFrame> frames = IntellivueStreams.decodeAll(IntellivueStreams.session());
        assertEquals(IntellivueStreams.CLOCK.toString(), frames.get(1).attributes().get("device_time"));
        assertEquals(IntellivueStreams.CLOCK.plusSeconds(1).toString(), frames.get(2).attributes().get("device_time"));
        assertEquals(IntellivueStreams.CLOCK.plusSeconds(2).toString(), frames.get(3).attributes().get("device_time"));
        assertEquals(IntellivueStreams.CLOCK.plusSeconds(3).toString(), frames.get(4).attributes().get("device_time"));
        assertEquals("DE12345678", frames.get(4).attributes().get("serial"));
        assertEquals("865240", frames.get(4).attributes().get("model"));
        assertEquals("Philips", frames.get(4).attributes().get("manufacturer"));
        assertEquals(frames.get(1).identity(), frames.get(4).identity(), "every frame after the MDS states the same identity");
    }

    @Test
    void withoutMdsClockOrAbsoluteTimeTheRelativeTimeIsKept() {
        byte[] wire = SerialFraming.frame(IntellivueEncoder.pollResult(0, 0, 1, NOM_ACT_POLL_MDIB_DATA, 1,
                NOM_MOC_VMO_METRIC_NU, 123456, null, List.of(object(PhysioIds.ECG_CARD_BEAT_RATE, 0, DIM_BEAT_PER_MIN, 60))));
        DeviceFrame f = IntellivueStreams.decodeAll(wire).get(0);
        assertNull(f.attributes().get("device_time"));
        assertEquals("123456", f.attributes().get("device_rel_time"));
    }

    private static byte[] part(int state, int count, int invokeId, int physioId) {
        return SerialFraming.frame(IntellivueEncoder.pollResult(state, count, invokeId, NOM_ACT_POLL_MDIB_DATA_EXT, 1,
                NOM_MOC_VMO_METRIC_NU, 8000, IntellivueStreams.CLOCK, List.of(object(physioId, 0, DIM_BEAT_PER_MIN, 60))));
    }

    private static List<DeviceFrame> decode(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            out.writeBytes(f);
        }
        return IntellivueStreams.decodeAll(out.toByteArray());
    }

    @Test
    void linkedPartsAreOneFrameWhenTheLastArrives() {
        List<DeviceFrame> frames = decode(part(RORLS_FIRST, 1, 7, PhysioIds.ECG_CARD_BEAT_RATE),
                part(RORLS_NOT_FIRST_NOT_LAST, 2, 7, PhysioIds.PULS_OXIM_PULS_RATE),
                part(RORLS_LAST, 3, 7, PhysioIds.RESP_RATE));
        assertEquals(1, frames.size());
        assertEquals(List.of(Vital.HR, Vital.PR, Vital.RR), vitals(frames.get(0)));
        assertEquals("3", frames.get(0).attributes().get("linked"));
    }

    @Test
    void aBrokenLinkedSequenceIsEmittedAsIncompleteNotLost() {
        List<DeviceFrame> frames = decode(part(RORLS_FIRST, 1, 7, PhysioIds.ECG_CARD_BEAT_RATE),
                part(RORLS_LAST, 3, 7, PhysioIds.RESP_RATE));
        assertEquals(2, frames.size());
        assertEquals(List.of(Vital.HR), vitals(frames.get(0)));
        assertEquals("incomplete", frames.get(0).attributes().get("linked"));
        assertEquals(List.of(Vital.RR), vitals(frames.get(1)));
        assertEquals("incomplete", frames.get(1).attributes().get("linked"));

        List<DeviceFrame> otherInvoke = decode(part(RORLS_FIRST, 1, 7, PhysioIds.ECG_CARD_BEAT_RATE),
                part(RORLS_FIRST, 1, 8, PhysioIds.PULS_OXIM_PULS_RATE), part(RORLS_LAST, 2, 8, PhysioIds.RESP_RATE));
        assertEquals(2, otherInvoke.size());
        assertEquals("incomplete", otherInvoke.get(0).attributes().get("linked"));
        assertEquals(List.of(Vital.PR, Vital.RR), vitals(otherInvoke.get(1)));
        assertEquals("2", otherInvoke.get(1).attributes().get("linked"));
    }

    @Test
    void aLinkedSequenceIsBounded() {
        List<byte[]> parts = new ArrayList<>();
        parts.add(part(RORLS_FIRST, 1, 7, PhysioIds.ECG_CARD_BEAT_RATE));
        for (int k = 2; k <= IntellivueDecoder.MAX_LINKED_PARTS + 5; k++) {
            parts.add(part(RORLS_NOT_FIRST_NOT_LAST, k & 0xFF, 7, PhysioIds.ECG_CARD_BEAT_RATE));
        }
        List<DeviceFrame> frames = decode(parts.toArray(new byte[0][]));
        // the first MAX parts are emitted together; each later stray part on its own; nothing is lost
        assertEquals(1 + 5, frames.size());
        assertEquals(IntellivueDecoder.MAX_LINKED_PARTS, frames.get(0).measurements().size());
        assertTrue(frames.stream().allMatch(f -> "incomplete".equals(f.attributes().get("linked"))));
        assertEquals(IntellivueDecoder.MAX_LINKED_PARTS + 5, frames.stream().mapToInt(f -> f.measurements().size()).sum());
    }

    private static List<Vital> vitals(DeviceFrame f) {
        return f.measurements().stream().map(Measurement::vital).toList();
    }
}
