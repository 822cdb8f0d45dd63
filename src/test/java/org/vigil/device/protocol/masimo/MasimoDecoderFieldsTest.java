package org.vigil.device.protocol.masimo;

import org.vigil.device.protocol.StreamFeeder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.device.protocol.masimo.SampleLines.rad8;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** Field meanings: values, dashes, EXC and ALARM bits, attributes, corrupt fields. */
class MasimoDecoderFieldsTest {

    private static Optional<DeviceFrame> decode(String line) {
        List<DeviceFrame> frames = StreamFeeder.decodeAll(new MasimoDecoder(), SampleLines.ascii(line + "\r\n"));
        assertTrue(frames.size() <= 1);
        return frames.stream().findFirst();
    }

    private static DeviceFrame frame(String line) {
        return decode(line).orElseThrow(() -> new AssertionError("no frame for " + line));
    }

    private static Measurement get(DeviceFrame f, Vital v) {
        return f.measurements().stream().filter(m -> m.vital() == v).findFirst().orElseThrow();
    }

    @Test
    void framesCarrySpo2PrAndPiInThatOrder() {
        DeviceFrame f = frame(rad8(1, 97, 72, "03.50"));
        assertEquals(List.of(Measurement.of(Vital.SPO2, 97), Measurement.of(Vital.PR, 72), Measurement.of(Vital.PI, 3.5)),
                f.measurements());
        assertEquals(Set.of(), f.flags());
        assertEquals(Map.of("device_time", "03/04/24 10:00:01", "serial", "0000012345", "alarm", "0000", "exc", "000800"),
                f.attributes());
    }

    @Test
    void dashedFieldsAreAbsentAndFlaggedInvalid() {
        DeviceFrame f = frame(rad8(1, "---", "---", "--.--", "0000", "000800"));
        for (Vital v : List.of(Vital.SPO2, Vital.PR, Vital.PI)) {
            assertEquals(Measurement.absent(v, Set.of()), get(f, v));
        }
    }

    @Test
    void missingFieldsAreAbsentAndTheFrameIsStillEmitted() {
        DeviceFrame f = frame("03/04/24 10:00:01 SN=0000012345 SPO2=---% BPM=--- ALARM=0000 EXC=000001");
        assertEquals(3, f.measurements().size());
        assertEquals(Measurement.absent(Vital.PI, Set.of(ReadingFlag.NO_SENSOR)), get(f, Vital.PI));
        DeviceFrame onlyRate = frame("03/04/24 10:00:01 BPM=071");
        assertEquals(71, get(onlyRate, Vital.PR).value());
        assertFalse(get(onlyRate, Vital.SPO2).hasValue());
    }

