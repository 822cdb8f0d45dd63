package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Vital;

class IvyEncoderTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2025, 3, 1, 9, 0);
    private static final Map<Vital, Double> CAPTURE_VALUES = Map.of(Vital.HR, 80.0, Vital.RR, 35.0, Vital.SPO2, 100.0,
            Vital.PR, 80.0, Vital.NIBP_SYS, 121.0, Vital.NIBP_DIA, 75.0, Vital.NIBP_MEAN, 92.0);

    static DeviceOutput output(Map<Vital, Double> values) {
        return new DeviceOutput(T0, values, false, false, null);
    }

    @Test
    void textMatchesTheCaptureExceptWhatTheSimulatorCannotKnow() {
        byte[] encoded = new IvyEncoder().encode(output(CAPTURE_VALUES));

        List<String> diffs = AnsarBText.fieldDifferences(AnsarBText.lines(AnsarBText.firstCaptureMessage()), AnsarBText.lines(encoded));

        assertEquals(List.of(
                "HR label: 'ECG-II-DIAG' -> 'ECG-II'",
                "RR label: 'APNEA: 20 SEC' -> ''",
                "P1 value 1: '111' -> ''",
                "P1 value 2: '73' -> ''",
                "P1 value 3: '88' -> ''",
                "P2 label: 'NO TRANSDUCER' -> ''"), diffs);
    }

    @Test
    void layoutIsStartHeaderWaveformsTextEndLikeTheCapture() {
        byte[] capture = AnsarBText.firstCaptureMessage();
        byte[] encoded = new IvyEncoder().encode(output(CAPTURE_VALUES));

        assertArrayEquals(Arrays.copyOf(capture, 9), Arrays.copyOf(encoded, 9));
        assertEquals(0xFE, encoded[encoded.length - 1] & 0xFF);
        String text = String.join("\r", AnsarBText.lines(encoded)) + "\r";
        assertEquals(AnsarBText.TEXT_OFFSET + text.length() + 1, encoded.length);
        for (int i = 1; i < encoded.length - 1; i++) {
            int b = encoded[i] & 0xFF;
            assertTrue(b <= 0xFD, "marker byte 0x" + Integer.toHexString(b) + " at " + i);
        }
    }

    @Test
    void waveformBytesNeverLookLikeMarkers() {
        IvyEncoder encoder = new IvyEncoder();
        for (double rate = 0; rate <= 400; rate += 7.5) {
            byte[] m = encoder.encode(output(Map.of(Vital.HR, rate, Vital.RR, rate / 4, Vital.PR, rate)));
            for (int i = 9; i < AnsarBText.TEXT_OFFSET; i++) {
                assertTrue((m[i] & 0xFF) <= 0xFD, "rate " + rate + ", byte " + i);
            }
        }
    }

    @Test
    void ecgShowsOneRPeakPerBeatAcrossMessages() {
        IvyEncoder encoder = new IvyEncoder();
        int[] ecg = new int[4 * 200];
        for (int s = 0; s < 4; s++) {
            byte[] m = encoder.encode(output(Map.of(Vital.HR, 90.0)));
            for (int i = 0; i < 200; i++) {
                ecg[s * 200 + i] = m[9 + i] & 0xFF;
            }
        }
        int peaks = 0;
        for (int i = 1; i < ecg.length - 1; i++) {
            if (ecg[i] > 200 && ecg[i] >= ecg[i - 1] && ecg[i] > ecg[i + 1]) {
                peaks++;
            }
        }
        assertEquals(6, peaks, "90/min over 4 s");
    }

    @Test
    void waveformPhaseAdvancesWithTheRate() {
        IvyEncoder at60 = new IvyEncoder();
        byte[] a = at60.encode(output(Map.of(Vital.HR, 60.0)));
        byte[] b = at60.encode(output(Map.of(Vital.HR, 60.0)));
        assertArrayEquals(Arrays.copyOfRange(a, 9, 209), Arrays.copyOfRange(b, 9, 209), "one beat per second");

        IvyEncoder at75 = new IvyEncoder();
        byte[] c = at75.encode(output(Map.of(Vital.HR, 75.0)));
        byte[] d = at75.encode(output(Map.of(Vital.HR, 75.0)));
        assertFalse(Arrays.equals(Arrays.copyOfRange(c, 9, 209), Arrays.copyOfRange(d, 9, 209)), "1.25 beats per second");
    }

    @Test
    void waveformsAreFlatWithoutRates() {
        byte[] m = new IvyEncoder().encode(output(Map.of()));
        for (int[] range : new int[][] {{9, 209}, {209, 259}, {259, 309}, {309, 409}}) {
            byte[] part = Arrays.copyOfRange(m, range[0], range[1]);
            for (byte x : part) {
                assertEquals(part[0], x, "flat from " + range[0]);
            }
        }
        byte[] moving = new IvyEncoder().encode(output(Map.of(Vital.RR, 20.0, Vital.PR, 70.0)));
        assertFalse(allSame(Arrays.copyOfRange(moving, 209, 259)), "respiration");
        assertFalse(allSame(Arrays.copyOfRange(moving, 259, 309)), "plethysmogram");
    }

    @Test
    void unreportedVitalsAreEmptyFields() {
        byte[] m = new IvyEncoder().encode(output(Map.of()));

        assertEquals(List.of("HR=1;;ECG-II;", "RR=1;;;", "ETCO2=1;;;", "SPO2=1;;PR= ;", "NIBP=4;;;;;;",
                "P1=3;;;;;", "P2=3;;;;;", "T1=1;;;", "T2=1;;;"), AnsarBText.lines(m));
    }

    @Test
    void sensorOffEmptiesEveryValueField() {
        byte[] m = new IvyEncoder().encode(new DeviceOutput(T0, CAPTURE_VALUES, true, false, null));

        assertEquals(List.of("HR=1;;ECG-II;", "RR=1;;;", "ETCO2=1;;;", "SPO2=1;;PR= ;", "NIBP=4;;;;;;",
                "P1=3;;;;;", "P2=3;;;;;", "T1=1;;;", "T2=1;;;"), AnsarBText.lines(m));
    }

    @Test
    void cuffInflatingEmptiesNibpAndSaysSo() {
        byte[] m = new IvyEncoder().encode(new DeviceOutput(T0, CAPTURE_VALUES, false, true, null));

        List<String> lines = AnsarBText.lines(m);
        assertEquals("NIBP=4;;;;;INFLATING;", lines.get(4));
        assertEquals("SPO2=1;100;PR=80 ;", lines.get(3));
    }

    @Test
    void valuesAreRoundedToIntegers() {
        Map<Vital, Double> values = Map.of(Vital.HR, 72.5, Vital.RR, 13.4, Vital.SPO2, 96.6, Vital.PR, 71.49,
                Vital.NIBP_SYS, 124.5, Vital.NIBP_DIA, 77.6, Vital.NIBP_MEAN, 93.3);

        List<String> lines = AnsarBText.lines(new IvyEncoder().encode(output(values)));

        assertEquals(List.of("HR=1;73;ECG-II;", "RR=1;13;;", "ETCO2=1;;;", "SPO2=1;97;PR=71 ;", "NIBP=4;125;78;93;71;;"),
                lines.subList(0, 5));
    }

    @Test
    void nibpPulseIsThePulseRateElseHeartRateAndOnlyWithAPressure() {
        Map<Vital, Double> values = new HashMap<>(Map.of(Vital.HR, 66.0, Vital.NIBP_SYS, 120.0, Vital.NIBP_DIA, 80.0));
        assertEquals("NIBP=4;120;80;;66;;", AnsarBText.lines(new IvyEncoder().encode(output(values))).get(4));

        values.put(Vital.PR, 68.0);
        assertEquals("NIBP=4;120;80;;68;;", AnsarBText.lines(new IvyEncoder().encode(output(values))).get(4));

        assertEquals("NIBP=4;;;;;;", AnsarBText.lines(new IvyEncoder().encode(output(Map.of(Vital.HR, 66.0)))).get(4));
    }

    @Test
    void nanValuesAreSentAsEmptyFields() {
        byte[] m = new IvyEncoder().encode(output(Map.of(Vital.HR, Double.NaN, Vital.SPO2, 98.0, Vital.PR, Double.NaN)));

        assertEquals(List.of("HR=1;;ECG-II;", "RR=1;;;", "ETCO2=1;;;", "SPO2=1;98;PR= ;"), AnsarBText.lines(m).subList(0, 4));
    }

    private static boolean allSame(byte[] bytes) {
        for (byte b : bytes) {
            if (b != bytes[0]) {
                return false;
            }
        }
        return true;
    }
}
