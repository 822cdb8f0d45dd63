package org.vigil.device.protocol.ges5;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.StreamFeeder;
import org.vigil.testsupport.ResearchPack;

/**
 * Test support: the real S/5 capture, records made from it with values written in, and feeding a
 * decoder the way a serial port does.
 */
final class S5Streams {

    static final String FOLDER = "ge_datex_dash";
    static final String RECORD_FILE = "wei2374_s5_phdb_record.bin";
    static final String RESULT_FILE = "wei2374_s5_phdb_record_result.txt";
    static final String WAVE_FILE = "wei2374_s5_wave_record.bin";

    /** Offsets in the capture's record of the first (basic, displayed) subrecord's groups. */
    static final int BASIC = Dri.HEADER + Dri.PHDB_DATA;
    static final int ECG = BASIC + Dri.ECG_GROUP;
    static final int NIBP = BASIC + Dri.NIBP_GROUP;
    static final int SPO2 = BASIC + Dri.SPO2_GROUP;
    static final int CO2 = BASIC + Dri.CO2_GROUP;

    private static final Pattern HEX_BYTE = Pattern.compile("(?<![0-9A-Za-z])[0-9A-F]{2}(?![0-9A-F])");

    private S5Streams() {
    }

    static byte[] file(String name) {
        try {
            return Files.readAllBytes(ResearchPack.file(FOLDER, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The capture as it came off the wire: one framed record (1155 bytes). */
    static byte[] capture() {
        return file(RECORD_FILE);
    }

    /** The capture's record, unframed (1152 bytes, no escapes in it). */
    static byte[] captureRecord() {
        byte[] c = capture();
        return Arrays.copyOfRange(c, 1, c.length - 2);
    }

    /**
     * The hex bytes of the given 1-based lines of the capture's original text file (the author's
     * later dump, whose records are all short of their r_len: must-reject input).
     */
    static byte[] resultLines(int first, int last) {
        try {
            List<String> lines = Files.readAllLines(ResearchPack.file(FOLDER, RESULT_FILE));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = first; i <= last; i++) {
                Matcher m = HEX_BYTE.matcher(lines.get(i - 1));
                while (m.find()) {
                    out.write(Integer.parseInt(m.group(), 16));
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the capture's record with one little-endian i16 written at {@code at}. */
    static byte[] with(byte[] record, int at, int value) {
        byte[] r = record.clone();
        r[at] = (byte) value;
        r[at + 1] = (byte) (value >> 8);
        return r;
    }

    /** A copy with a u32 written at {@code at}. */
    static byte[] with32(byte[] record, int at, long value) {
        return with(with(record, at, (int) value), at + 2, (int) (value >> 16));
    }

    /**
     * The capture's record with a patient on the monitor: HR 72 from the ECG (imp. RR 14), NIBP
     * 120/80 (93), pulse 71, SpO2 97 %, PR 71, time 1000 s after the capture's.
     */
    static byte[] patientRecord(int seconds) {
        byte[] r = captureRecord();
        r = with32(r, Dri.R_TIME, 0x5FF092DCL + seconds);
        r = with32(r, ECG, 0x0B);
        r = with(r, ECG + 6, 72);
        r = with(r, ECG + 14, 14);
        r = with(r, NIBP + 6, 12000);
        r = with(r, NIBP + 8, 8000);
        r = with(r, NIBP + 10, 9300);
        r = with(r, NIBP + 12, 71);
        r = with32(r, SPO2, 0x03);
        r = with(r, SPO2 + 6, 9700);
        r = with(r, SPO2 + 8, 71);
        return r;
    }

    /** {@code 7E escaped(record + checksum) 7E}. */
    static byte[] frame(byte[] record) {
        return S5Request.frame(record);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Frames of {@code data} decoded in one call. */
    static List<DeviceFrame> decodeAll(FrameDecoder decoder, byte[] data) {
        List<DeviceFrame> frames = new ArrayList<>();
        decoder.decode(ByteBuffer.wrap(data), frames::add);
        return frames;
    }

    /** Frames of {@code data} fed in chunks ending at {@code ends}, as a connection does. */
    static List<DeviceFrame> feed(FrameDecoder decoder, byte[] data, int[] ends) {
        return new StreamFeeder(decoder).feedChunks(data, ends).frames();
    }
}
