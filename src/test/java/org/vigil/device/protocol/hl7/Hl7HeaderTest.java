package org.vigil.device.protocol.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.hl7.Hl7Rejection.ErrorCode;

/** The header scan the listener routes by: delimiters, escapes, line ends, missing PV1, refusals. */
class Hl7HeaderTest {

    @Test
    void standardMessageGivesTheHeaderFieldsAsSentAndTheBed() {
        Hl7Header h = scan(Hl7Samples.typical("C\\F\\1", "B-01"));
        assertEquals("C\\F\\1", h.controlId(), "MSH-10 kept as sent: the acknowledgement copies it back");
        assertEquals("TEST_MON", h.sendingApplication());
        assertEquals("0123456789ABCDEF", h.sendingFacility());
        assertEquals("20260101120000+0100", h.messageTime());
        assertEquals("20260101120000+0100", h.firstComponent("OBR", 7));
        assertEquals("ICU^^B-01", h.location().text());
        assertEquals("B-01", h.location().bed());
    }

    @Test
    void customDelimitersFromMsh1AndMsh2AreUsed() {
        // field #, component $, repetition *, escape !, sub-component @
        Hl7Header h = scan("MSH#$*!@#MON#FAC###20260101120000##ORU$R01$ORU_R01#K9#P#2.6\r"
                + "PV1##I#ICU$$B!S!7@x*OTHER$$B-99\r"
                + "OBX#1#NM#147842$MDC_ECG_HEART_RATE$MDC##72#####F\r");
        assertEquals("K9", h.controlId());
        assertEquals("MON", h.sendingApplication());
        assertEquals("B$7&x", h.location().bed(), "escape ! resolved to the message's own component separator; "
                + "sub-components joined by &; only the first repetition");
        assertTrue(h.location().matches("b$7&X"));
    }

    @Test
    void escapedSeparatorsInTheBedAreResolvedAfterTheSplit() {
        assertEquals("B|01", scan(Hl7Samples.typical("1", "B\\F\\01")).location().bed());
        assertEquals("B^2", scan(Hl7Samples.typical("1", "B\\S\\2")).location().bed());
        assertEquals("B&3", scan(Hl7Samples.typical("1", "B\\T\\3")).location().bed());
        assertEquals("B\\4~", scan(Hl7Samples.typical("1", "B\\E\\4\\R\\")).location().bed());
        assertEquals("B\\H\\5", scan(Hl7Samples.typical("1", "B\\H\\5")).location().bed(), "formatting kept as written");
        assertEquals("B\\6", scan(Hl7Samples.typical("1", "B\\6")).location().bed(), "a lone escape kept");
    }

    @Test
    void segmentsEndedByLfOrCrLfAndBlankLinesAroundAreRead() {
        String cr = Hl7Samples.typical("7", "B-01");
        for (String eol : new String[] {"\n", "\r\n"}) {
            Hl7Header h = scan("\r\n" + cr.replace("\r", eol) + eol + eol);
            assertEquals("7", h.controlId());
            assertEquals("B-01", h.location().bed());
            assertTrue(h.text().startsWith("MSH|") && !h.text().contains("\n") && !h.text().endsWith("\r"), h.text());
        }
    }

    @Test
    void noPv1OrAnEmptyPv13IsNoLocation() {
        String noPv1 = "MSH|^~\\&|MON|FAC|||20260101120000||ORU^R01^ORU_R01|N1|P|2.6\r"
                + "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC||75|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||F\r";
        assertTrue(scan(noPv1).location().isEmpty());
        assertTrue(scan(Hl7Samples.typical("1", "B-01").replace("PV1||I|ICU^^B-01", "PV1||I|")).location().isEmpty());
        assertTrue(scan(Hl7Samples.typical("1", "B-01").replace("PV1||I|ICU^^B-01", "PV1||I|^^&")).location().isEmpty());
        assertEquals("B-01", scan(noPv1 + "PV2|||ICU^^B-02\rPV1||I|^^B-01\r").location().bed(), "PV1, not PV2");
    }

    @Test
    void whatIsNotAnOruR01OfAKnownVersionIsRefusedWithTheCodeAnAeCarries() {
        assertRefused("PID|||1\r", ErrorCode.SEGMENT_SEQUENCE, "");
        assertRefused("MSH|^~\\&|X|Y|||20260101||ADT^A01|9|P|2.6\r", ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "9");
        assertRefused("MSH|^~\\&|X|Y|||20260101||ORU^R30|9|P|2.6\r", ErrorCode.UNSUPPORTED_EVENT, "9");
        assertRefused("MSH|^~\\&|X|Y|||20260101||ORU^R01|10|P|9.9\rPV1||I|^^B-01\r", ErrorCode.UNSUPPORTED_VERSION, "10");
        assertRefused("MSH|^~\\&|X|Y|||20260101||ORU^R01|11|P\rPV1||I|^^B-01\r", ErrorCode.UNSUPPORTED_VERSION, "11");
        assertEquals("B-01", scan("MSH|^~\\&|X|Y|||20260101||ORU^R01|12|P|2.3.1^ISO\rPV1||I|^^B-01\r").location().bed());
    }

    private static Hl7Header scan(String text) {
        Hl7Header.Scan s = Hl7Header.scan(text.getBytes(StandardCharsets.UTF_8));
        assertNull(s.rejection(), () -> s.rejection().reason());
        return s.header();
    }

    private static void assertRefused(String text, ErrorCode code, String controlId) {
        Hl7Header.Scan s = Hl7Header.scan(text.getBytes(StandardCharsets.UTF_8));
        assertNull(s.header(), text);
        assertEquals(code, s.rejection().code(), s.rejection().reason());
        assertEquals(controlId, s.rejection().controlId());
    }
}
