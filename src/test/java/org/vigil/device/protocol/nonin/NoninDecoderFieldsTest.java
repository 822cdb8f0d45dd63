package org.vigil.device.protocol.nonin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;
import org.vigil.domain.WaveSegment;

/** Values, no-values, status bits and pleth samples of the three formats, from packets built by the spec. */
class NoninDecoderFieldsTest {

    private static DeviceFrame only(NoninFormat format, byte[] data) {
        List<DeviceFrame> frames = StreamFeeder.decodeAll(new NoninDecoder(format), data);
        assertEquals(1, frames.size(), "frames");
        return frames.get(0);
    }

    @ParameterizedTest
    @CsvSource({"DF2,0", "DF2,72", "DF2,127", "DF2,128", "DF2,300", "DF2,510", "DF7,255", "DF7,384", "DF8,44", "DF8,128", "DF8,300"})
    void theNineBitHeartRateIsJoinedFromItsTwoParts(NoninFormat format, int hr) {
        byte[] data = format == NoninFormat.DF8 ? NoninBytes.df8(0, hr, 95, 0) : NoninBytes.packet(format, hr, 95, 0);
        DeviceFrame f = only(format, data);
        assertEquals(List.of(Measurement.of(Vital.PR, hr), Measurement.of(Vital.SPO2, 95)), f.measurements());
    }

    @ParameterizedTest
    @EnumSource(NoninFormat.class)
    void heartRate511AndSpo2127AreNoValue(NoninFormat format) {
        byte[] data = format == NoninFormat.DF8 ? NoninBytes.df8(0, 511, 127, 0) : NoninBytes.packet(format, 511, 127, 0);
        DeviceFrame f = only(format, data);
        assertEquals(List.of(Measurement.absent(Vital.PR, Set.of()), Measurement.absent(Vital.SPO2, Set.of())), f.measurements());
    }

    @ParameterizedTest
    @EnumSource(value = NoninFormat.class, names = {"DF2", "DF7"})
    void anSpo2AboveHundredIsNoValue(NoninFormat format) {
        DeviceFrame f = only(format, NoninBytes.packet(format, 80, 101, 0));
        assertFalse(f.measurements().get(1).hasValue());
        assertTrue(f.measurements().get(0).hasValue());
    }

    @ParameterizedTest
    @CsvSource({
        "DF2,0x08,SENSOR_OFF", "DF2,0x40,NO_SENSOR", "DF2,0x10,PULSE_SEARCH", "DF2,0x20,INTERFERENCE",
        "DF2,0x04,LOW_PERFUSION", "DF7,0x08,SENSOR_OFF", "DF7,0x10,PULSE_SEARCH", "DF7,0x20,INTERFERENCE",
        "DF7,0x04,LOW_PERFUSION",
    })
    void eachStatusBitOfAnyFrameFlagsBothMeasurementsAndTheFrame(NoninFormat format, String bit, ReadingFlag flag) {
        int mask = Integer.decode(bit);
        int[] floats = NoninBytes.floats(70, 96);
        // the bit in frame 13 only: the status bits of every frame of the packet count
        DeviceFrame f = only(format, NoninBytes.packet(format, k -> k == 12 ? mask : 0, k -> 0, floats));
        assertEquals(Set.of(flag), f.flags());
        for (Measurement m : f.measurements()) {
            assertEquals(Set.of(flag), m.flags(), m.vital().key());
            assertTrue(m.hasValue());
        }
    }

    @ParameterizedTest
    @CsvSource({"0x02,good", "0x06,marginal", "0x04,low"})
    void thePerfusionBitsGiveTheWorstPerfusionOfThePacket(String bits, String perfusion) {
        int mask = Integer.decode(bits);
        int[] floats = NoninBytes.floats(70, 96);
        DeviceFrame f = only(NoninFormat.DF2, NoninBytes.packet(NoninFormat.DF2, k -> k == 5 ? mask : k == 6 ? 0x02 : 0, k -> 0, floats));
        assertEquals(perfusion, f.attributes().get("perfusion"));
        assertEquals(perfusion.equals("low"), f.flags().contains(ReadingFlag.LOW_PERFUSION));
    }

    @Test
    void noPerfusionBitsNoPerfusionAttribute() {
        assertNull(only(NoninFormat.DF2, NoninBytes.packet(NoninFormat.DF2, 70, 96, 0)).attributes().get("perfusion"));
    }

