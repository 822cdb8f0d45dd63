package org.vigil.device.protocol.nellcor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** Values, no-values, limit stars, status codes and the device time of N-595 data lines. */
class NellcorDecoderFieldsTest {

    private static List<DeviceFrame> decode(String text) {
        return StreamFeeder.decodeAll(new NellcorDecoder(), NellcorText.ascii(text));
    }

    private static DeviceFrame only(String line) {
        List<DeviceFrame> frames = decode(line + "\r\n");
        assertEquals(1, frames.size(), line);
        return frames.get(0);
    }

    @Test
    void theSpecExampleLine() {
        DeviceFrame f = only("07-Jan-04 11:24:54   100     101     104    MO             AO");
        Set<ReadingFlag> flags = Set.of(ReadingFlag.INTERFERENCE, ReadingFlag.DEVICE_ALARM_SILENCED);
        assertEquals(List.of(new Measurement(Vital.SPO2, 100, flags), new Measurement(Vital.PR, 101, flags)), f.measurements());
        assertEquals(flags, f.flags());
        assertEquals(Map.of("device_time", "2004-01-07T11:24:54", "pulse_amplitude", "104", "status", "MO AO"), f.attributes());
    }

    @Test
    void thePrintoutGivesOneFramePerDataLineAndTheMonitorsIdentityFromItsHeader() {
        NellcorDecoder decoder = new NellcorDecoder();
        List<DeviceFrame> all = StreamFeeder.decodeAll(decoder, NellcorText.ascii(NellcorText.PRINTOUT));
        List<DeviceFrame> headers = all.stream().filter(f -> f.measurements().isEmpty()).toList();
        List<DeviceFrame> frames = all.stream().filter(f -> !f.measurements().isEmpty()).toList();
        assertEquals(NellcorText.PRINTOUT_FRAMES, frames.size());
        assertEquals(NellcorText.PRINTOUT_HEADERS, headers.size());
        assertEquals("2004-01-07T11:24:50", frames.get(0).attributes().get("device_time"));
        assertEquals("2004-01-07T11:25:06", frames.get(8).attributes().get("device_time"));
        for (DeviceFrame h : headers) {
            assertEquals(Map.of("model", "N-595", "software", "1.61.00"), h.attributes());
            assertEquals(java.util.Optional.of(new org.vigil.domain.DeviceIdentity("", "N-595", "", "1.61.00", "")), h.identity());
        }
        assertTrue(all.get(0).measurements().isEmpty(), "the identity comes before the first data line");
        int others = NellcorText.HEADER_2.length() * 2 + NellcorText.HEADER_3.length() * 2;
        assertEquals(others, decoder.discardedBytes(), "the other header lines are bytes outside data lines");
    }

    @Test
    void aHeaderNamesTheModelAndVersionWhateverFollowsAndNoiseBeforeItIsDiscarded() {
        NellcorDecoder decoder = new NellcorDecoder();
        List<DeviceFrame> frames = StreamFeeder.decodeAll(decoder,
                NellcorText.ascii("xx N-600x  VERSION  2.0.1\r\nN-595 VERSION\r\nN-5X5 VERSION 1.0\r\n"));
        assertEquals(1, frames.size());
        assertEquals(Map.of("model", "N-600x", "software", "2.0.1"), frames.get(0).attributes());
        assertEquals(3 + "N-595 VERSION".length() + "N-5X5 VERSION 1.0".length(), decoder.discardedBytes(),
                "a header without its version, or with another model shape, is no header");
    }

    @Test
    void dashesAreNoValue() {
        DeviceFrame f = only("07-Jan-04 11:24:58   ---     ---     ---    SO");
        Set<ReadingFlag> off = Set.of(ReadingFlag.SENSOR_OFF);
        assertEquals(List.of(Measurement.absent(Vital.SPO2, off), Measurement.absent(Vital.PR, off)), f.measurements());
        assertEquals(Map.of("device_time", "2004-01-07T11:24:58", "status", "SO"), f.attributes());
    }

    @Test
    void aStarAfterAValueIsTheMonitorsOwnLimitAlarmOnThatValueOnly() {
        DeviceFrame f = only("07-Jan-04 11:24:56    89*     76      55");
        assertEquals(new Measurement(Vital.SPO2, 89, Set.of(ReadingFlag.DEVICE_ALARM)), f.measurements().get(0));
        assertEquals(Measurement.of(Vital.PR, 76), f.measurements().get(1));
        assertEquals(Set.of(ReadingFlag.DEVICE_ALARM), f.flags());
        DeviceFrame g = only("07-Jan-04 11:24:56    95     181*     55");
        assertEquals(Measurement.of(Vital.SPO2, 95), g.measurements().get(0));
        assertEquals(new Measurement(Vital.PR, 181, Set.of(ReadingFlag.DEVICE_ALARM)), g.measurements().get(1));
    }

