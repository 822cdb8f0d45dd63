package org.vigil.device.protocol.nonin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;
import org.vigil.domain.Measurement;
import org.vigil.domain.Vital;
import org.vigil.domain.WaveSegment;
import org.vigil.testsupport.ResearchPack;

/**
 * The Data-Format-2 packet of the research pack (a hand-built OEM III test vector: HR 72, SpO2 97,
 * revision 0x30) and the negative vectors of the same test file, ported as cases.
 */
class NoninDecoderCaptureTest {

    private static byte[] capture() throws IOException {
        return Files.readAllBytes(ResearchPack.file("nonin", "pufferfish_oem3_df2_packet_125B.bin"));
    }

    @Test
    void thePacketDecodesToPulseRateSpo2AndTwentyFivePlethSamples() throws IOException {
        NoninDecoder decoder = new NoninDecoder(NoninFormat.DF2);
        List<DeviceFrame> frames = StreamFeeder.decodeAll(decoder, capture());

        assertEquals(1, frames.size());
        DeviceFrame f = frames.get(0);
        assertEquals(List.of(Measurement.of(Vital.PR, 72), Measurement.of(Vital.SPO2, 97)), f.measurements());
        assertTrue(f.flags().isEmpty());
        assertEquals(WaveSegment.pleth(75, Collections.nCopies(25, 1).stream().mapToInt(Integer::intValue).toArray(), 0, 255),
                f.wave());
        assertEquals(Map.of("software", "48",
                "pr_display", "72", "spo2_display", "97"), f.attributes());
        assertEquals(java.util.Optional.of(new org.vigil.domain.DeviceIdentity("", "", "", "48", "")), f.identity(),
                "SREV 0x30 is the oximeter's software revision, its only identity");
        assertEquals(0, decoder.discardedBytes());
    }

    @Test
    void thePacketGivesTheSameFrameSplitAtEveryIndex() throws IOException {
        byte[] data = NoninBytes.concat(capture(), capture());
        List<DeviceFrame> whole = StreamFeeder.decodeAll(new NoninDecoder(), data);
        assertEquals(2, whole.size());
        for (int split = 0; split <= data.length; split++) {
            assertEquals(whole, new StreamFeeder(new NoninDecoder()).feedChunks(data, new int[] {split, data.length}).frames(), "split at " + split);
        }
        assertEquals(whole, new StreamFeeder(new NoninDecoder()).feedByteByByte(data).frames());
    }

    @Test
    void aPartialPacketStaysInTheBufferUntouched() throws IOException {
        byte[] partial = Arrays.copyOf(capture(), 124);
        NoninDecoder decoder = new NoninDecoder();
        ByteBuffer buf = ByteBuffer.wrap(partial);

        decoder.decode(buf, f -> { throw new AssertionError("no frame expected"); });

        assertEquals(0, buf.position());
        assertEquals(0, decoder.discardedBytes());
    }

    @Test
    void fourBytesOfAFirstFrameWait() {
        NoninDecoder decoder = new NoninDecoder();
        ByteBuffer buf = ByteBuffer.wrap(NoninBytes.hex("01 81 00 00"));
        decoder.decode(buf, f -> { throw new AssertionError("no frame expected"); });
        assertEquals(0, buf.position());
    }

    @Test
    void aBadChecksumInTheSecondFrameRejectsThePacketAndTheNextOneDecodes() throws IOException {
        assertSecondFrameRejected("01 80 01 48 CB");
    }

    @Test
    void aStatusByteWithoutBitSevenRejectsThePacketAndTheNextOneDecodes() throws IOException {
        assertSecondFrameRejected("01 7F 01 48 CA");
    }

    private void assertSecondFrameRejected(String badFrame) throws IOException {
        byte[] broken = capture();
        System.arraycopy(NoninBytes.hex(badFrame), 0, broken, 5, 5);
        NoninDecoder decoder = new NoninDecoder();

        List<DeviceFrame> frames = StreamFeeder.decodeAll(decoder, NoninBytes.concat(broken, capture()));

        assertEquals(1, frames.size());
        assertEquals(72.0, frames.get(0).measurements().get(0).value());
        assertEquals(125, decoder.discardedBytes());
    }

    @Test
    void aPacketThatLostFramesIsDroppedAndTheNextPacketDecodes() throws IOException {
        // 23 frames of a packet, then the next packet's first frame (SYNC) and the rest of it
        byte[] lost = Arrays.copyOf(capture(), 23 * 5);
        NoninDecoder decoder = new NoninDecoder();

        List<DeviceFrame> frames = StreamFeeder.decodeAll(decoder, NoninBytes.concat(lost, capture()));

        assertEquals(1, frames.size());
        assertEquals(115, decoder.discardedBytes());
    }

    @Test
    void theSensorAlarmOutOfTrackFrameOfThePythonFixtureFlagsThePacket() {
        // 01 98 63 00 FC: status 0x98 = bit 7 + OOT + SNSA, pleth 0x63; frame 1 adds SYNC
        byte[] frame = NoninBytes.hex("01 98 63 00 FC");
        byte[] packet = new byte[125];
        System.arraycopy(NoninBytes.hex("01 99 63 00 FD"), 0, packet, 0, 5);
        for (int k = 1; k < 25; k++) {
            System.arraycopy(frame, 0, packet, 5 * k, 5);
        }
        List<DeviceFrame> frames = StreamFeeder.decodeAll(new NoninDecoder(), packet);

        assertEquals(1, frames.size());
        DeviceFrame f = frames.get(0);
        assertTrue(f.flags().contains(org.vigil.domain.ReadingFlag.SENSOR_OFF));
        assertTrue(f.flags().contains(org.vigil.domain.ReadingFlag.PULSE_SEARCH));
        assertFalse(f.attributes().containsKey("perfusion"));
    }
}
