package org.vigil.device.protocol.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.hl7.Hl7Rejection.ErrorCode;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** Observation mapping: codes, units, statuses, sentinels, repeats; and what is refused, why. */
class Hl7MessageReaderTest {

    private final Hl7MessageReader reader = new Hl7MessageReader();

    @Test
    void typicalMessageGivesEveryVitalWithTheDeviceTimesAndBed() {
        Hl7Message m = read(Hl7Samples.typical("42", "B-01"));
        assertEquals("42", m.controlId());
        assertTrue(m.location().matches("b-01"));
        assertTrue(m.location().matches("ICU^^B-01"));
        assertFalse(m.location().matches("B-02"));
        DeviceFrame f = m.frame();
        assertEquals(72.0, value(f, Vital.HR));
        assertEquals(71.0, value(f, Vital.PR));
        assertEquals(97.0, value(f, Vital.SPO2));
        assertEquals(120.0, value(f, Vital.NIBP_SYS));
        assertEquals(80.0, value(f, Vital.NIBP_DIA));
        assertEquals(93.0, value(f, Vital.NIBP_MEAN));
        assertEquals("2026-01-01T12:00:00+01:00", f.attributes().get("device_time"));
        assertEquals("2026-01-01T11:58:00+01:00", f.attributes().get("nibp_time"));
    }

    @Test
    void kilopascalsBecomeWholeMillimetresOfMercuryAndFahrenheitCelsius() {
        DeviceFrame f = frame(
                "OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC||16|268035^MDC_DIM_KILO_PASCAL^MDC|||||F",
                "OBX|2|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC||10.7|kPa^kPa^UCUM|||||F",
                "OBX|3|NM|150344^MDC_TEMP^MDC||99.5|[degF]^[degF]^UCUM|||||F");
        assertEquals(120.0, value(f, Vital.NIBP_SYS));
        assertEquals(80.0, value(f, Vital.NIBP_DIA));
        assertEquals("37.5", f.attributes().get("temperature"));
    }

    @Test
    void unitOfTheWrongKindGivesNoValueAndIsKept() {
        DeviceFrame f = frame("OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC||163|266048^MDC_DIM_CM_H2O^MDC|||||F",
                "OBX|2|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC||97||||||F");
        assertAbsent(f, Vital.NIBP_SYS);
        assertEquals("266048^MDC_DIM_CM_H2O", f.attributes().get("nibp_sys_unit"));
        assertEquals(97.0, value(f, Vital.SPO2), "an empty OBX-6 is the metric's own unit");
    }

    @Test
    void loincCodesAndUcumUnitsAreRead() {
        DeviceFrame f = frame("OBX|1|NM|8867-4^Heart rate^LN||64|/min^/min^UCUM|||||F",
                "OBX|2|NM|59408-5^SpO2^LN||95|%^%^UCUM|||||F",
                "OBX|3|NM|8480-6^Systolic^LN||131|mm[Hg]^mm[Hg]^UCUM|||||F",
                "OBX|4|NM|9279-1^Resp rate^LN||14|{breath}/min^{breath}/min^UCUM|||||F");
        assertEquals(64.0, value(f, Vital.HR));
        assertEquals(95.0, value(f, Vital.SPO2));
        assertEquals(131.0, value(f, Vital.NIBP_SYS));
        assertEquals(14.0, value(f, Vital.RR));
    }

    @Test
    void cannotObtainStatusSentinelsAndTextGiveNoValue() {
        DeviceFrame f = frame("OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC||72|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||X",
                "OBX|2|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC||-100|262688^MDC_DIM_PERCENT^MDC|||||F",
                "OBX|3|NM|149530^MDC_PULS_OXIM_PULS_RATE^MDC||8388607|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||F",
                "OBX|4|NM|151562^MDC_RESP_RATE^MDC||---|264928^MDC_DIM_RESP_PER_MIN^MDC|||||F",
                "OBX|5|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|||266016^MDC_DIM_MMHG^MDC|||||F",
                "OBX|6|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC||NaN|266016^MDC_DIM_MMHG^MDC|||||R",
                "OBX|7|NM|150023^MDC_PRESS_BLD_NONINV_MEAN^MDC||90|266016^MDC_DIM_MMHG^MDC|||||W");
        for (Vital v : Set.of(Vital.HR, Vital.SPO2, Vital.PR, Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN)) {
            assertAbsent(f, v);
        }
    }

    @Test
    void correctedAndPreliminaryResultsAreValues() {
        DeviceFrame f = frame("OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC||72|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||C",
                "OBX|2|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC||96|262688^MDC_DIM_PERCENT^MDC|||||P");
        assertEquals(72.0, value(f, Vital.HR));
        assertEquals(96.0, value(f, Vital.SPO2));
    }