    @Test
    void theLowBatteryBitOfStat2InFrameEight() {
        int[] floats = NoninBytes.floats(70, 96);
        floats[7] = 0x01;
        DeviceFrame f = only(NoninFormat.DF2, NoninBytes.packet(NoninFormat.DF2, k -> 0, k -> 0, floats));
        assertEquals("true", f.attributes().get("low_battery"));
        assertNull(only(NoninFormat.DF2, NoninBytes.packet(NoninFormat.DF2, 70, 96, 0)).attributes().get("low_battery"));
    }

    @Test
    void displayValuesAreAttributesWhenNotMissing() {
        int[] floats = NoninBytes.floats(70, 96);
        floats[8] = 127;
        floats[19] = 0x03;
        floats[20] = 0x7F;
        DeviceFrame f = only(NoninFormat.DF2, NoninBytes.packet(NoninFormat.DF2, k -> 0x08, k -> 0, floats));
        assertNull(f.attributes().get("pr_display"));
        assertNull(f.attributes().get("spo2_display"));
        DeviceFrame g = only(NoninFormat.DF2, NoninBytes.packet(NoninFormat.DF2, 130, 91, 0));
        assertEquals("130", g.attributes().get("pr_display"));
        assertEquals("91", g.attributes().get("spo2_display"));
    }

    @Test
    void df2PlethIsEightBitAndDf7PlethSixteenBit() {
        int[] floats = NoninBytes.floats(70, 96);
        DeviceFrame two = only(NoninFormat.DF2, NoninBytes.packet(NoninFormat.DF2, k -> 0, k -> k * 10, floats));
        DeviceFrame seven = only(NoninFormat.DF7, NoninBytes.packet(NoninFormat.DF7, k -> 0, k -> k == 24 ? 65535 : k * 2600, floats));
        WaveSegment eight = two.wave();
        WaveSegment sixteen = seven.wave();
        assertEquals(25, eight.size());
        assertEquals(0, eight.sample(0));
        assertEquals(240, eight.sample(24));
        assertEquals(255, eight.high());
        assertEquals(25, sixteen.size());
        assertEquals(2600, sixteen.sample(1));
        assertEquals(59800, sixteen.sample(23));
        assertEquals(65535, sixteen.sample(24));
        assertEquals(65535, sixteen.high());
        assertEquals(75.0, seven.wave().sampleRate());
        assertEquals(WaveSegment.PLETH, seven.wave().metric());
    }

    @ParameterizedTest
    @CsvSource({
        "0x20,0x00,PULSE_SEARCH", "0x04,0x00,INTERFERENCE", "0x10,0x00,LOW_PERFUSION", "0x00,0x08,SENSOR_OFF",
    })
    void df8StatusBitsAreFlags(String status, String status2, ReadingFlag flag) {
        DeviceFrame f = only(NoninFormat.DF8, NoninBytes.df8(Integer.decode(status), 80, 97, Integer.decode(status2)));
        assertEquals(Set.of(flag), f.flags());
        assertEquals(Set.of(flag), f.measurements().get(0).flags());
        assertEquals(Set.of(flag), f.measurements().get(1).flags());
    }

    @Test
    void df8PerfusionAndBattery() {
        DeviceFrame marginal = only(NoninFormat.DF8, NoninBytes.df8(0x08, 80, 97, 0x01));
        assertEquals("marginal", marginal.attributes().get("perfusion"));
        assertEquals("true", marginal.attributes().get("low_battery"));
        assertEquals(EnumSet.noneOf(ReadingFlag.class), marginal.flags());
        assertEquals("low", only(NoninFormat.DF8, NoninBytes.df8(0x10, 80, 97, 0)).attributes().get("perfusion"));
    }

    @Test
    void aDf8RecordWithAnImpossibleSpo2IsNoRecord() {
        NoninDecoder decoder = new NoninDecoder(NoninFormat.DF8);
        List<DeviceFrame> frames = StreamFeeder.decodeAll(decoder,
                NoninBytes.concat(NoninBytes.df8(0, 80, 110, 0), NoninBytes.df8(0, 81, 97, 0)));
        assertEquals(1, frames.size());
        assertEquals(81.0, frames.get(0).measurements().get(0).value());
        assertEquals(4, decoder.discardedBytes());
    }

    @ParameterizedTest
    @CsvSource({"2,DF2", "df7,DF7", "#8,DF8", " 8 ,DF8"})
    void formatsAreConfiguredByTheirNumber(String text, NoninFormat format) {
        assertEquals(format, NoninFormat.fromText(text));
    }

    @Test
    void anUnknownFormatIsRefusedWithTheChoices() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NoninFormat.fromText("13"));
        assertTrue(e.getMessage().contains("2, 7 or 8"), e.getMessage());
    }
}
