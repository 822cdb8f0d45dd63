package org.vigil.sim.protocol;

import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.vigil.domain.Vital;

/**
 * Encodes what a GE / Datex-Ohmeda S/5 monitor sends on its Computer Interface for one
 * displayed-values transmission: one physiological-database record with one basic-class
 * subrecord, framed and escaped like a real one (layout of the real CARESCAPE record in the
 * research pack):
 *
 * <pre>
 * 7E | header (40): r_len 318 | r_nbr 0 | dri_level 0B | plug_id 0 | r_time | 0 | 0 | 0 | r_maintype 0 |
 *    |              sr_desc {0, 1 displayed values} {0, FF end}
 *    | dri_phdb (278): time | basic class (270) | marker 0 | 0 | cl_drilvl_subt 0x00B1 (class basic)
 *    | checksum (8-bit sum of the record) | 7E            7E -&gt; 7D 5E, 7D -&gt; 7D 5D inside
 * </pre>
 * <ul>
 *   <li>ECG group: status exists, active, HR source ECG; HR and the impedance RR (1/min).</li>
 *   <li>NIBP group: status exists, active; label adult cuff, bit 5 while the cuff is measuring;
 *       sys, dia, mean in 1/100 mmHg, the pulse (PR, else HR) when a result is sent.</li>
 *   <li>SpO2 group: status exists, active (not active while the sensor is off); SpO2 in 1/100 %,
 *       PR 1/min.</li>
 *   <li>Every other group: no module (status 0), values {@link #DATA_INVALID}.</li>
 *   <li>A vital without a value is {@link #DATA_INVALID}, or the special value given for it
 *       ({@link #encode(DeviceOutput, Map)}); a value beyond the 16-bit range is
 *       {@link #OVER_RANGE} / {@link #UNDER_RANGE}.</li>
 *   <li>{@link DeviceOutput#sensorOff()}: every value {@link #DATA_INVALID};
 *       {@link DeviceOutput#cuffInflating()}: the NIBP values {@link #DATA_INVALID}, the
 *       measuring bit set.</li>
 *   <li>r_time and the subrecord time: {@link DeviceOutput#deviceClock()} as Unix seconds (UTC).</li>
 * </ul>
 * Stateless; thread-safe.
 */
public final class S5Encoder implements FrameEncoder {

    /** Special values of the S/5 specification (any value at or below -32001 is one). */
    public static final int DATA_INVALID = -32767;
    public static final int NOT_UPDATED = -32766;
    public static final int DISCONTINUED = -32765;
    public static final int UNDER_RANGE = -32764;
    public static final int OVER_RANGE = -32763;
    public static final int NOT_CALIBRATED = -32762;

    private static final int HEADER = 40;
    private static final int PHDB = 278;
    private static final int RECORD = HEADER + PHDB;
    private static final int CLASS = HEADER + 4;
    private static final int ECG = CLASS;
    private static final int NIBP = CLASS + 72;
    private static final int SPO2 = CLASS + 118;
    /** Offsets in the basic class of every group header (ecg_extra has none); the values follow each. */
    private static final int[] GROUP_HEADERS = {0, 16, 30, 44, 58, 72, 86, 94, 102, 110, 118, 132, 146, 156, 166,
        178, 200, 214, 232, 240, 254};
    private static final int STATUS_EXISTS_ACTIVE = 0x03;
    private static final int HR_SOURCE_ECG = 1 << 3;
    private static final int NIBP_ADULT = 0x03;
    private static final int NIBP_MEASURING = 1 << 5;

    /** Creates an encoder. */
    public S5Encoder() {
        // stateless
    }

    @Override
    public byte[] encode(DeviceOutput output) {
        return encode(output, Map.of());
    }

    /**
     * One framed record, a vital in {@code special} sent as that special value (one of the
     * constants above, or any value at or below -32001) instead of its value.
     */
    public byte[] encode(DeviceOutput output, Map<Vital, Integer> special) {
        byte[] r = new byte[RECORD];
        long time = output.deviceClock().toEpochSecond(ZoneOffset.UTC);
        put16(r, 0, RECORD);
        r[3] = 0x0B;
        put32(r, 6, time);
        r[16 + 2] = 1;
        r[16 + 3 + 2] = (byte) 0xFF;

        put32(r, HEADER, time);
        for (int i = CLASS; i < CLASS + 268; i += 2) {
            put16(r, i, DATA_INVALID);
        }
        for (int g : GROUP_HEADERS) {
            Arrays.fill(r, CLASS + g, CLASS + g + 6, (byte) 0);
        }
        put16(r, HEADER + 276, 0x00B1);

        put32(r, ECG, STATUS_EXISTS_ACTIVE | HR_SOURCE_ECG);
        put16(r, ECG + 4, 0x0002);
        put16(r, ECG + 6, value(output, special, Vital.HR, 1));
        put16(r, ECG + 14, value(output, special, Vital.RR, 1));

        boolean inflating = output.cuffInflating();
        put32(r, NIBP, STATUS_EXISTS_ACTIVE);
        put16(r, NIBP + 4, NIBP_ADULT | (inflating ? NIBP_MEASURING : 0));
        boolean result = false;
        int at = NIBP + 6;
        for (Vital v : new Vital[] {Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN}) {
            int raw = inflating && !special.containsKey(v) ? DATA_INVALID : value(output, special, v, 100);
            result |= raw > -32001;
            put16(r, at, raw);
            at += 2;
        }
        double pulse = output.has(Vital.PR) ? output.value(Vital.PR) : output.value(Vital.HR);
        put16(r, NIBP + 12, result && !output.sensorOff() ? scaled(pulse, 1) : DATA_INVALID);

        put32(r, SPO2, output.sensorOff() ? 0x01 : STATUS_EXISTS_ACTIVE);
        put16(r, SPO2 + 6, value(output, special, Vital.SPO2, 100));
        put16(r, SPO2 + 8, value(output, special, Vital.PR, 1));
        return frame(r);
    }

    private static int value(DeviceOutput output, Map<Vital, Integer> special, Vital v, int scale) {
        Integer code = special.get(v);
        if (code != null) {
            return code;
        }
        return output.sensorOff() ? DATA_INVALID : scaled(output.value(v), scale);
    }

    private static int scaled(double value, int scale) {
        if (!Double.isFinite(value)) {
            return DATA_INVALID;
        }
        long raw = Math.round(value * scale);
        if (raw > Short.MAX_VALUE) {
            return OVER_RANGE;
        }
        return raw < -32000 ? UNDER_RANGE : (int) raw;
    }

    /** {@code 7E escaped(record + checksum) 7E}. */
    static byte[] frame(byte[] record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(record.length + 16);
        out.write(0x7E);
        int sum = 0;
        for (byte b : record) {
            sum += b & 0xFF;
            escape(out, b & 0xFF);
        }
        escape(out, sum & 0xFF);
        out.write(0x7E);
        return out.toByteArray();
    }

    private static void escape(ByteArrayOutputStream out, int b) {
        if (b == 0x7E || b == 0x7D) {
            out.write(0x7D);
            out.write(b ^ 0x20);
        } else {
            out.write(b);
        }
    }

    private static void put16(byte[] r, int at, int v) {
        r[at] = (byte) v;
        r[at + 1] = (byte) (v >> 8);
    }

    private static void put32(byte[] r, int at, long v) {
        put16(r, at, (int) v);
        put16(r, at + 2, (int) (v >> 16));
    }
}
