package org.vigil.device.protocol.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigil.device.protocol.hl7.Hl7Streams.capture;
import static org.vigil.device.protocol.hl7.Hl7Streams.decodeAll;
import static org.vigil.device.protocol.hl7.Hl7Streams.decodeFile;
import static org.vigil.device.protocol.hl7.Hl7Streams.describe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.Optional;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.DeviceIdentity;

/**
 * The real messages of the research pack (a gateway's PCD-01, a GE B40 manual's OBX block, two
 * monitors' messages of unresolved provenance, read here and never copied), plain as in the files
 * and MLLP-framed as on the wire, whole, split at every point and byte by byte.
 */
class Hl7DecoderCaptureTest {

    @Test
    void gatewayBloodPressureDecodesAndTheAckInTheSameFileIsRefused() {
        Hl7Decoder decoder = new Hl7Decoder();
        List<DeviceFrame> frames = decodeFile(decoder, capture(Hl7Streams.LINKWATCH));

        assertEquals(1, frames.size());
        assertEquals("""
                nibp_sys=125
                nibp_dia=80
                control_id: 323031363131323330373031333638393930313030
                device_time: 2017-05-03T12:00:00+02:00
                eui64: 5C313EFFFE020E12
                message_time: 2017-05-03T12:00:00+02:00
                model: LinkWatchAndroid
                nibp_pulse: 66
                nibp_time: 2017-05-03T12:00:00+02:00
                sending_application: LinkWatchAndroid
                """, describe(frames.get(0)));
        assertEquals(Optional.of(new DeviceIdentity("", "LinkWatchAndroid", "", "", "5C313EFFFE020E12")), frames.get(0).identity(),
                "the cuff's EUI-64 from the OBX-18 of its device row (MDC_DEV_SPEC_PROFILE_BP), the gateway's name from MSH-3");
        assertEquals(1, decoder.rejectedMessages(), "the ACK^R01 printed below the message is not an observation");
    }

    @Test
    void geB40ObxBlockKeepsHeartRateAndRecordsInvasivePressuresWithoutAlarmingThem() {
        String obx = String.join("\r", Hl7Streams.obxLines(capture(Hl7Streams.GE_B40)));
        String message = Hl7Samples.oru("B40-1", "B-01").replace("OBR|", "OBR|") + obx + "\r";

        List<DeviceFrame> frames = decodeAll(new Hl7Decoder(), Hl7Streams.mllp(message));

        assertEquals(1, frames.size());
        assertEquals("""
                hr=80
                bed: ICU^^B-01
                control_id: B40-1
                device_time: 2026-01-01T12:00:00+01:00
                eui64: 080019FFFE0B4020
                message_time: 2026-01-01T12:00:00+01:00
                model: TEST_MON
                obx.MDC.148066@1.5.1.2: 0 MDC_DIM_BEAT_PER_MIN
                obx.MDC.149522@1.13.1.4: 80 MDC_DIM_BEAT_PER_MIN
                obx.MDC.150033@1.13.1.1: 112 MDC_DIM_MMHG
                obx.MDC.150034@1.13.1.2: 76 MDC_DIM_MMHG
                obx.MDC.150035@1.13.1.3: 95 MDC_DIM_MMHG
                sending_application: TEST_MON
                sending_facility: 0123456789ABCDEF
                """, describe(frames.get(0)));
        assertEquals("080019FFFE0B4020", frames.get(0).identity().orElseThrow().eui64(),
                "the B40's OBX-18 080019FFFE0B4020^B40_GE is its EUI-64");
    }

