package org.vigil.device.protocol.intellivue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloatTypeTest {

    @Test
    void exponentAndMantissaAreSigned() {
        assertEquals(72.0, FloatType.value(0x00000048L));
        assertEquals(2.45, FloatType.value(0xFE0000F5L), 1e-12);
        assertEquals(-5.0, FloatType.value(0x00FFFFFBL));
        assertEquals(1200.0, FloatType.value(0x0200000CL));
    }

    @Test
    void specialValuesAreNoValue() {
        for (long mantissa : new long[] {FloatType.NAN, FloatType.NRES, FloatType.POS_INF, FloatType.NEG_INF}) {
            for (long exponent : new long[] {0x00, 0xFF, 0x7F}) {
                long raw = exponent << 24 | mantissa;
                assertTrue(Double.isNaN(FloatType.value(raw)), Long.toHexString(raw));
            }
        }
        assertEquals("NaN", FloatType.special(0x007FFFFFL));
        assertEquals("NRes", FloatType.special(0xFF800000L));
        assertEquals("+INF", FloatType.special(0x007FFFFEL));
        assertEquals("-INF", FloatType.special(0x00800002L));
        assertNull(FloatType.special(0x00000048L));
    }

    @Test
    void encodingRoundTrips() {
        for (double v : new double[] {0, 1, 72, 97, 2.45, 0.02, 14, 121, 300, -3.5}) {
            assertEquals(v, FloatType.value(FloatType.encode(v, 2)), 1e-9, Double.toString(v));
        }
        assertEquals(FloatType.NAN, FloatType.encode(Double.NaN, 0));
    }
}
