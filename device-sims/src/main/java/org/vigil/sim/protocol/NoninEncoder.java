package org.vigil.sim.protocol;

import java.io.ByteArrayOutputStream;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.vigil.device.protocol.nonin.NoninFormat;
import org.vigil.domain.Vital;

/**
 * Writes one second of a Nonin oximeter's serial output in data format #2, #7 or #8, byte for
 * byte as the device does (layout in the station's {@code NoninDecoder}):
 * <ul>
 *   <li>DF2 / DF7: three 25-frame packets (75 frames, 375 bytes), SYNC on each packet's first
 *       frame, checksums, a plethysmogram at 75 samples/s that follows PR and continues from the
 *       previous call (8 bit in DF2, 16 bit in DF7), HR in frames 1-2 and SpO2 in frame 3, the
 *       same values in the display, extended and fast slots (frames 9-11, 14-17, 20-23),
 *       revision {@value #REVISION} in frame 4, STAT2 in frame 8.</li>
 *   <li>DF8: one 4-byte record.</li>
 * </ul>
 * PR is rounded and sent when within 0..510 (else 511, "no value"); SpO2 when within 0..100
 * (else 127). {@link DeviceOutput#sensorOff()}: no values, the sensor alarm bit, a flat pleth.
 * The perfusion bits (green; {@link Condition#MARGINAL_PERFUSION} green and red;
 * {@link Condition#LOW_PERFUSION} red) are set on the first 12 frames of each packet, as the
 * device sets them for 12 frames around each pulse. Other {@link Condition}s set their status
 * bit on every frame. Keeps the pleth phase between calls: one instance per simulated device,
 * not thread-safe.
 */
public final class NoninEncoder implements FrameEncoder {

    /** What the device reports beside its values. */
    public enum Condition {
        /** SNSA (DF8: SNSF): finger out or unusable signal. */
        SENSOR_ALARM,
        /** SNSD: sensor disconnected (DF2/DF7 only). */
        SENSOR_DISCONNECTED,
        /** OOT: out of track. */
        OUT_OF_TRACK,
        /** ARTF: artifact. */
        ARTIFACT,
        /** Green and red perfusion bits (DF8: MPRF). */
        MARGINAL_PERFUSION,
        /** Red perfusion bit only (DF8: LPRF). */
        LOW_PERFUSION,
        /** STAT2 / STATUS2 low battery. */
        LOW_BATTERY
    }

    static final int REVISION = 0x30;

    private static final int PACKETS_PER_SECOND = 3;
    private static final int FRAMES = 25;
    private static final int SAMPLES_PER_SECOND = 75;
    private static final int MISSING_HR = 511;
    private static final int MISSING_SPO2 = 127;

    private final NoninFormat format;
    private double plethPhase;

    /** An encoder for data format #2. */
    public NoninEncoder() {
        this(NoninFormat.DF2);
    }