    @Test
    void monitorsOfUnresolvedProvenanceDecodeWithSentinelsDuplicatesAndAWrongCode() {
        Hl7Decoder decoder = new Hl7Decoder();
        List<DeviceFrame> frames = decodeFile(decoder, capture(Hl7Streams.UNVERIFIED));

        assertEquals(2, frames.size());
        assertEquals("""
                pr=59
                spo2=97
                rr=20
                nibp_sys=120
                nibp_dia=80
                nibp_mean=90
                bed: ^^10
                control_id: 202506100151270003
                device_time: 2025-06-10T01:51:27+08:00
                message_time: 2025-06-10T01:51:27+08:00
                model: NC_Monitor
                nibp_time: 2025-06-10T01:51:27+08:00
                obx.99COMEN.2453@1.1.9.2453: 2821^COMEN_POS_SITTING^99COMEN
                obx.MDC.150456@1.3.2.150456: 97 MDC_DIM_PERCENT
                obx.MDC.150468@1.3.2.150468: 0 MDC_DIM_PERCENT
                obx.MDC.160324@1.3.1.160324: 3.56 MDC_DIM_PERCENT
                sending_application: NC_Monitor
                sending_facility: KC261551373G
                temperature: 37
                """, describe(frames.get(0)), "Comen: second SpO2 channel kept aside, empty height/weight skipped");
        assertEquals("""
                pr= [invalid]
                spo2= [invalid]
                nibp_sys=142
                nibp_dia=100
                nibp_mean=114
                control_id: 1362
                device_time: 2025-06-12T09:33:19
                message_time: 2025-06-12T09:08:38
                model: northern
                nibp_time: 2025-06-12T09:33:19
                obx.MDC.150344@1.2.2.150344: 384.5 MDC_DIM_DEGC
                sending_application: northern
                sending_facility: patient monitor^
                temperature: 38.5
                """, describe(frames.get(1)), "-100 is no value; 150031^MDC_PRESS_CUFF_SYS read by its reference id; set ids 3 and 4 twice");
        assertEquals(Optional.of(new DeviceIdentity("", "NC_Monitor", "", "", "")), frames.get(0).identity(),
                "no OBX-18: the sending application is all the Comen message says (MSH-4 is the facility, not read as a serial)");
        assertEquals(0, decoder.rejectedMessages());
    }

    @Test
    void plainWithCrLfOrCrLfAndMllpFramedGiveTheSameFrames() {
        for (String file : List.of(Hl7Streams.LINKWATCH, Hl7Streams.UNVERIFIED)) {
            List<String> messages = Hl7Streams.messages(capture(file));
            List<DeviceFrame> expected = decodeFile(new Hl7Decoder(), capture(file));
            for (String eol : List.of("\r", "\n", "\r\n")) {
                String plain = String.join("", messages).replace("\r", eol);
                assertEquals(expected, decodeFile(new Hl7Decoder(), plain.getBytes(StandardCharsets.UTF_8)), file + " " + eol.length());
            }
            assertEquals(expected, decodeAll(new Hl7Decoder(), mllpStream(messages)), file + " MLLP");
        }
    }

    @Test
    void splitPointsAndByteByByteGiveTheSameFrames() {
        // every split point is checked on the framing alone (MllpFramerTest); here every 61st,
        // each one parsing the messages again
        byte[] stream = mllpStream(allMessages());
        Hl7Decoder whole = new Hl7Decoder();
        List<DeviceFrame> expected = decodeAll(whole, stream);
        assertEquals(4, expected.size());
        for (int split = 0; split <= stream.length; split += 61) {
            Hl7Decoder decoder = new Hl7Decoder();
            assertEquals(expected, Hl7Streams.feed(decoder, stream, new int[] {split, stream.length}), "split at " + split);
            assertEquals(whole.discardedBytes(), decoder.discardedBytes(), "discarded, split at " + split);
        }
        assertEquals(expected, Hl7Streams.decodeByteByByte(new Hl7Decoder(), stream));
    }

    @Test
    void aStreamJoinedInTheMiddleOfAMessageLosesOnlyThatMessage() {
        byte[] stream = mllpStream(allMessages());
        List<DeviceFrame> all = decodeAll(new Hl7Decoder(), stream);
        int firstEnd = Hl7Streams.mllp(allMessages().get(0)).length;
        for (int from = 1; from < firstEnd; from += 37) {
            List<DeviceFrame> frames = decodeAll(new Hl7Decoder(), Arrays.copyOfRange(stream, from, stream.length));
            assertEquals(all.subList(1, all.size()), frames, "joined at byte " + from);
        }
    }

    private static List<String> allMessages() {
        List<String> m = new ArrayList<>(Hl7Streams.messages(capture(Hl7Streams.UNVERIFIED)));
        m.add(Hl7Samples.typical("T-1", "B-01"));
        m.add(Hl7Streams.messages(capture(Hl7Streams.LINKWATCH)).get(0));
        return m;
    }

    private static byte[] mllpStream(List<String> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String m : messages) {
            out.writeBytes(Hl7Streams.mllp(m));
        }
        return out.toByteArray();
    }
}
