package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Vital;

/** The bytes a simulated CMS50E sends in one second, checked against the V7.0 layout by hand. */
class ContecEncoderTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 12, 3, 8, 0);

    private static byte[] packet(byte[] second, int n) {
        return Arrays.copyOfRange(second, n * 9, n * 9 + 9);
    }

    @Test
    void oneSecondIsSixtyRealTimePacketsWithBit7ClearOnlyOnTheTypeByte() {
        byte[] second = new ContecEncoder().encode(new DeviceOutput(T, Map.of(Vital.SPO2, 97.0, Vital.PR, 72.0), false, false, null));
        assertEquals(60 * 9, second.length);
        for (int i = 0; i < second.length; i++) {
            boolean typeByte = i % 9 == 0;
            assertEquals(typeByte, (second[i] & 0x80) == 0, "byte " + i);
            if (typeByte) {
                assertEquals(0x01, second[i]);
            }
        }
    }

    @Test
    void fingerOutIsTheProbeErrorPacketOfTheSpec() {
        byte[] second = new ContecEncoder().encode(new DeviceOutput(T, Map.of(Vital.SPO2, 97.0, Vital.PR, 72.0), true, false, null));
        // status 0x80 (probe error, signal 0), pleth 0x40, bar 8 + PI invalid, PR 0xFF, SpO2 0x7F, PI 0xFFFF
        byte[] expected = HexFormat.ofDelimiter(" ").parseHex("01 e9 80 c0 98 ff ff ff ff");
        for (int n = 0; n < 60; n++) {
            assertArrayEquals(expected, packet(second, n), "packet " + n);
        }
    }

    @Test
    void valuesAreCodedWithTheirBit7InTheHighByte() {
        byte[] second = new ContecEncoder().encode(new DeviceOutput(T, Map.of(Vital.SPO2, 99.0, Vital.PR, 180.0, Vital.PI, 3.45), false, false, null));
        byte[] p = packet(second, 1);
        assertEquals(0x88, p[1] & 0xFF); // only PR (data byte 3) has bit 7 set
        assertEquals(180 & 0x7F | 0x80, p[5] & 0xFF);
        assertEquals(99 | 0x80, p[6] & 0xFF);
        assertEquals((345 & 0xFF) | 0x80, p[7] & 0xFF);
        assertEquals(1 | 0x80, p[8] & 0xFF);
        assertEquals(0, p[4] & 0x10, "PI valid");
    }

    @Test
    void pulseBeepsFollowThePulseRateAcrossSeconds() {
        ContecEncoder encoder = new ContecEncoder();
        int beeps = 0;
        for (int s = 0; s < 60; s++) {
            byte[] second = encoder.encode(new DeviceOutput(T.plusSeconds(s), Map.of(Vital.SPO2, 97.0, Vital.PR, 72.0), false, false, null));
            for (int n = 0; n < 60; n++) {
                if ((second[n * 9 + 2] & 0x40) != 0) {
                    beeps++;
                }
            }
        }
        assertTrue(Math.abs(beeps - 72) <= 1, beeps + " beeps in a minute at PR 72");
    }

    @Test
    void valuesTheFieldsCannotHoldAreSentAsNoValue() {
        byte[] second = new ContecEncoder().encode(new DeviceOutput(T, Map.of(Vital.SPO2, 101.0, Vital.PR, 300.0, Vital.PI, 25.0), false, false, null));
        byte[] p = packet(second, 0);
        assertEquals(0xFF, p[5] & 0xFF);
        assertEquals(0xFF, p[6] & 0xFF);
        assertEquals(0x10, p[4] & 0x10, "PI invalid");
        assertEquals(0xFF, p[7] & 0xFF);
        assertEquals(0xFF, p[8] & 0xFF);
    }
}
