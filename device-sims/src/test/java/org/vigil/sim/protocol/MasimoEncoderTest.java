package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.vigil.testsupport.ResearchPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.domain.Vital;

/** The Rad-8 ASCII 1 line, byte for byte. */
class MasimoEncoderTest {

    private static final LocalDateTime CLOCK = LocalDateTime.of(2024, 3, 4, 10, 0, 1);
    private static final String TAIL = " SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800\r\n";

    private final MasimoEncoder encoder = new MasimoEncoder();

    private static DeviceOutput output(LocalDateTime clock, double spo2, double pr, double pi, boolean sensorOff, String serial) {
        Map<Vital, Double> values = new EnumMap<>(Vital.class);
        values.put(Vital.SPO2, spo2);
        values.put(Vital.PR, pr);
        values.put(Vital.PI, pi);
        return new DeviceOutput(clock, values, sensorOff, false, serial);
    }

    private String encode(double spo2, double pr, double pi) {
        return new String(encoder.encode(output(CLOCK, spo2, pr, pi, false, "12345")), StandardCharsets.US_ASCII);
    }

    @Test
    void reproducesTheRealRad8CaptureByteForByte() throws IOException {
        Path capture = ResearchPack.file("masimo", "rad8_ascii1_yahnatan_pulseox_2016.crlf.bin");
        double[][] seconds = {{45, 98, 97, 3.60}, {46, 98, 96, 3.95}, {47, 98, 96, 4.25}, {48, 98, 96, 3.19}, {49, 98, 97, 2.41}};
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        for (double[] s : seconds) {
            LocalDateTime clock = LocalDateTime.of(2016, 2, 22, 22, 47, (int) s[0]);
            encoded.writeBytes(encoder.encode(output(clock, s[1], s[2], s[3], false, "56661")));
        }
        assertArrayEquals(Files.readAllBytes(capture), encoded.toByteArray());
    }

    @Test
    void writesTheRad8FieldsInOrderWithTheirWidths() {
        assertEquals("03/04/24 10:00:01 SN=0000012345 SPO2=097% BPM=072 PI=03.50%" + TAIL, encode(97, 72, 3.5));
    }

    @ParameterizedTest
    @CsvSource({
        "97.5, 71.5, 3.455999, SPO2=098% BPM=072 PI=03.46%",
        "97.49, 71.49, 3.454, SPO2=097% BPM=071 PI=03.45%",
        "100, 240, 20, SPO2=100% BPM=240 PI=20.00%",
        "0, 0, 0.004, SPO2=000% BPM=000 PI=00.00%",
        "-0.4, 999.4, 99.994, SPO2=000% BPM=999 PI=99.99%",
        "100.6, 999.5, 99.995, SPO2=101% BPM=--- PI=--.--%",
        "999.4, 72, 3.5, SPO2=999% BPM=072 PI=03.50%",
        "999.5, 72, 3.5, SPO2=---% BPM=072 PI=03.50%",
        "-1, -1, -0.01, SPO2=---% BPM=--- PI=--.--%",
        "NaN, NaN, NaN, SPO2=---% BPM=--- PI=--.--%",
        "Infinity, -Infinity, Infinity, SPO2=---% BPM=--- PI=--.--%",
    })
    void roundsToTheProtocolResolutionAndDashesWhatTheFieldCannotHold(double spo2, double pr, double pi, String fields) {
        assertEquals("03/04/24 10:00:01 SN=0000012345 " + fields + TAIL, encode(spo2, pr, pi));
    }

    @Test
    void vitalMissingFromTheOutputIsSentAsDashesOfTheSameWidth() {
        DeviceOutput onlyPr = new DeviceOutput(CLOCK, Map.of(Vital.PR, 80.0), false, false, "12345");
        assertEquals("03/04/24 10:00:01 SN=0000012345 SPO2=---% BPM=080 PI=--.--%" + TAIL,
                new String(encoder.encode(onlyPr), StandardCharsets.US_ASCII));
    }

    @Test
    void sensorOffDashesEveryValueAndSetsTheSensorOffException() {
        String line = new String(encoder.encode(output(CLOCK, 97, 72, 3.5, true, "12345")), StandardCharsets.US_ASCII);
        assertEquals("03/04/24 10:00:01 SN=0000012345 SPO2=---% BPM=--- PI=--.--%"
                + " SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000820\r\n", line);
    }

    @Test
    void serialIsZeroPaddedOrDashedWhenUnknown() {
        assertEquals("03/04/24 10:00:01 SN=---------- SPO2=097%",
                ascii(encoder.encode(output(CLOCK, 97, 72, 3.5, false, null))).substring(0, 41));
        assertEquals("03/04/24 10:00:01 SN=9876543210 SPO2=097%",
                ascii(encoder.encode(output(CLOCK, 97, 72, 3.5, false, "9876543210"))).substring(0, 41));
    }

    @Test
    void serialThatIsNotOneToTenDigitsIsRefused() {
        for (String bad : new String[] {"", "OX-1", "12345678901", " 123"}) {
            assertThrows(IllegalArgumentException.class, () -> encoder.encode(output(CLOCK, 97, 72, 3.5, false, bad)), bad);
        }
    }

    @Test
    void deviceClockIsPrintedAsMonthDayTwoDigitYear() {
        LocalDateTime clock = LocalDateTime.of(2031, 12, 9, 23, 5, 7, 999_000_000);
        assertEquals("12/09/31 23:05:07 ", ascii(encoder.encode(output(clock, 97, 72, 3.5, false, "1"))).substring(0, 18));
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
