package org.vigil.device.protocol.intellivue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.intellivue.Messages.EventReport;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * The real bytes of the research pack: the MX800's connect indication (a LAN datagram, so also
 * framed here the way the RS-232 port would carry it), the faulty real RS-232 frame, and one poll
 * result written out by hand from the Programming Guide's layout.
 */
class IntellivueDecoderGoldenTest {

    @Test
    void theMx800ConnectIndicationNamesTheMonitor() {
        byte[] payload = IntellivueStreams.pack("koshsky_mx800_connect_indication_udp_payload.bin");
        EventReport report = assertInstanceOf(EventReport.class, MessageParser.parse(payload));
        assertEquals(Nomenclature.NOM_NOTI_MDS_CONNECT_INDIC, report.eventType());
        assertFalse(report.confirmed());
        assertEquals("Philips", report.info().manufacturer());
        assertEquals("866062", report.info().model());
        assertEquals("DE351A4061", report.info().serial());
        assertEquals("L.01.18", report.info().software());
        assertEquals("0009FBFFFF88C1BD", report.info().systemId(), "System-Id: the EUI-64 built from the MAC 00:09:fb:88:c1:bd");
        assertNull(report.info().time());
    }

    @Test
    void theConnectIndicationFramedDecodesToTheMonitorsIdentity() {
        byte[] payload = IntellivueStreams.pack("koshsky_mx800_connect_indication_udp_payload.bin");
        List<DeviceFrame> frames = IntellivueStreams.decodeAll(SerialFraming.frame(payload));
        assertEquals(1, frames.size());
        DeviceFrame f = frames.get(0);
        assertTrue(f.measurements().isEmpty());
        assertEquals("connect_indication", f.attributes().get("event"));
        assertEquals(java.util.Optional.of(new org.vigil.domain.DeviceIdentity("Philips", "866062", "DE351A4061", "L.01.18",
                "0009FBFFFF88C1BD")), f.identity(), "System-Model, Production-Specification and System-Id of the MX800");
    }

    @Test
    void theUdpPayloadIsTheTailOfTheEthernetFrame() {
        byte[] frame = IntellivueStreams.pack("koshsky_mx800_connect_indication_ethernet_frame.bin");
        byte[] payload = IntellivueStreams.pack("koshsky_mx800_connect_indication_udp_payload.bin");
        assertEquals(460, frame.length);
        assertEquals(ByteBuffer.wrap(frame, frame.length - payload.length, payload.length), ByteBuffer.wrap(payload));
    }

    @Test
    void theFaultyRealFrameGivesNoFrameAndCountsEveryByte() {
        byte[] faulty = IntellivueStreams.pack("mindleaving_mx_frame_patient_demographics_faulty.bin");
        IntellivueDecoder decoder = new IntellivueDecoder();
        List<DeviceFrame> frames = new ArrayList<>();
        decoder.decode(ByteBuffer.wrap(faulty), frames::add);
        assertTrue(frames.isEmpty());
        assertEquals(faulty.length, decoder.discardedBytes());
    }

    @Test
    void theFaultyFramesPayloadWithItsTrueLengthAndFcsIsAPatientDemographicsResult() {
        byte[] faulty = IntellivueStreams.pack("mindleaving_mx_frame_patient_demographics_faulty.bin");
        byte[] userData = java.util.Arrays.copyOfRange(faulty, 5, faulty.length - 3);
        Messages.Message m = MessageParser.parse(userData);
        // the payload announces more than it holds: it cannot be read as a poll result either
        assertInstanceOf(Messages.Unknown.class, m);
    }

    /** A single-poll result, laid out by hand: HR 72 valid, SpO2 NaN with state INVALID. */
    private static final String HAND_MADE_POLL_RESULT = ""
            + "E1 00 00 02 "                  // SPpdu
            + "00 02 00 56 "                  // RORS, 86 bytes
            + "00 07 00 07 00 50 "            // invoke 7, confirmed action, 80 bytes
            + "00 21 00 00 00 00 "            // MDS
            + "0C 16 00 46 "                  // NOM_ACT_POLL_MDIB_DATA, 70 bytes
            + "00 09 00 00 1F 40 "            // poll 9, relative time 8000
            + "20 26 03 14 09 26 53 00 "      // absolute time 2026-03-14 09:26:53
            + "00 01 00 06 08 03 "            // NU objects, value-observation group
            + "00 01 00 2E "                  // 1 context, 46 bytes
            + "00 00 00 02 00 28 "            // context 0, 2 objects, 40 bytes
            + "00 11 00 01 00 0E 09 50 00 0A 41 82 00 00 0A A0 00 00 00 48 "
            + "00 12 00 01 00 0E 09 50 00 0A 4B B8 80 00 02 20 00 7F FF FF";

    @Test
    void aHandMadePollResultDecodes() {
        byte[] userData = HexFormat.ofDelimiter(" ").parseHex(HAND_MADE_POLL_RESULT.trim());
        List<DeviceFrame> frames = IntellivueStreams.decodeAll(SerialFraming.frame(userData));
        assertEquals(1, frames.size());
        DeviceFrame f = frames.get(0);
        assertEquals(List.of(Measurement.of(Vital.HR, 72), Measurement.absent(Vital.SPO2, Set.of())), f.measurements());
        assertTrue(f.measurements().get(1).flags().contains(ReadingFlag.INVALID));
        assertEquals("2026-03-14T09:26:53", f.attributes().get("device_time"));
        assertEquals("MDC_ECG_HEART_RATE", f.attributes().get("hr_mdc"));
        assertEquals("147842", f.attributes().get("hr_mdc_code"));
        assertEquals("0x8000", f.attributes().get("spo2_state"));
    }
}
