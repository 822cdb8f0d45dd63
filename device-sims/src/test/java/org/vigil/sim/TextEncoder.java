package org.vigil.sim;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.FrameEncoder;

/**
 * A readable stand-in for the protocol encoders in tests: one line per report,
 * {@code <clock>|<off>|<cuff>|<serial>|hr=72.0,spo2=98.0\n}.
 */
public final class TextEncoder implements FrameEncoder {

    @Override
    public byte[] encode(DeviceOutput o) {
        StringBuilder sb = new StringBuilder();
        sb.append(o.deviceClock()).append('|').append(o.sensorOff() ? "OFF" : "on").append('|')
                .append(o.cuffInflating() ? "CUFF" : "-").append('|').append(o.serial()).append('|');
        String sep = "";
        for (Vital v : Vital.values()) {
            if (o.has(v)) {
                sb.append(sep).append(v.key()).append('=').append(o.value(v));
                sep = ",";
            }
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The fields of a frame written by {@link #encode}: clock, off, cuff, serial. */
    public static String[] header(byte[] frame) {
        return new String(frame, StandardCharsets.US_ASCII).strip().split("\\|", -1);
    }

    /** The values of a frame written by {@link #encode}. */
    public static Map<Vital, Double> values(byte[] frame) {
        Map<Vital, Double> out = new EnumMap<>(Vital.class);
        String[] parts = header(frame);
        if (parts.length < 5 || parts[4].isEmpty()) {
            return out;
        }
        for (String kv : parts[4].split(",")) {
            String[] p = kv.split("=");
            out.put(Vital.fromKey(p[0]).orElseThrow(), Double.parseDouble(p[1]));
        }
        return out;
    }
}
