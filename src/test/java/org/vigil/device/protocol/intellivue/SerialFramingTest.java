package org.vigil.device.protocol.intellivue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FCS-16, escaping and frame checks, against the published vectors and the faulty real frame. */
class SerialFramingTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    /** The vector lines of the research pack's file: {@code payload -> on-wire frame}. */
    private static List<String[]> vectors() {
        String text = new String(IntellivueStreams.pack("mdpnp_fcs_test_vectors.txt"), StandardCharsets.US_ASCII);
        List<String[]> vectors = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] sides = line.split("->");
            String wire = sides[1].trim().split("\\s{2,}")[0].trim();
            vectors.add(new String[] {sides[0].trim(), wire});
        }
        return vectors;
    }

    @Test
    void fcsAndEscapingMatchThePublishedVectors() {
        List<String[]> vectors = vectors();
        assertEquals(2, vectors.size());
        for (String[] v : vectors) {
            byte[] body = HEX.parseHex(v[0]);
            byte[] wire = HEX.parseHex(v[1]);
            byte[] framed = frameRaw(body);
            assertArrayEquals(wire, framed, v[0]);
        }
    }

    @Test
    void fcsOfTheVectorsIsTheStoredValue() {
        assertEquals(0x269B, Fcs16.of(new byte[] {0x3A, 0x71}, 0, 2));
        assertEquals(0xC195, Fcs16.of(new byte[] {0x3A, (byte) 0x91}, 0, 2));
    }

    @Test
    void theFaultyRealFrameIsRejectedWholly() {
        byte[] faulty = IntellivueStreams.pack("mindleaving_mx_frame_patient_demographics_faulty.bin");
        assertEquals(292, faulty.length);
        SerialFraming framing = new SerialFraming();
        List<byte[]> out = new ArrayList<>();
        framing.read(ByteBuffer.wrap(faulty), out::add);
        assertTrue(out.isEmpty());
        assertEquals(292, framing.discardedBytes());
    }

    @Test
    void theFaultyFrameIsFaultyForBothReasonsTheAuthorGave() {
        byte[] faulty = IntellivueStreams.pack("mindleaving_mx_frame_patient_demographics_faulty.bin");
        int declared = ((faulty[3] & 0xFF) << 8) | (faulty[4] & 0xFF);
        int present = faulty.length - 1 - 4 - 2 - 1;
        assertEquals(292, declared);
        assertEquals(284, present);
        int stored = (faulty[faulty.length - 3] & 0xFF) | ((faulty[faulty.length - 2] & 0xFF) << 8);
        assertEquals(0x6582, stored);
        assertTrue(stored != Fcs16.of(faulty, 1, faulty.length - 4));
    }

    @Test
    void aValidFrameRightAfterTheFaultyOneIsRead() {
        byte[] faulty = IntellivueStreams.pack("mindleaving_mx_frame_patient_demographics_faulty.bin");
        byte[] good = SerialFraming.frame(new byte[] {1, 2, (byte) 0xC0, 3, (byte) 0x7D});
        ByteBuffer in = ByteBuffer.allocate(faulty.length + good.length).put(faulty).put(good).flip();
        SerialFraming framing = new SerialFraming();
        List<byte[]> out = new ArrayList<>();
        framing.read(in, out::add);
        assertEquals(1, out.size());
        assertArrayEquals(new byte[] {1, 2, (byte) 0xC0, 3, (byte) 0x7D}, out.get(0));
        assertEquals(faulty.length, framing.discardedBytes());
    }

    @Test
    void markersInsideTheDataAreEscaped() {
        byte[] wire = SerialFraming.frame(new byte[] {(byte) 0xC0, (byte) 0xC1, (byte) 0x7D});
        for (int i = 1; i < wire.length - 1; i++) {
            int b = wire[i] & 0xFF;
            assertTrue(b != 0xC0 && b != 0xC1, "marker at " + i);
        }
        assertEquals("c0 11 01 00 03 7d e0 7d e1 7d 5d", HEX.formatHex(wire, 0, 11));
    }

    @Test
    void aFrameWithoutEndWithinTheBoundIsDroppedAndTheNextOneRead() {
        byte[] good = SerialFraming.frame(new byte[] {9, 9});
        ByteBuffer in = ByteBuffer.allocate(SerialFraming.MAX_WIRE_LENGTH + 10 + good.length);
        in.put((byte) 0xC0);
        for (int i = 0; i < SerialFraming.MAX_WIRE_LENGTH + 9; i++) {
            in.put((byte) 0x11);
        }
        in.put(good).flip();
        SerialFraming framing = new SerialFraming();
        List<byte[]> out = new ArrayList<>();
        framing.read(in, out::add);
        assertEquals(1, out.size());
        assertEquals(SerialFraming.MAX_WIRE_LENGTH + 10, framing.discardedBytes());
    }

    @Test
    void aPartialFrameWaitsAtItsStart() {
        byte[] good = SerialFraming.frame(new byte[] {5, 6, 7});
        SerialFraming framing = new SerialFraming();
        List<byte[]> out = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(new byte[] {0x55, 0x66, good[0], good[1], good[2]});
        framing.read(in, out::add);
        assertTrue(out.isEmpty());
        assertEquals(2, in.position());
        assertEquals(2, framing.discardedBytes());
    }

    /** The vectors frame their payload without the 0x11 0x01 header: the FCS and escaping layer alone. */
    private static byte[] frameRaw(byte[] payload) {
        byte[] body = java.util.Arrays.copyOf(payload, payload.length + 2);
        return SerialFraming.wrap(body, payload.length);
    }
}