    public NoninEncoder(NoninFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public byte[] encode(DeviceOutput output) {
        return encode(output, Set.of());
    }

    /** One second of output with these conditions reported. */
    public byte[] encode(DeviceOutput output, Set<Condition> conditions) {
        Set<Condition> c = conditions.isEmpty() ? EnumSet.noneOf(Condition.class) : EnumSet.copyOf(conditions);
        if (output.sensorOff()) {
            c.add(Condition.SENSOR_ALARM);
        }
        int hr = output.sensorOff() ? MISSING_HR : whole(output.value(Vital.PR), 510, MISSING_HR);
        int spo2 = output.sensorOff() ? MISSING_SPO2 : whole(output.value(Vital.SPO2), 100, MISSING_SPO2);
        if (format == NoninFormat.DF8) {
            return record(hr, spo2, c);
        }
        double pulse = output.sensorOff() ? Double.NaN : output.value(Vital.PR);
        ByteArrayOutputStream out = new ByteArrayOutputStream(PACKETS_PER_SECOND * FRAMES * 5);
        for (int p = 0; p < PACKETS_PER_SECOND; p++) {
            packet(out, hr, spo2, c, pulse);
        }
        return out.toByteArray();
    }

    private void packet(ByteArrayOutputStream out, int hr, int spo2, Set<Condition> c, double pulse) {
        int[] floats = floats(hr, spo2, c.contains(Condition.LOW_BATTERY));
        for (int k = 0; k < FRAMES; k++) {
            int status = 0x80 | (k == 0 ? 0x01 : 0) | statusBits(c, k);
            int sample = pleth(pulse);
            int b1;
            int b2;
            int b3;
            if (format == NoninFormat.DF2) {
                out.write(0x01);
                b1 = status;
                b2 = sample >> 8;
                b3 = floats[k];
                out.write(b1);
                out.write(b2);
                out.write(b3);
                out.write((0x01 + b1 + b2 + b3) & 0xFF);
            } else {
                b1 = sample >> 8;
                b2 = sample & 0xFF;
                b3 = floats[k];
                out.write(status);
                out.write(b1);
                out.write(b2);
                out.write(b3);
                out.write((status + b1 + b2 + b3) & 0xFF);
            }
        }
    }

    private static int statusBits(Set<Condition> c, int frame) {
        int s = 0;
        if (c.contains(Condition.SENSOR_ALARM)) {
            s |= 0x08;
        }
        if (c.contains(Condition.OUT_OF_TRACK)) {
            s |= 0x10;
        }
        if (c.contains(Condition.ARTIFACT)) {
            s |= 0x20;
        }
        if (c.contains(Condition.SENSOR_DISCONNECTED)) {
            s |= 0x40;
        }
        if (frame < 12 && !c.contains(Condition.SENSOR_ALARM)) {
            if (c.contains(Condition.LOW_PERFUSION)) {
                s |= 0x04;
            } else if (c.contains(Condition.MARGINAL_PERFUSION)) {
                s |= 0x06;
            } else {
                s |= 0x02;
            }
        }
        return s;
    }

    private static int[] floats(int hr, int spo2, boolean lowBattery) {
        int[] f = new int[FRAMES];
        int msb = hr >> 7 & 0x03;
        int lsb = hr & 0x7F;
        f[0] = msb;
        f[1] = lsb;
        f[2] = spo2;
        f[3] = REVISION;
        f[7] = lowBattery ? 0x01 : 0x00;
        f[8] = spo2;   // SpO2-D
        f[9] = spo2;   // SpO2 fast
        f[10] = spo2;  // SpO2 beat to beat
        f[13] = msb;   // E-HR
        f[14] = lsb;
        f[15] = spo2;  // E-SpO2
        f[16] = spo2;  // E-SpO2-D
        f[19] = msb;   // HR-D
        f[20] = lsb;
        f[21] = msb;   // E-HR-D
        f[22] = lsb;
        return f;
    }

    private byte[] record(int hr, int spo2, Set<Condition> c) {
        int status = 0x80 | (hr >> 7 & 0x03);
        if (c.contains(Condition.OUT_OF_TRACK)) {
            status |= 0x20;
        }
        if (c.contains(Condition.LOW_PERFUSION)) {
            status |= 0x10;
        } else if (c.contains(Condition.MARGINAL_PERFUSION)) {
            status |= 0x08;
        }
        if (c.contains(Condition.ARTIFACT)) {
            status |= 0x04;
        }
        int status2 = (c.contains(Condition.SENSOR_ALARM) ? 0x08 : 0) | (c.contains(Condition.LOW_BATTERY) ? 0x01 : 0);
        return new byte[] {(byte) status, (byte) (hr & 0x7F), (byte) spo2, (byte) status2};
    }

    /** The next pleth sample, full scale 16 bit (DF2 sends its high byte); flat mid-scale without a pulse. */
    private int pleth(double pulsePerMinute) {
        if (Double.isNaN(pulsePerMinute) || pulsePerMinute <= 0) {
            return 0x8000;
        }
        plethPhase = (plethPhase + pulsePerMinute / 60.0 / SAMPLES_PER_SECOND) % 1.0;
        return (int) Math.round(0x1000 + PlethShape.at(plethPhase) * 0xD000);
    }

    private static int whole(double value, int max, int missing) {
        if (Double.isNaN(value)) {
            return missing;
        }
        long v = Math.round(value);
        return v < 0 || v > max ? missing : (int) v;
    }
}
