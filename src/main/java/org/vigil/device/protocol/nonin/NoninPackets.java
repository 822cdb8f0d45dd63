package org.vigil.device.protocol.nonin;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;
import org.vigil.domain.WaveSegment;

/** Turns one validated Nonin packet (DF2/DF7) or record (DF8) into a {@link DeviceFrame}; layout in {@link NoninDecoder}. */
final class NoninPackets {

    static final byte DF2_LEAD = 0x01;

    // STATUS of DF2 / DF7 frames
    static final int SYNC = 0x01;
    static final int GPRF = 0x02;
    static final int RPRF = 0x04;
    static final int SNSA = 0x08;
    static final int OOT = 0x10;
    static final int ARTF = 0x20;
    static final int SNSD = 0x40;
    static final int STATUS_ALWAYS_SET = 0x80;

    // DF8 first byte and STATUS2
    static final int DF8_OOT = 0x20;
    static final int DF8_LPRF = 0x10;
    static final int DF8_MPRF = 0x08;
    static final int DF8_ARTF = 0x04;
    static final int DF8_SNSF = 0x08;
    static final int LOW_BATTERY = 0x01;

    static final int MISSING_HR = 511;
    static final int MISSING_SPO2 = 127;
    static final int PLETH_HZ = 75;

    // frame numbers (0-based) of the FLOAT bytes read
    private static final int HR_MSB = 0;
    private static final int HR_LSB = 1;
    private static final int SPO2 = 2;
    private static final int SREV = 3;
    private static final int STAT2 = 7;
    private static final int SPO2_D = 8;
    private static final int HR_D_MSB = 19;
    private static final int HR_D_LSB = 20;

    private enum Perfusion { GOOD, MARGINAL, LOW }

    private NoninPackets() {
    }

    /** An SpO2 byte (7 bits) the device can send: 0..100 or 127 for "no value". */
    static boolean spo2ByteValid(int spo2) {
        return spo2 <= 100 || spo2 == MISSING_SPO2;
    }

    static DeviceFrame toFrame(NoninFormat format, ByteBuffer in, int start) {
        return format == NoninFormat.DF8 ? record(in, start) : packet(format, in, start);
    }

    private static DeviceFrame packet(NoninFormat format, ByteBuffer in, int start) {
        int statusOffset = format == NoninFormat.DF2 ? 1 : 0;
        int n = format.framesPerPacket();
        int[] status = new int[n];
        int[] floats = new int[n];
        int[] pleth = new int[n];
        for (int k = 0; k < n; k++) {
            int at = start + k * format.frameLength();
            status[k] = in.get(at + statusOffset) & 0xFF;
            floats[k] = in.get(at + 3) & 0xFF;
            int sample = format == NoninFormat.DF2
                    ? in.get(at + 2) & 0xFF
                    : (in.get(at + 1) & 0xFF) << 8 | (in.get(at + 2) & 0xFF);
            pleth[k] = sample;
        }
        Set<ReadingFlag> flags = EnumSet.noneOf(ReadingFlag.class);
        Perfusion perfusion = null;
        for (int s : status) {
            if ((s & SNSA) != 0) {
                flags.add(ReadingFlag.SENSOR_OFF);
            }
            if ((s & SNSD) != 0) {
                flags.add(ReadingFlag.NO_SENSOR);
            }
            if ((s & OOT) != 0) {
                flags.add(ReadingFlag.PULSE_SEARCH);
            }
            if ((s & ARTF) != 0) {
                flags.add(ReadingFlag.INTERFERENCE);
            }
            perfusion = worse(perfusion, perfusionOf(s));
        }
        if (perfusion == Perfusion.LOW) {
            flags.add(ReadingFlag.LOW_PERFUSION);
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put(DeviceFrame.SOFTWARE, Integer.toString(floats[SREV])); // SREV, the oximeter's software revision
        if (perfusion != null) {
            attributes.put("perfusion", perfusion.name().toLowerCase(java.util.Locale.ROOT));
        }
        if ((floats[STAT2] & LOW_BATTERY) != 0) {
            attributes.put("low_battery", "true");
        }
        int hrDisplay = heartRate(floats[HR_D_MSB], floats[HR_D_LSB]);
        if (hrDisplay != MISSING_HR) {
            attributes.put("pr_display", Integer.toString(hrDisplay));
        }
        int spo2Display = floats[SPO2_D] & 0x7F;
        if (spo2Display <= 100) {
            attributes.put("spo2_display", Integer.toString(spo2Display));
        }
        List<Measurement> measurements = measurements(heartRate(floats[HR_MSB], floats[HR_LSB]), floats[SPO2] & 0x7F, flags);
        int high = format == NoninFormat.DF2 ? 0xFF : 0xFFFF;
        return new DeviceFrame(measurements, flags, attributes, WaveSegment.pleth(PLETH_HZ, pleth, 0, high));
    }

    private static DeviceFrame record(ByteBuffer in, int start) {
        int status = in.get(start) & 0xFF;
        int hr = heartRate(status, in.get(start + 1) & 0xFF);
        int spo2 = in.get(start + 2) & 0x7F;
        int status2 = in.get(start + 3) & 0xFF;
        Set<ReadingFlag> flags = EnumSet.noneOf(ReadingFlag.class);
        Map<String, String> attributes = new HashMap<>();
        if ((status2 & DF8_SNSF) != 0) {
            flags.add(ReadingFlag.SENSOR_OFF);
        }
        if ((status & DF8_OOT) != 0) {
            flags.add(ReadingFlag.PULSE_SEARCH);
        }
        if ((status & DF8_ARTF) != 0) {
            flags.add(ReadingFlag.INTERFERENCE);
        }
        if ((status & DF8_LPRF) != 0) {
            flags.add(ReadingFlag.LOW_PERFUSION);
            attributes.put("perfusion", "low");
        } else if ((status & DF8_MPRF) != 0) {
            attributes.put("perfusion", "marginal");
        }
        if ((status2 & LOW_BATTERY) != 0) {
            attributes.put("low_battery", "true");
        }
        return new DeviceFrame(measurements(hr, spo2, flags), flags, attributes);
    }

    private static List<Measurement> measurements(int hr, int spo2, Set<ReadingFlag> flags) {
        List<Measurement> m = new ArrayList<>(2);
        m.add(hr == MISSING_HR ? Measurement.absent(Vital.PR, flags) : new Measurement(Vital.PR, hr, flags));
        m.add(spo2 > 100 ? Measurement.absent(Vital.SPO2, flags) : new Measurement(Vital.SPO2, spo2, flags));
        return m;
    }

    /** The 9-bit heart rate: bits 1..0 of {@code msb} are HR8..HR7, bits 6..0 of {@code lsb} HR6..HR0. */
    static int heartRate(int msb, int lsb) {
        return (msb & 0x03) << 7 | (lsb & 0x7F);
    }

    private static Perfusion perfusionOf(int status) {
        boolean green = (status & GPRF) != 0;
        boolean red = (status & RPRF) != 0;
        if (green && red) {
            return Perfusion.MARGINAL;
        }
        if (red) {
            return Perfusion.LOW;
        }
        return green ? Perfusion.GOOD : null;
    }

    private static Perfusion worse(Perfusion a, Perfusion b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
