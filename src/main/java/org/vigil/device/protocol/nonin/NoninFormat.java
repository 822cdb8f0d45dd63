package org.vigil.device.protocol.nonin;

import java.util.Locale;

/**
 * The Nonin serial data formats the decoder reads. A Nonin oximeter sends one format, chosen on
 * the device (or by the host with the 6-byte select command, which the station does not send); the
 * station cannot tell #2 from #7 reliably without knowing, so the format is part of the device's
 * configuration, #2 by default (the one every Nonin serial model supports).
 */
public enum NoninFormat {
    /** Data format #2: 5-byte frames {@code 01 STATUS PLETH FLOAT CHK}, 25 frames a packet, 75 frames/s. */
    DF2(2, 5, 25),
    /** Data format #7: 5-byte frames {@code STATUS PLETH-MSB PLETH-LSB FLOAT CHK}, 25 frames a packet, 75 frames/s. */
    DF7(7, 5, 25),
    /** Data format #8: one 4-byte record {@code STATUS HR SPO2 STATUS2} a second, no checksum. */
    DF8(8, 4, 1);

    private final int number;
    private final int frameLength;
    private final int framesPerPacket;

    NoninFormat(int number, int frameLength, int framesPerPacket) {
        this.number = number;
        this.frameLength = frameLength;
        this.framesPerPacket = framesPerPacket;
    }

    /** The format's number in Nonin's documents: 2, 7 or 8. */
    public int number() {
        return number;
    }

    /** Bytes of one frame (DF2, DF7) or record (DF8). */
    int frameLength() {
        return frameLength;
    }

    /** Frames in one packet: 25 for DF2 and DF7, 1 for DF8. */
    int framesPerPacket() {
        return framesPerPacket;
    }

    /** Bytes of one packet, the unit the decoder emits a frame for: 125 (DF2, DF7) or 4 (DF8). */
    public int packetLength() {
        return frameLength * framesPerPacket;
    }

    /**
     * The format for a configuration value: {@code 2}, {@code 7} or {@code 8}, optionally written
     * {@code df2}, {@code #2}.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static NoninFormat fromText(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("df")) {
            t = t.substring(2);
        } else if (t.startsWith("#")) {
            t = t.substring(1);
        }
        for (NoninFormat f : values()) {
            if (t.equals(Integer.toString(f.number))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown Nonin data format '" + text + "' (expected 2, 7 or 8)");
    }
}
