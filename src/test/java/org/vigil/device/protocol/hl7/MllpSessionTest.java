package org.vigil.device.protocol.hl7;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Vital;

/**
 * Routing on one listening port without a socket: each message goes to the bed its PV1-3 names
 * (read by the header scan, whatever the delimiters, escapes or line ends) and is answered; the
 * chair's decoder reads what it is handed.
 */
class MllpSessionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);

    private final Hl7Beds beds = new Hl7Beds();

    @Test
    void twoMonitorsOnOnePortReachTwoChairs() {
        Chair one = chair("B-01");
        Chair two = chair("ICU^^B-02");
        MllpSession a = new MllpSession(beds, CLOCK, "monitor-a");
        MllpSession b = new MllpSession(beds, CLOCK, "monitor-b");
        for (int i = 0; i < 3; i++) {
            assertEquals("MSA|AA|a" + i, msa(send(a, hr("a" + i, "B-01", 60 + i))));
            assertEquals("MSA|AA|b" + i, msa(send(b, hr("b" + i, "B-02", 90 + i))));
        }
        assertEquals(List.of(60.0, 61.0, 62.0), one.heartRates());
        assertEquals(List.of(90.0, 91.0, 92.0), two.heartRates());
    }

    @Test
    void customDelimitersAreRoutedAndTheChairReadsTheMessage() {
        Chair chair = chair("B$7");
        MllpSession s = new MllpSession(beds, CLOCK, "gateway");
        String custom = "MSH#$*!@#MON#FAC###20260101120000##ORU$R01$ORU_R01#K9#P#2.6\r"
                + "PV1##I#ICU$$B!S!7\r"
                + "OBX#1#NM#147842$MDC_ECG_HEART_RATE$MDC#1.5.1.1#72#264864$MDC_DIM_BEAT_PER_MIN$MDC#####F\r";
        byte[] ack = send(s, custom);
        assertEquals("MSA|AA|K9", msa(ack));
        assertTrue(new String(ack, StandardCharsets.UTF_8).contains("|VIGIL|VIGIL|MON|FAC|"), "MSH-3/4 echoed");
        assertEquals(List.of(72.0), chair.heartRates());
    }

    @Test
    void anEscapedSeparatorInTheBedIsPartOfTheBedName() {
        Chair pipe = chair("B|01");
        Chair caret = chair("B^02");
        MllpSession s = new MllpSession(beds, CLOCK, "monitor");
        assertEquals("MSA|AA|1", msa(send(s, hr("1", "B\\F\\01", 70))));
        assertEquals("MSA|AA|2", msa(send(s, hr("2", "B\\S\\02", 80))));
        assertEquals(List.of(70.0), pipe.heartRates());
        assertEquals(List.of(80.0), caret.heartRates());
    }

    @Test
    void segmentsEndedByLfOrCrLfAreRouted() {
        Chair chair = chair("B-01");
        MllpSession s = new MllpSession(beds, CLOCK, "monitor");
        assertEquals("MSA|AA|lf", msa(send(s, hr("lf", "B-01", 65).replace("\r", "\n"))));
        assertEquals("MSA|AA|crlf", msa(send(s, hr("crlf", "B-01", 66).replace("\r", "\r\n"))));
        assertEquals(List.of(65.0, 66.0), chair.heartRates());
    }

    @Test
    void noPv1IsAnsweredAeAndReachesNoChair() {
        Chair chair = chair("B-01");
        MllpSession s = new MllpSession(beds, CLOCK, "monitor");
        String noPv1 = hr("N1", "B-01", 75).replace("PV1||I|ICU^^B-01\r", "");
        byte[] ack = send(s, noPv1);
        assertEquals("MSA|AE|N1|no patient location in PV1-3: the station routes by bed", msa(ack));
        assertTrue(new String(ack, StandardCharsets.UTF_8).contains("\rERR|||101^Required field missing^HL70357|E|"));
        assertEquals("MSA|AE|N2|no chair is set to bed 'ICU^^B-09'".replace("^", "\\S\\"), msa(send(s, hr("N2", "B-09", 75))));
        assertEquals(2, s.rejectedMessages());
        assertEquals(List.of(), chair.heartRates());
    }

    @Test
    void aRoutedMessageHapiCannotParseIsAcknowledgedAndRefusedByTheChairsDecoder() {
        Chair chair = chair("B-01");
        MllpSession s = new MllpSession(beds, CLOCK, "monitor");
        String badObx2 = Hl7Samples.oru("Z1", "B-01", "OBX|1|ZZ|147842^MDC_ECG_HEART_RATE^MDC||72|||||F");
        assertEquals("MSA|AA|Z1", msa(send(s, badObx2)), "the listener routes by the header alone");
        assertEquals(0, chair.frames.size());
        assertEquals(1, chair.decoder.rejectedMessages());
        assertEquals("MSA|AA|2", msa(send(s, hr("2", "B-01", 70))), "the next message is read");
        assertEquals(List.of(70.0), chair.heartRates());
    }

    @Test
    void theListenerDoesNotParseWithHapi() {
        noClasses().that().haveSimpleName("MllpSession")
                .should().dependOnClassesThat().haveSimpleName("Hl7MessageReader")
                .orShould().dependOnClassesThat().resideInAPackage("ca.uhn.hl7v2.parser..")
                .check(new ClassFileImporter().importClasses(MllpSession.class));
    }

    // --- helpers --------------------------------------------------------------------------

    /** A chair's device on bed {@code bed}: its decoder fed the bytes the listener hands it. */
    private Chair chair(String bed) {
        Chair c = new Chair();
        assertTrue(beds.register(bed, bytes -> c.decoder.decode(ByteBuffer.wrap(bytes), c.frames::add)));
        return c;
    }

    private static final class Chair {
        final Hl7Decoder decoder = new Hl7Decoder();
        final List<DeviceFrame> frames = new ArrayList<>();

        List<Double> heartRates() {
            List<Double> out = new ArrayList<>();
            for (DeviceFrame f : frames) {
                f.measurements().stream().filter(m -> m.vital() == Vital.HR).forEach(m -> out.add(m.value()));
            }
            return out;
        }
    }

    private static String hr(String controlId, String bed, int hr) {
        return Hl7Samples.oru(controlId, bed,
                "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.5.1.1|" + hr + "|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||F");
    }

    private static byte[] send(MllpSession s, String message) {
        byte[] bytes = Hl7Ack.frame(message);
        List<byte[]> acks = s.receive(bytes, bytes.length);
        assertEquals(1, acks.size(), "one acknowledgement per message");
        return acks.get(0);
    }

    private static String msa(byte[] ack) {
        for (String segment : new String(ack, StandardCharsets.UTF_8).split("\r")) {
            if (segment.startsWith("MSA|")) {
                return segment;
            }
        }
        throw new AssertionError("no MSA in " + new String(ack, StandardCharsets.UTF_8));
    }
}