    @ParameterizedTest
    @CsvSource({
        "000001, NO_SENSOR", "000002, SENSOR_FAULT", "000004, LOW_PERFUSION", "000008, PULSE_SEARCH",
        "000010, INTERFERENCE", "000020, SENSOR_OFF", "000040, INTERFERENCE", "000080, SENSOR_FAULT",
        "000400, LOW_SIGNAL_QUALITY", "000C00, LOW_SIGNAL_QUALITY", "001000, NO_SENSOR", "004000, SENSOR_FAULT",
        "008000, SENSOR_FAULT", "010000, SENSOR_FAULT",
    })
    void exceptionBitMapsToItsFlag(String exc, ReadingFlag flag) {
        DeviceFrame f = frame(rad8(1, "097", "072", "03.50", "0000", exc));
        assertEquals(Set.of(flag), f.flags());
        assertEquals(Set.of(flag), get(f, Vital.SPO2).flags());
        assertEquals(exc, f.attributes().get("exc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000800", "000000", "000100", "000200", "002000", "020000", "400000"})
    void setActiveAndUnmappedExceptionBitsGiveNoFlag(String exc) {
        assertEquals(Set.of(), frame(rad8(1, "097", "072", "03.50", "0000", exc)).flags());
    }

    @ParameterizedTest
    @CsvSource({
        "0010, DEVICE_ALARM", "0020, DEVICE_ALARM_SILENCED", "0030, DEVICE_ALARM|DEVICE_ALARM_SILENCED",
        "0001, ''", "0002, ''", "2000, ''", "20, DEVICE_ALARM_SILENCED", "----, ''",
    })
    void alarmBitsMapToDeviceAlarmFlags(String alarm, String flags) {
        EnumSet<ReadingFlag> expected = EnumSet.noneOf(ReadingFlag.class);
        for (String f : flags.split("\\|")) {
            if (!f.isEmpty()) {
                expected.add(ReadingFlag.valueOf(f));
            }
        }
        DeviceFrame f = frame(rad8(1, "097", "072", "03.50", alarm, "000800"));
        assertEquals(expected, f.flags());
        assertEquals(alarm, f.attributes().get("alarm"));
    }

    @Test
    void frameFlagsAreCopiedOntoPresentAndAbsentMeasurements() {
        DeviceFrame f = frame(rad8(1, "098", "101", "--.--", "0010", "000824"));
        Set<ReadingFlag> expected = Set.of(ReadingFlag.DEVICE_ALARM, ReadingFlag.SENSOR_OFF, ReadingFlag.LOW_PERFUSION);
        assertEquals(expected, f.flags());
        assertEquals(new Measurement(Vital.SPO2, 98, expected), get(f, Vital.SPO2));
        assertEquals(new Measurement(Vital.PR, 101, expected), get(f, Vital.PR));
        assertEquals(Measurement.absent(Vital.PI, expected), get(f, Vital.PI));
    }

    @Test
    void dashedSerialGivesNoSerialAttribute() {
        DeviceFrame f = frame("03/04/24 10:00:01 SN=---------- SPO2=097% BPM=072 PI=03.50% ALARM=0000 EXC=000800");
        assertFalse(f.attributes().containsKey("serial"));
    }

    @Test
    void spo2AboveOneHundredIsAbsent() {
        assertFalse(get(frame(rad8(1, 101, 72, "03.50")), Vital.SPO2).hasValue());
        assertEquals(100, get(frame(rad8(1, 100, 72, "03.50")), Vital.SPO2).value());
    }

    @Test
    void zeroIsAValueInAsciiOneButNoValueInTheTrendDump() {
        DeviceFrame live = frame(rad8(1, 0, 0, "00.00"));
        assertEquals(List.of(0.0, 0.0, 0.0), live.measurements().stream().map(Measurement::value).toList());
        DeviceFrame trend = frame("01/02/24 03:04:05 SpO2=000 PR=000 PI=00.00 EXC=800:SET");
        assertTrue(trend.measurements().stream().noneMatch(Measurement::hasValue));
        assertEquals("SET", trend.attributes().get("exc_text"));
        DeviceFrame trendValues = frame("01/02/24 03:04:05 SpO2=095 PR=061 PI=01.25 EXC=800");
        assertEquals(List.of(95.0, 61.0, 1.25), trendValues.measurements().stream().map(Measurement::value).toList());
    }

    @Test
    void keysAreCaseInsensitiveAndExtraSpacesAreTolerated() {
        DeviceFrame f = frame("03/04/24 10:00:01  spo2=097%  bpm=072 pi=03.50%   exc=000800 ");
        assertEquals(List.of(97.0, 72.0, 3.5), f.measurements().stream().map(Measurement::value).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "03/04/24 10:00:01 SN=0000012345 SPO2=9x8% BPM=072 PI=03.50% EXC=000800",
        "03/04/24 10:00:01 SN=0000012345 SPO2=097% BPM=1072 PI=03.50% EXC=000800",
        "03/04/24 10:00:01 SN=0000012345 SPO2=097% BPM=072 PI=03.5.0% EXC=000800",
        "03/04/24 10:00:01 SN=0000012345 SPO2=097% BPM=072% PI=03.50% EXC=000800",
        "03/04/24 10:00:01 SN=0000012345 SPO2=097% BPM=072 PI=03.50% EXC=00G800",
        "03/04/24 10:00:01 SN=0000012345 SPO2=097% BPM=072 PI=03.50% ALARM=00Z0 EXC=000800",
        "03/04/24 10:00:01 SN=0000012345 SPO2=097% BPM=072 PI=03.50% EXC=000800 EXC1=xyz",
        "03/04/24 10:00:01 SN=00000A2345 SPO2=097% BPM=072 PI=03.50% EXC=000800",
        "03/04/24 10:00:01 SN=0000012345 SPO2=097% BPM=072 PI=03.50% EXC=000800 trailing",
        "03/04/24 10:00:01 SN=0000012345 SPO2=097% =072 PI=03.50% EXC=000800",
        "03/04/24 10:00:01 SN=0000012345 SPO2=097% SPO2=097% PI=03.50% EXC=000800",
        "03/04/24 10:00:01 SPO2=097% BPM=072 PR=072",
        "03/04/24 10:00:01 SPO2=% BPM=072",
        "03/04/24 10:00:01 SN=0000012345 DESAT=-- PIDELTA=+--",
        "03/04/24 10:00:01",
        "03/04/24 10:00:01SPO2=097%",
    })
    void corruptLineGivesNoFrameAndIsCountedAsDiscarded(String line) {
        MasimoDecoder decoder = new MasimoDecoder();
        assertEquals(List.of(), new StreamFeeder(decoder).feed(SampleLines.ascii(line + "\r\n")).frames());
        assertEquals(line.length(), decoder.discardedBytes());
    }
}
