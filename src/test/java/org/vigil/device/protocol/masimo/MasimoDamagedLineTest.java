package org.vigil.device.protocol.masimo;

import org.vigil.device.protocol.StreamFeeder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.Vital;

/**
 * A line that lost a byte or was cut short yields the values the device sent, or none; never a
 * shorter number ({@code SPO2=09} out of {@code SPO2=098%} once latched a desaturation alarm).
 * Every single dropped byte and every cut of every sample line is tried, each followed by an
 * intact line so that the damaged one ends at a terminator as it does on a live link.
 */
class MasimoDamagedLineTest {

    private static final List<String> LINES = List.of(
            SampleLines.rad8(1, 98, 97, "03.60"),
            SampleLines.rad8(2, 100, 240, "20.00"),
            SampleLines.rad8(3, 62, 38, "00.35"),
            "03/04/24 10:00:04 SPO2=095% BPM=080 PI=02.00% ALARM=20 EXC=800",
            "03/17/16 19:19:36 SN=---------- SPO2=098% BPM=123 PI=00.55 SPCO=--% SPMET=--.-% SPHB=--.- SPOC=--"
                    + " RESVD=--- DESAT=-- PIDELTA=+-- PVI=--- ALARM=000000 EXC=0000C00 EXC1=00000000",
            "09/21/08 09:56:12 SpO2=097 PR=069 PI=04.69 EXC=800:SET");

    private static final String NEXT = SampleLines.rad8(9, 91, 66, "01.11");

    @Test
    void aDroppedByteNeverChangesAValue() {
        int variants = 0;
        int frames = 0;
        for (String line : LINES) {
            Map<Vital, Double> original = values(decode(line).get(0));
            for (int i = 0; i < line.length(); i++) {
                String damaged = line.substring(0, i) + line.substring(i + 1);
                frames += checkOnly(damaged, original);
                variants++;
            }
        }
        assertTrue(variants > 500, "every byte of every line was dropped once: " + variants);
        assertTrue(frames > 0, "damage outside the numeric fields still yields frames");
    }

    @Test
    void aLineCutShortNeverYieldsAShorterNumber() {
        int variants = 0;
        for (String line : LINES) {
            Map<Vital, Double> original = values(decode(line).get(0));
            for (int cut = 1; cut < line.length(); cut++) {
                checkOnly(line.substring(0, cut), original);
                variants++;
            }
        }
        assertTrue(variants > 500, "every cut was tried: " + variants);
    }

    @Test
    void theCutThatOnceLatchedADesaturationGivesNoSpo2() {
        String line = SampleLines.rad8(1, 98, 97, "03.60");
        String cut = line.substring(0, line.indexOf("SPO2=098") + "SPO2=09".length());
        assertTrue(cut.endsWith(" SPO2=09"), cut);
        List<DeviceFrame> frames = decode(cut + "\r\n" + NEXT);
        assertEquals(1, frames.size(), "only the intact line is a frame: " + frames);
        assertEquals(91.0, values(frames.get(0)).get(Vital.SPO2));
    }

    /** Decodes {@code damaged} then an intact line; returns how many frames the damaged line gave. */
    private static int checkOnly(String damaged, Map<Vital, Double> original) {
        List<DeviceFrame> frames = decode(damaged + "\r\n" + NEXT);
        assertTrue(!frames.isEmpty(), "the intact line after the damaged one still decodes: " + damaged);
        assertEquals(values(decode(NEXT).get(0)), values(frames.get(frames.size() - 1)), damaged);
        for (int f = 0; f < frames.size() - 1; f++) {
            values(frames.get(f)).forEach((vital, value) -> assertEquals(original.get(vital), value,
                    () -> vital + " from damaged line '" + damaged + "'"));
        }
        return frames.size() - 1;
    }

    private static List<DeviceFrame> decode(String text) {
        StreamFeeder feeder = new StreamFeeder(new MasimoDecoder());
        byte[] b = SampleLines.ascii(text.endsWith("\n") ? text : text + "\r\n");
        feeder.feed(b, 0, b.length);
        return new ArrayList<>(feeder.frames());
    }

    /** The values present in a frame (absent ones left out). */
    private static Map<Vital, Double> values(DeviceFrame f) {
        Map<Vital, Double> out = new java.util.EnumMap<>(Vital.class);
        for (Measurement m : f.measurements()) {
            if (m.hasValue()) {
                out.put(m.vital(), m.value());
            }
        }
        return out;
    }
}
