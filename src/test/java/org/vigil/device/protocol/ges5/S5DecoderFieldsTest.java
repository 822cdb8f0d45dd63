package org.vigil.device.protocol.ges5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigil.device.protocol.ges5.S5Streams.ECG;
import static org.vigil.device.protocol.ges5.S5Streams.NIBP;
import static org.vigil.device.protocol.ges5.S5Streams.SPO2;
import static org.vigil.device.protocol.ges5.S5Streams.CO2;
import static org.vigil.device.protocol.ges5.S5Streams.decodeAll;
import static org.vigil.device.protocol.ges5.S5Streams.frame;
import static org.vigil.device.protocol.ges5.S5Streams.patientRecord;
import static org.vigil.device.protocol.ges5.S5Streams.with;
import static org.vigil.device.protocol.ges5.S5Streams.with32;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** What each field of the basic displayed-values subrecord becomes. */
class S5DecoderFieldsTest {

    private static DeviceFrame decode(byte[] record) {
        List<DeviceFrame> frames = decodeAll(new S5Decoder(), frame(record));
        assertEquals(1, frames.size());
        return frames.get(0);
    }

    private static Measurement of(DeviceFrame f, Vital v) {
        return f.measurements().stream().filter(m -> m.vital() == v).findFirst().orElseThrow();
    }

    @Test
    void valuesAreScaledFromHundredthsAndTheHeaderTimeIsTheDeviceTime() {
        DeviceFrame f = decode(patientRecord(1000));

        assertEquals(List.of(Measurement.of(Vital.HR, 72), Measurement.of(Vital.RR, 14), Measurement.of(Vital.NIBP_SYS, 120),
                Measurement.of(Vital.NIBP_DIA, 80), Measurement.of(Vital.NIBP_MEAN, 93), Measurement.of(Vital.SPO2, 97),
                Measurement.of(Vital.PR, 71)), f.measurements());
        assertEquals(Map.of("device_time", "2021-01-02T15:52:36Z", "hr_source", "ecg", "nibp_pulse", "71"), f.attributes());
    }

    @Test
    void hundredthsAreRoundedToTheDisplayedWholeUnit() {
        DeviceFrame f = decode(with(with(patientRecord(0), NIBP + 6, 12049), SPO2 + 6, 9650));

        assertEquals(120.0, of(f, Vital.NIBP_SYS).value());
        assertEquals(97.0, of(f, Vital.SPO2).value());
    }

    @Test
    void everySpecialValueIsAnAbsentMeasurementWithItsReason() {
        Map<Integer, String> reasons = Map.of(-32767, "invalid", -32766, "not_updated", -32765, "discontinued",
                -32764, "under_range", -32763, "over_range", -32762, "not_calibrated", -32001, "special_-32001",
                -32768, "special_-32768");
        reasons.forEach((code, reason) -> {
            DeviceFrame f = decode(with(with(patientRecord(0), SPO2 + 6, code), NIBP + 6, code));
            assertEquals(Measurement.absent(Vital.SPO2, Set.of()), of(f, Vital.SPO2), reason);
            assertEquals(reason, f.attributes().get("spo2_no_value"));
            assertEquals(reason, f.attributes().get("nibp_sys_no_value"));
            assertEquals(Measurement.of(Vital.PR, 71), of(f, Vital.PR), "its neighbour keeps its value");
        });
        assertEquals(-320.0, of(decode(with(patientRecord(0), NIBP + 6, -32000)), Vital.NIBP_SYS).value(),
                "-32000 is the smallest valid value");
    }

    @Test
    void nibpMeasuringLabelBitFlagsTheCuffInflating() {
        DeviceFrame f = decode(with(with(patientRecord(0), NIBP + 4, 0x03 | 1 << 5), NIBP + 6, -32767));

        Set<ReadingFlag> cuff = Set.of(ReadingFlag.CUFF_INFLATING);
        assertEquals(Measurement.absent(Vital.NIBP_SYS, cuff), of(f, Vital.NIBP_SYS));
        assertEquals(new Measurement(Vital.NIBP_DIA, 80, cuff), of(f, Vital.NIBP_DIA));
        assertEquals(cuff, f.flags());
        assertEquals(Set.of(), of(f, Vital.HR).flags());
    }

    @Test
    void nibpOlderThanOneMinuteAndCalibratingAreAttributes() {
        DeviceFrame f = decode(with(patientRecord(0), NIBP + 4, 0x03 | 1 << 7 | 1 << 8));

        assertEquals("true", f.attributes().get("nibp_older_than_60s"));
        assertEquals("true", f.attributes().get("nibp_calibrating"));
        assertEquals(Set.of(), f.flags());
    }

    @Test
    void ecgNoiseOrArtifactFlagsHrInterferenceAndLeadsOffAreNamed() {
        DeviceFrame noise = decode(with32(patientRecord(0), ECG, 0x0B | 1 << 7));
        DeviceFrame artifact = decode(with32(patientRecord(0), ECG, 0x0B | 1 << 8 | 1 << 2 | 1 << 11 | 1 << 13));

        assertEquals(new Measurement(Vital.HR, 72, Set.of(ReadingFlag.INTERFERENCE)), of(noise, Vital.HR));
        assertEquals(Set.of(ReadingFlag.INTERFERENCE), of(artifact, Vital.HR).flags());
        assertEquals(Set.of(), of(artifact, Vital.RR).flags());
        assertEquals("1,3", artifact.attributes().get("ecg_channels_off"));
        assertEquals("true", artifact.attributes().get("ecg_asystole"));
    }

    @Test
    void hrSourceIsNamed() {
        assertEquals("spo2", decode(with32(patientRecord(0), ECG, 0x03 | 6 << 3)).attributes().get("hr_source"));
        assertEquals("none", decode(with32(patientRecord(0), ECG, 0x03)).attributes().get("hr_source"));
    }

    @Test
    void groupWhoseModuleDoesNotExistGivesNoMeasurements() {
        byte[] r = with32(with32(patientRecord(0), NIBP, 0), SPO2, 0x02);

        DeviceFrame f = decode(r);

        assertEquals(List.of(Vital.HR, Vital.RR), f.measurements().stream().map(Measurement::vital).toList());
    }

    @Test
    void co2RespirationRateIsKeptAsAnAttribute() {
        DeviceFrame f = decode(with(with32(patientRecord(0), CO2, 0x03), CO2 + 10, 12));

        assertEquals("12", f.attributes().get("co2_rr"));
        assertEquals(Measurement.of(Vital.RR, 14), of(f, Vital.RR), "RR stays the ECG impedance rate");
    }

    @Test
    void recordWithoutABasicDisplayedSubrecordGivesNoFrame() {
        byte[] ext1Only = with(patientRecord(0), Dri.HEADER + Dri.PHDB_CL_DRILVL_SUBT, 0x01B1);
        byte[] trend = with(patientRecord(0), Dri.SR_DESC, 0);
        trend[Dri.SR_DESC + 2] = 2;
        trend[Dri.SR_DESC + 5] = 2;
        trend[Dri.SR_DESC + 8] = 2;
        trend[Dri.SR_DESC + 11] = 2;

        S5Decoder decoder = new S5Decoder();
        assertEquals(List.of(), decodeAll(decoder, S5Streams.concat(frame(ext1Only), frame(trend))));
        assertEquals(0, decoder.discardedBytes(), "valid records, just not displayed basic values");
    }
}