    @Test
    void firstValueOfAVitalWinsAndRepeatsAreKeptAside() {
        DeviceFrame f = frame("OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.3.1|-100|262688^MDC_DIM_PERCENT^MDC|||||F",
                "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.3.2|95|262688^MDC_DIM_PERCENT^MDC|||||F",
                "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.3.3|93|262688^MDC_DIM_PERCENT^MDC|||||F");
        assertEquals(95.0, value(f, Vital.SPO2), "a later channel with a value replaces an absent one");
        assertEquals(1, f.measurements().size());
        assertEquals("93 MDC_DIM_PERCENT", f.attributes().get("obx.MDC.150456@1.3.3"));
    }

    @Test
    void unknownAndVendorPrivateCodesAreRecordedNotMapped() {
        DeviceFrame f = frame("OBX|1|NM|101^HR^99MNDRY||80|bpm|||||F",
                "OBX|2|NM|150033^MDC_PRESS_BLD_ART_SYS^MDC|1.13.1.1|112|266016^MDC_DIM_MMHG^MDC|||||R");
        assertTrue(f.measurements().isEmpty());
        assertEquals("80 bpm", f.attributes().get("obx.99MNDRY.101"));
        assertEquals("112 MDC_DIM_MMHG", f.attributes().get("obx.MDC.150033@1.13.1.1"));
    }

    @Test
    void version231MessagesAreReadToo() {
        String m = Hl7Samples.typical("7", "B-01").replace("|P|2.6", "|P|2.3.1");
        assertEquals(72.0, value(read(m).frame(), Vital.HR));
    }

    @Test
    void otherMessageTypesAndBrokenMessagesAreRefusedWithAReason() {
        assertRejected("MSH|^~\\&|X|Y|||20260101||ADT^A01|9|P|2.6\rPID|||1\r", ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "9");
        assertRejected("MSH|^~\\&|X|Y|||20260101||ORU^R30|9|P|2.6\r", ErrorCode.UNSUPPORTED_EVENT, "9");
        assertRejected("PID|||1\rOBX|1|NM|1^X^MDC||1\r", ErrorCode.SEGMENT_SEQUENCE, "");
        assertRejected("MSH|^~\\&|X|Y|||20260101||ORU^R01|10|P|9.9\r", null, "10");
        assertRejected("", ErrorCode.SEGMENT_SEQUENCE, "");
    }

    @Test
    void ackEchoesTheControlIdAndAnAeCarriesTheEscapedReason() {
        Hl7Message m = read(Hl7Samples.typical("C\\F\\1", "B-01"));
        String aa = new String(Hl7Ack.accept(m, LocalDateTime.of(2026, 1, 1, 12, 0), 5), StandardCharsets.UTF_8);
        assertEquals("\u000bMSH|^~\\&|VIGIL|VIGIL|TEST_MON|0123456789ABCDEF|20260101120000||ACK^R01^ACK|ACK5|P|2.6\r"
                + "MSA|AA|C\\F\\1\r\u001c\r", aa, "MSH-10 echoed as sent, escapes included");
        Hl7Rejection r = new Hl7Rejection("9", ErrorCode.UNKNOWN_KEY, "no chair for bed B|7 ^x");
        String ae = new String(Hl7Ack.reject(r, "MON", "", LocalDateTime.of(2026, 1, 1, 12, 0), 6), StandardCharsets.UTF_8);
        assertEquals("\u000bMSH|^~\\&|VIGIL|VIGIL|MON||20260101120000||ACK^R01^ACK|ACK6|P|2.6\r"
                + "MSA|AE|9|no chair for bed B\\F\\7 \\S\\x\r"
                + "ERR|||204^Unknown key identifier^HL70357|E||||no chair for bed B\\F\\7 \\S\\x\r\u001c\r", ae);
    }

    private void assertRejected(String text, ErrorCode code, String controlId) {
        Hl7MessageReader.Result r = reader.read(text.getBytes(StandardCharsets.UTF_8));
        assertNull(r.message(), text);
        if (code != null) {
            assertEquals(code, r.rejection().code(), r.rejection().reason());
        }
        assertEquals(controlId, r.rejection().controlId());
        assertFalse(r.rejection().reason().isBlank());
    }

    private Hl7Message read(String text) {
        Hl7MessageReader.Result r = reader.read(text.getBytes(StandardCharsets.UTF_8));
        assertNull(r.rejection(), () -> r.rejection().reason());
        return r.message();
    }

    private DeviceFrame frame(String... obx) {
        return read(Hl7Samples.oru("1", "B-01", obx)).frame();
    }

    private static double value(DeviceFrame f, Vital v) {
        return measurement(f, v).value();
    }

    private static Measurement measurement(DeviceFrame f, Vital v) {
        return f.measurements().stream().filter(m -> m.vital() == v).findFirst()
                .orElseThrow(() -> new AssertionError(v + " missing in " + f));
    }

    private static void assertAbsent(DeviceFrame f, Vital v) {
        Measurement m = measurement(f, v);
        assertFalse(m.hasValue(), v + " " + m);
        assertTrue(m.flags().contains(ReadingFlag.INVALID), v.key());
    }
}
