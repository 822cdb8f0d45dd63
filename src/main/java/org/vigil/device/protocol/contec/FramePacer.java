package org.vigil.device.protocol.contec;

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

/**
 * Turns a Contec oximeter's 60 samples a second into frames: a frame when SpO2, PR, PI or the
 * flags differ from the last frame's, otherwise one every {@link #SAMPLES_PER_FRAME} samples;
 * each frame carries every pleth sample since the previous one (attribute {@code pleth}). Its
 * state follows the samples only, so a decoder using it stays independent of how its bytes were
 * split. Nothing is allocated per sample; a frame costs its own objects.
 */
final class FramePacer {

    /** Samples per frame when nothing changes: one frame a second at 60 samples a second. */
    static final int SAMPLES_PER_FRAME = 60;
    /** Value of a field the device sent as "no value". */
    static final int NONE = -1;

    private final byte[] pleth = new byte[SAMPLES_PER_FRAME];
    private int count;
    private long lastKey = -1;

    /**
     * One sample: values 0.. or {@link #NONE}; {@code piHundredths} {@link #NONE} leaves PI out
     * of the frame. Returns a frame when one is due, else null.
     */
    DeviceFrame offer(int signal, int plethSample, int spo2, int pr, int piHundredths, boolean sensorOff, boolean searching,
            String model) {
        pleth[count++] = (byte) plethSample;
        long key = (spo2 & 0xFFL) | (pr & 0x1FFL) << 8 | (piHundredths & 0x1FFFFL) << 17 | (sensorOff ? 1L : 0L) << 34
                | (searching ? 1L : 0L) << 35;
        if (key == lastKey && count < SAMPLES_PER_FRAME) {
            return null;
        }
        lastKey = key;
        Set<ReadingFlag> flags = EnumSet.noneOf(ReadingFlag.class);
        if (sensorOff) {
            flags.add(ReadingFlag.SENSOR_OFF);
        }
        if (searching) {
            flags.add(ReadingFlag.PULSE_SEARCH);
        }
        List<Measurement> measurements = new ArrayList<>(3);
        measurements.add(spo2 == NONE ? Measurement.absent(Vital.SPO2, flags) : new Measurement(Vital.SPO2, spo2, flags));
        measurements.add(pr == NONE ? Measurement.absent(Vital.PR, flags) : new Measurement(Vital.PR, pr, flags));
        if (piHundredths != NONE) {
            measurements.add(new Measurement(Vital.PI, piHundredths / 100.0, flags));
        }
        Map<String, String> attributes = new HashMap<>(4);
        attributes.put("pleth", plethText());
        attributes.put("signal_strength", Integer.toString(signal));
        if (model != null) {
            attributes.put("model", model);
        }
        count = 0;
        return new DeviceFrame(measurements, flags, attributes);
    }

    private String plethText() {
        StringBuilder sb = new StringBuilder(count * 4);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(pleth[i]);
        }
        return sb.toString();
    }
}
