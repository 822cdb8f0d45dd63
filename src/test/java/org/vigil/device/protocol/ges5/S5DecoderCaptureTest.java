package org.vigil.device.protocol.ges5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.device.protocol.ges5.S5Streams.capture;
import static org.vigil.device.protocol.ges5.S5Streams.concat;
import static org.vigil.device.protocol.ges5.S5Streams.decodeAll;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.Vital;

/** The real records of a GE CARESCAPE monitor's Computer Interface (research pack {@code ge_datex_dash}). */
class S5DecoderCaptureTest {

    @Test
    void allInvalidRecordDecodesToOneFrameWithNoValues() {
        byte[] data = capture();
        S5Decoder decoder = new S5Decoder();
        ByteBuffer buf = ByteBuffer.wrap(data);
        List<DeviceFrame> frames = new ArrayList<>();

        decoder.decode(buf, frames::add);

        assertEquals(1155, data.length);
        assertEquals(1, frames.size());
        assertEquals(data.length, buf.position(), "the whole record consumed");
        assertEquals(0, decoder.discardedBytes());
        DeviceFrame f = frames.get(0);
        List<Vital> vitals = List.of(Vital.HR, Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN, Vital.SPO2, Vital.PR);
        assertEquals(vitals.stream().map(v -> Measurement.absent(v, Set.of())).toList(), f.measurements(),
                "ECG (status 0x4B), NIBP (0x03) and SpO2 (0x01) modules exist; every value is DATA_INVALID");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("device_time", "2021-01-02T15:35:56Z");
        expected.put("hr_source", "source_9");
        for (Vital v : vitals) {
            expected.put(v.key() + "_no_value", "invalid");
        }
        assertEquals(expected, f.attributes());
        assertEquals(Set.of(), f.flags());
        assertTrue(f.identity().isEmpty(), "the Computer Interface's records name no model, serial or software");
    }

    @Test
    void recordCutAtTheStartOfACaptureIsSkipped() {
        byte[] record = capture();
        List<DeviceFrame> whole = decodeAll(new S5Decoder(), record);
        for (int cut = 1; cut < record.length; cut++) {
            byte[] data = concat(Arrays.copyOfRange(record, cut, record.length), record);
            S5Decoder decoder = new S5Decoder();

            List<DeviceFrame> frames = decodeAll(decoder, data);

            assertEquals(whole, frames, "capture starting at byte " + cut);
            assertEquals(record.length - cut, decoder.discardedBytes(), "the cut part is counted, cut " + cut);
        }
    }

    @Test
    void recordsShortOfTheirLengthInTheAuthorsLaterDumpAreAllRejected() {
        for (int[] lines : new int[][] {{14, 14}, {17, 26}}) {
            byte[] dump = S5Streams.resultLines(lines[0], lines[1]);
            S5Decoder decoder = new S5Decoder();
            ByteBuffer buf = ByteBuffer.wrap(dump);
            List<DeviceFrame> frames = new ArrayList<>();

            decoder.decode(buf, frames::add);

            String where = "lines " + lines[0] + "-" + lines[1] + " (" + dump.length + " bytes)";
            assertTrue(dump.length > 30_000, where);
            assertEquals(List.of(), frames, where);
            assertEquals(buf.position(), decoder.discardedBytes(), where + ": everything consumed is counted");
            assertTrue(buf.remaining() < decoder.maxFrameLength(), where);
        }
    }

    @Test
    void truncatedWaveformRecordIsRejectedAndTheNextRecordDecoded() {
        byte[] wave = S5Streams.file(S5Streams.WAVE_FILE);
        byte[] record = capture();
        S5Decoder decoder = new S5Decoder();

        List<DeviceFrame> frames = decodeAll(decoder, concat(wave, record));

        assertEquals(decodeAll(new S5Decoder(), record), frames);
        assertEquals(wave.length, decoder.discardedBytes());
    }

    @Test
    void waveformRecordWithBothEscapesIsUnescapedAndConsumedWithoutAFrame() {
        byte[] wave = S5Streams.file(S5Streams.WAVE_FILE);
        S5Record original = S5Record.parse(ByteBuffer.wrap(wave), 1, wave.length - 1);
        assertEquals(null, original, "as published its r_len and checksum do not match");
        byte[] record = unescapedWithoutChecksum(wave);
        record = S5Streams.with(record, Dri.R_LEN, record.length);
        byte[] framed = S5Streams.frame(record);
        assertTrue(indexOf(framed, 0x7D, 0x5E) > 0 && indexOf(framed, 0x7D, 0x5D) > 0, "both escapes present");
        S5Decoder decoder = new S5Decoder();
        ByteBuffer buf = ByteBuffer.wrap(concat(framed, capture()));
        List<DeviceFrame> frames = new ArrayList<>();

        decoder.decode(buf, frames::add);

        assertEquals(1, frames.size(), "the waveform record gives no frame, the PHDB record one");
        assertEquals(0, decoder.discardedBytes(), "a valid waveform record is not garbage");
        assertEquals(1, S5Record.parse(ByteBuffer.wrap(framed), 1, framed.length - 1).mainType());
    }

    /** The published waveform bytes between the flags, unescaped, minus the last (checksum) byte. */
    private static byte[] unescapedWithoutChecksum(byte[] framed) {
        byte[] out = new byte[framed.length];
        int n = 0;
        for (int i = 1; i < framed.length - 1; i++) {
            int b = framed[i] & 0xFF;
            if (b == 0x7D) {
                b = (framed[++i] & 0xFF) | 0x20;
            }
            out[n++] = (byte) b;
        }
        return Arrays.copyOf(out, n - 1);
    }

    private static int indexOf(byte[] data, int a, int b) {
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == a && (data[i + 1] & 0xFF) == b) {
                return i;
            }
        }
        return -1;
    }
}
