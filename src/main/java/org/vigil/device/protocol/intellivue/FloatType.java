package org.vigil.device.protocol.intellivue;

/**
 * The IntelliVue {@code FLOAT-Type}: 32 bits, a signed 8-bit base-10 exponent followed by a
 * signed 24-bit mantissa, value = mantissa × 10^exponent.
 *
 * <pre>
 * +----------+---------------------------+
 * | exponent | mantissa                  |
 * | s8       | s24 (two's complement)    |
 * +----------+---------------------------+
 * </pre>
 *
 * Special mantissas (any exponent): {@code 0x7FFFFF} NaN (no value), {@code 0x800000} NRes (not
 * a valid result at this resolution), {@code 0x7FFFFE} +INF, {@code 0x800002} −INF. None of them
 * is a measurement: {@link #value} gives {@link Double#NaN} and {@link #special} names it.
 */
public final class FloatType {

    public static final int NAN = 0x7FFFFF;
    public static final int NRES = 0x800000;
    public static final int POS_INF = 0x7FFFFE;
    public static final int NEG_INF = 0x800002;

    private FloatType() {
    }

    /** The value of the raw 32 bits, or NaN for the special values. */
    public static double value(long raw) {
        if (special(raw) != null) {
            return Double.NaN;
        }
        int exponent = (byte) (raw >>> 24);
        int mantissa = ((int) raw << 8) >> 8;
        return exponent >= 0 ? mantissa * Math.pow(10, exponent) : mantissa / Math.pow(10, -exponent);
    }

    /** {@code NaN}, {@code NRes}, {@code +INF}, {@code -INF} for a special value, else null. */
    public static String special(long raw) {
        int mantissa = (int) (raw & 0xFFFFFF);
        return switch (mantissa) {
            case NAN -> "NaN";
            case NRES -> "NRes";
            case POS_INF -> "+INF";
            case NEG_INF -> "-INF";
            default -> null;
        };
    }

    /** The raw bits of {@code value} with {@code decimals} digits after the point (NaN → NaN). */
    public static long encode(double value, int decimals) {
        if (Double.isNaN(value)) {
            return NAN;
        }
        long mantissa = Math.round(value * Math.pow(10, decimals));
        int exponent = -decimals;
        while (mantissa % 10 == 0 && mantissa != 0 && exponent < 0) {
            mantissa /= 10;
            exponent++;
        }
        if (mantissa > 0x7FFFFD || mantissa < -0x7FFFFD) {
            throw new IllegalArgumentException("value out of FLOAT-Type range: " + value);
        }
        return ((long) (exponent & 0xFF) << 24) | (mantissa & 0xFFFFFF);
    }
}
