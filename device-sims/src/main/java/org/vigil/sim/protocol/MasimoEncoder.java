package org.vigil.sim.protocol;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.vigil.domain.Vital;

/**
 * Writes the line a Masimo Rad-8 sends once per second in ASCII 1 mode, field for field as the
 * real device does:
 * <pre>
 * 02/22/16 22:47:45 SN=0000056661 SPO2=098% BPM=097 PI=03.60% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800 CR LF
 * </pre>
 * SpO2 and pulse rate are rounded to whole numbers, PI to 0.01 (half up). A vital without a value,
 * or with a value its field cannot hold (negative, SpO2 above 100, pulse rate above 999, PI of
 * 100 or more), is sent as dashes of the field's width. When the sensor is off every value is
 * dashed and {@code EXC=000820} (SET active + sensor off). SpCO, SpMet, desat index and PI delta
 * are not simulated and always dashed. The serial must be 1-10 digits (sent zero-padded to 10);
 * without one the field is {@code SN=----------}.
 */
public final class MasimoEncoder implements FrameEncoder {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss", Locale.ROOT);
    private static final String EXC_NORMAL = "000800";
    private static final String EXC_SENSOR_OFF = "000820";

    /** Creates an encoder; it holds no state. */
    public MasimoEncoder() {
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the serial is not 1-10 digits
     */
    @Override
    public byte[] encode(DeviceOutput output) {
        boolean off = output.sensorOff();
        StringBuilder sb = new StringBuilder(128);
        sb.append(CLOCK.format(output.deviceClock()));
        sb.append(" SN=").append(serial(output.serial()));
        sb.append(" SPO2=").append(integer(off ? Double.NaN : output.value(Vital.SPO2), 999)).append('%');
        sb.append(" BPM=").append(integer(off ? Double.NaN : output.value(Vital.PR), 999));
        sb.append(" PI=").append(hundredths(off ? Double.NaN : output.value(Vital.PI))).append('%');
        sb.append(" SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000");
        sb.append(" EXC=").append(off ? EXC_SENSOR_OFF : EXC_NORMAL);
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String serial(String serial) {
        if (serial == null) {
            return "----------";
        }
        if (!serial.matches("\\d{1,10}")) {
            throw new IllegalArgumentException("a Masimo serial is 1-10 digits, not '" + serial + "'");
        }
        return "0".repeat(10 - serial.length()) + serial;
    }

    /** {@code %03d} of the rounded value, or {@code ---} when absent or outside {@code 0..max} (a glitch may send SpO2 250: the field holds three digits). */
    private static String integer(double value, int max) {
        long v = Math.round(value);
        if (Double.isNaN(value) || v < 0 || v > max) {
            return "---";
        }
        return String.format(Locale.ROOT, "%03d", v);
    }

    /** {@code nn.nn} of the value rounded to 0.01, or {@code --.--} when absent or outside 0..99.99. */
    private static String hundredths(double value) {
        long h = Math.round(value * 100);
        if (Double.isNaN(value) || h < 0 || h > 9999) {
            return "--.--";
        }
        return String.format(Locale.ROOT, "%02d.%02d", h / 100, h % 100);
    }
}
