package org.vigil.device.protocol.ivy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.device.protocol.ivy.IvyStreams.decodeAll;
import static org.vigil.device.protocol.ivy.IvyStreams.message;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** What each parameter line becomes in a {@link DeviceFrame}. */
class IvyDecoderMappingTest {

    private static DeviceFrame decodeOne(String text) {
        List<DeviceFrame> frames = decodeAll(new IvyDecoder(), message(text));
        assertEquals(1, frames.size(), text);
        return frames.get(0);
    }

    @Test
    void allParametersOfAFullMessage() {
        DeviceFrame f = decodeOne("HR=1;72;ECG-II;\rRR=1;14;;\rETCO2=1;;;\rSPO2=1;97;PR=71 ;\r"
                + "NIBP=4;124;78;93;71;;\rP1=3;;;;;\rP2=3;;;;;\rT1=1;;;\rT2=1;;;\r");

        assertEquals(List.of(Measurement.of(Vital.HR, 72), Measurement.of(Vital.RR, 14), Measurement.of(Vital.SPO2, 97),
                Measurement.of(Vital.PR, 71), Measurement.of(Vital.NIBP_SYS, 124), Measurement.of(Vital.NIBP_DIA, 78),
                Measurement.of(Vital.NIBP_MEAN, 93)), f.measurements());
        assertEquals(Map.of("hr_label", "ECG-II", "spo2_label", "PR=71", "nibp_pulse", "71"), f.attributes());
        assertEquals(Set.of(), f.flags());
    }

    @Test
    void onlyVitalsWhoseLineIsPresentAreEmitted() {
        DeviceFrame f = decodeOne("HR=1;64;;\rT1=1;;;\r");

        assertEquals(List.of(Measurement.of(Vital.HR, 64)), f.measurements());
        assertTrue(f.attributes().isEmpty());
    }

    @Test
    void emptyFieldsAreAbsentMeasurements() {
        DeviceFrame f = decodeOne("HR=1;;ECG-II;\rRR=1;;;\rSPO2=1;;PR= ;\rNIBP=4;;;;;;\r");

        Set<ReadingFlag> none = Set.of();
        assertEquals(List.of(Measurement.absent(Vital.HR, none), Measurement.absent(Vital.RR, none),
                Measurement.absent(Vital.SPO2, none), Measurement.absent(Vital.PR, none),
                Measurement.absent(Vital.NIBP_SYS, none), Measurement.absent(Vital.NIBP_DIA, none),
                Measurement.absent(Vital.NIBP_MEAN, none)), f.measurements());
        assertTrue(f.measurements().stream().allMatch(m -> m.flags().equals(Set.of(ReadingFlag.INVALID))));
        assertEquals(Map.of("hr_label", "ECG-II", "spo2_label", "PR="), f.attributes());
    }

    @Test
    void pulseRateComesFromTheSpo2Label() {
        assertEquals(Measurement.of(Vital.PR, 80), decodeOne("SPO2=1;100;PR=80 ;\r").measurements().get(1));
        assertEquals(Measurement.of(Vital.PR, 112), decodeOne("SPO2=1;95;pr = 112;\r").measurements().get(1));
        assertFalse(decodeOne("SPO2=1;95;PR=--- ;\r").measurements().get(1).hasValue());
        assertFalse(decodeOne("SPO2=1;95;;\r").measurements().get(1).hasValue());
    }

    @Test
    void nibpInflatingOrMeasuringLabelFlagsTheNibpMeasurementsAndTheFrame() {
        for (String label : new String[] {"INFLATING", "Cuff inflation", "MEASURING", "measure"}) {
            DeviceFrame f = decodeOne("SPO2=1;97;PR=70 ;\rNIBP=4;;;;;" + label + ";\r");

            List<Measurement> nibp = f.measurements().stream().filter(m -> m.vital().isNibp()).toList();
            assertEquals(3, nibp.size(), label);
            assertTrue(nibp.stream().allMatch(m -> m.flags().equals(Set.of(ReadingFlag.INVALID, ReadingFlag.CUFF_INFLATING))), label);
            assertEquals(Set.of(ReadingFlag.CUFF_INFLATING), f.flags(), label);
            assertEquals(Set.of(), f.measurements().get(0).flags(), "SpO2 untouched, " + label);
            assertEquals(label, f.attributes().get("nibp_label"));
        }
    }

    @Test
    void cuffFlagStaysOnAValueSentWhileMeasuring() {
        DeviceFrame f = decodeOne("NIBP=4;121;75;92;80;MEASURING;\r");

        assertEquals(new Measurement(Vital.NIBP_SYS, 121, Set.of(ReadingFlag.CUFF_INFLATING)), f.measurements().get(0));
    }

    @Test
    void otherNibpLabelsDoNotFlagTheCuff() {
        DeviceFrame f = decodeOne("NIBP=4;121;75;92;80;CUFF LOOSE;\r");

        assertEquals(Set.of(), f.flags());
        assertTrue(f.measurements().stream().allMatch(m -> m.flags().isEmpty()));
        assertEquals("CUFF LOOSE", f.attributes().get("nibp_label"));
    }

    @Test
    void labelsOfKnownLinesBecomeAttributesTrimmed() {
        DeviceFrame f = decodeOne("HR=1;;LEADS OFF ;\rRR=1;35;APNEA: 20 SEC;\rETCO2=1;;NO SENSOR;\r"
                + "P1=3;111;73;88;ART;\rP2=3;;;;NO TRANSDUCER;\rT1=1;;PROBE;\rT2=1;;  ;\r");

        assertEquals(Map.of("hr_label", "LEADS OFF", "rr_label", "APNEA: 20 SEC", "etco2_label", "NO SENSOR",
                "p1_label", "ART", "p2_label", "NO TRANSDUCER", "t1_label", "PROBE"), f.attributes());
    }

    @Test
    void unknownLinesAreIgnored() {
        DeviceFrame f = decodeOne("CO2X=2;5;6;LABEL;\rHR=1;70;;\rST1=1;0.2;;\r");

        assertEquals(List.of(Measurement.of(Vital.HR, 70)), f.measurements());
        assertTrue(f.attributes().isEmpty());
    }

    @Test
    void firstLineOfARepeatedNameCounts() {
        DeviceFrame f = decodeOne("HR=1;70;A;\rHR=1;99;B;\r");

        assertEquals(List.of(Measurement.of(Vital.HR, 70)), f.measurements());
        assertEquals(Map.of("hr_label", "A"), f.attributes());
    }

    @Test
    void nonNumericValueIsAbsent() {
        DeviceFrame f = decodeOne("HR=1;---;;\rRR=1;1e3;;\r");

        assertFalse(f.measurements().get(0).hasValue());
        assertFalse(f.measurements().get(1).hasValue());
    }

    @Test
    void nibpPulseAttributeOnlyWhenNumeric() {
        assertEquals("80", decodeOne("NIBP=4;121;75;92;80;;\r").attributes().get("nibp_pulse"));
        assertFalse(decodeOne("NIBP=4;121;75;92;;;\r").attributes().containsKey("nibp_pulse"));
    }

    @Test
    void linesMayEndWithCrLfOrLackTheLastCr() {
        DeviceFrame f = decodeOne("HR=1;70;;\r\nRR=1;12;;");

        assertEquals(List.of(Measurement.of(Vital.HR, 70), Measurement.of(Vital.RR, 12)), f.measurements());
    }

    @Test
    void messageWithoutLinesIsAnEmptyFrame() {
        DeviceFrame f = decodeOne("");

        assertTrue(f.measurements().isEmpty());
        assertTrue(f.attributes().isEmpty());
    }
}
