package org.vigil.device.protocol.ges5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.device.protocol.ges5.S5Streams.concat;
import static org.vigil.device.protocol.ges5.S5Streams.decodeAll;
import static org.vigil.device.protocol.ges5.S5Streams.frame;
import static org.vigil.device.protocol.ges5.S5Streams.patientRecord;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;

/**
 * S/5 framing beyond the shared contract ({@link S5DecoderContractTest}): escapes, flags in
 * garbage, corruption caught by the checksum and the length, the bound, bad escapes.
 */
class S5DecoderFramingTest {

    /** Two records whose values need escaping (HR 126 = 0x7E, SpO2 0x7D7D) around the real one. */
    private static byte[] stream() {
        byte[] escaped = S5Streams.with(S5Streams.with(patientRecord(10), S5Streams.ECG + 6, 0x7E),
                S5Streams.SPO2 + 6, 0x7D7D);
        return concat(frame(patientRecord(0)), S5Streams.capture(), frame(escaped));
    }

    private final byte[] stream = stream();
    private final List<DeviceFrame> reference = decodeAll(new S5Decoder(), stream);

    @Test
    void referenceHasThreeFramesAndNothingDiscarded() {
        S5Decoder decoder = new S5Decoder();
        ByteBuffer buf = ByteBuffer.wrap(stream);
        decoder.decode(buf, f -> { });
        assertEquals(3, reference.size());
        assertEquals(stream.length, buf.position());
        assertEquals(0, decoder.discardedBytes());
        assertEquals(126.0, reference.get(2).measurements().get(0).value(), "7D 5E unescaped to 0x7E");
    }

    @Test
    void partialFrameStaysInTheBufferAtItsFlag() {
        byte[] data = concat(new byte[] {1, 2, 3}, Arrays.copyOf(frame(patientRecord(0)), 500));
        S5Decoder decoder = new S5Decoder();
        ByteBuffer buf = ByteBuffer.wrap(data);
        List<DeviceFrame> frames = new ArrayList<>();

        decoder.decode(buf, frames::add);

        assertEquals(List.of(), frames);
        assertEquals(3, buf.position());
        assertEquals(3, decoder.discardedBytes());
    }

    @Test
    void flagsInGarbageCostAtMostTheGarbageAndTheNextFrameSurvives() {
        byte[] data = concat(new byte[] {0x7E, 9, 9, 0x7E, 0x7E, 0x7E}, frame(patientRecord(0)));
        S5Decoder decoder = new S5Decoder();

        List<DeviceFrame> frames = decodeAll(decoder, data);

        assertEquals(decodeAll(new S5Decoder(), frame(patientRecord(0))), frames);
        assertEquals(6, decoder.discardedBytes());
    }

    @Test
    void everySingleByteCorruptionIsRejectedAndTheNextFrameDecoded() {
        byte[] first = frame(patientRecord(0));
        byte[] second = frame(patientRecord(5));
        List<DeviceFrame> expected = decodeAll(new S5Decoder(), second);
        for (int at = 1; at < first.length - 1; at++) {
            byte[] bad = first.clone();
            bad[at] ^= 0x01;
            List<DeviceFrame> frames = decodeAll(new S5Decoder(), concat(bad, second));
            assertEquals(expected, frames, "bit flipped at " + at);
        }
    }

    @Test
    void droppedByteRejectsTheRecord() {
        byte[] good = frame(patientRecord(0));
        for (int at = 1; at < good.length - 1; at += 7) {
            byte[] bad = concat(Arrays.copyOf(good, at), Arrays.copyOfRange(good, at + 1, good.length));
            S5Decoder decoder = new S5Decoder();
            assertEquals(List.of(), decodeAll(decoder, bad), "byte " + at + " dropped");
            assertEquals(bad.length - 1, decoder.discardedBytes(), "all but the closing flag, byte " + at);
        }
    }

    @Test
    void frameWithoutAClosingFlagWithinTheBoundIsDiscarded() {
        S5Decoder decoder = new S5Decoder();
        byte[] endless = new byte[decoder.maxFrameLength() + 100];
        endless[0] = 0x7E;
        Arrays.fill(endless, 1, endless.length, (byte) 0x11);
        byte[] data = concat(endless, frame(patientRecord(0)));

        List<DeviceFrame> frames = new StreamFeeder(decoder).feed(data).frames();

        assertEquals(1, frames.size());
        assertEquals(endless.length, decoder.discardedBytes());
        assertEquals(2984, decoder.maxFrameLength());
    }

    @Test
    void recordOfTheLargestSizeWithEveryByteEscapedFitsTheBound() {
        byte[] record = new byte[Dri.MAX_RECORD];
        Arrays.fill(record, (byte) 0x7E);
        record[Dri.R_LEN] = (byte) Dri.MAX_RECORD;
        record[Dri.R_LEN + 1] = (byte) (Dri.MAX_RECORD >> 8);
        record[Dri.R_MAINTYPE] = 1;
        record[Dri.R_MAINTYPE + 1] = 0;
        byte[] framed = frame(record);
        S5Decoder decoder = new S5Decoder();

        new StreamFeeder(decoder).feed(framed);

        assertTrue(framed.length <= decoder.maxFrameLength(), framed.length + " bytes");
        assertEquals(0, decoder.discardedBytes(), "a valid (waveform-type) record of the largest size");
    }

    @Test
    void recordLongerThanTheLargestIsRejected() {
        byte[] record = new byte[Dri.MAX_RECORD + 1];
        record[Dri.R_LEN] = (byte) record.length;
        record[Dri.R_LEN + 1] = (byte) (record.length >> 8);
        record[Dri.R_MAINTYPE] = 1;
        S5Decoder decoder = new S5Decoder();

        decodeAll(decoder, frame(record));

        assertEquals(frame(record).length - 1, decoder.discardedBytes());
    }

    @Test
    void subrecordPointingOutsideTheRecordRejectsIt() {
        byte[] record = S5Streams.with(patientRecord(0), Dri.SR_DESC + 3 * Dri.SR_DESC_SIZE, 1152 - 40 - 277);
        S5Decoder decoder = new S5Decoder();

        assertEquals(List.of(), decodeAll(decoder, frame(record)));
        assertTrue(decoder.discardedBytes() > 1000);
    }

    @Test
    void invalidEscapeRejectsTheFrame() {
        byte[] good = frame(patientRecord(0));
        byte[] bad = concat(Arrays.copyOf(good, 30), new byte[] {0x7D, 0x41}, Arrays.copyOfRange(good, 31, good.length));
        S5Decoder decoder = new S5Decoder();

        assertEquals(List.of(), decodeAll(decoder, bad));
        assertEquals(bad.length - 1, decoder.discardedBytes());
    }
}