    @ParameterizedTest
    @CsvSource({
        "SD,NO_SENSOR,NO_SENSOR", "SO,SENSOR_OFF,SENSOR_OFF", "PS,PULSE_SEARCH,PULSE_SEARCH", "LP,PULSE_SEARCH,PULSE_SEARCH",
        "MO,INTERFERENCE,INTERFERENCE", "AS,DEVICE_ALARM_SILENCED,DEVICE_ALARM_SILENCED",
        "AO,DEVICE_ALARM_SILENCED,DEVICE_ALARM_SILENCED", "SH,DEVICE_ALARM,", "SL,DEVICE_ALARM,", "PH,,DEVICE_ALARM",
        "PL,,DEVICE_ALARM",
    })
    void eachStatusCodeFlagsTheMeasurementsItConcerns(String code, ReadingFlag onSpo2, ReadingFlag onPr) {
        DeviceFrame f = only("07-Jan-04 11:24:54    96      80      70    " + code);
        assertEquals(onSpo2 == null ? Set.of() : Set.of(onSpo2), f.measurements().get(0).flags(), "SpO2");
        assertEquals(onPr == null ? Set.of() : Set.of(onPr), f.measurements().get(1).flags(), "PR");
        assertEquals(code, f.attributes().get("status"));
    }

    @Test
    void lossOfPulseWithInterferenceIsBoth() {
        DeviceFrame f = only("07-Jan-04 11:24:54   ---     ---     ---    LM");
        assertEquals(Set.of(ReadingFlag.INVALID, ReadingFlag.PULSE_SEARCH, ReadingFlag.INTERFERENCE), f.measurements().get(0).flags());
    }

    @Test
    void lowBatteryAndUnknownCodesAreKeptWithoutAFlag() {
        DeviceFrame f = only("07-Jan-04 11:24:54    96      80      70    LB  BU");
        assertEquals(Set.of(), f.flags());
        assertEquals("LB BU", f.attributes().get("status"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\r\n", "\n\r", "\r\n\r\n"})
    void anyLineEndingEndsALine(String ending) {
        List<DeviceFrame> frames = decode("07-Jan-04 11:24:54    96      80      70" + ending + "07-Jan-04 11:24:56    97      81      70" + ending);
        assertEquals(2, frames.size());
    }

    @Test
    void monthsAndTwoDigitYearsOfTheStamp() {
        assertEquals("2019-12-31T23:59:59", only("31-dec-19 23:59:59  96 80 70").attributes().get("device_time"));
        assertEquals("2004-02-29T00:00:00", only("29-FEB-04 00:00:00  96 80 70").attributes().get("device_time"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "30-Feb-04 11:24:54    96      80      70",
        "07-Jon-04 11:24:54    96      80      70",
        "07-Jan-04 25:24:54    96      80      70",
        "07-Jan-04 11:24:54    96      80",
        "07-Jan-04 11:24:54    96      8a      70",
        "07-Jan-04 11:24:54    9600    80      70",
        "07-Jan-04 11:24:54    96      80      70    mo",
        "07-Jan-04 11:24:54    96      80      70    MOO",
        "07-Jan-04 11:24:5496      80      70",
    })
    void aDataLineThatDoesNotParseIsDiscardedWhole(String line) {
        NellcorDecoder decoder = new NellcorDecoder();
        List<DeviceFrame> frames = StreamFeeder.decodeAll(decoder, NellcorText.ascii(line + "\r\n07-Jan-04 11:24:56 97 81 70\r\n"));
        assertEquals(1, frames.size(), line);
        assertEquals("2004-01-07T11:24:56", frames.get(0).attributes().get("device_time"));
        assertEquals(line.length(), decoder.discardedBytes());
    }

    @Test
    void noiseBeforeTheStampOfALineIsDiscardedAndTheLineKept() {
        NellcorDecoder decoder = new NellcorDecoder();
        List<DeviceFrame> frames = StreamFeeder.decodeAll(decoder, NellcorText.ascii("\u0000\u00ffxx 07-Jan-04 11:24:54 96 80 70\r\n"));
        assertEquals(1, frames.size());
        assertEquals(5, decoder.discardedBytes());
        assertTrue(frames.get(0).measurements().get(0).hasValue());
    }
}
