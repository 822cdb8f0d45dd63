package org.vigil.device.protocol.contec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;
import org.vigil.domain.WaveSegment;

/**
 * Turns each of a Contec oximeter's 60 samples a second into a frame: every frame carries its
 * pleth sample ({@link DeviceFrame#wave()}, 0-127 at 60 a second) and the device's flags; SpO2, PR and PI (and the
 * attribute {@code signal_strength}) only when they or the flags differ from
 * the last frame that carried them, or when {@link #SAMPLES_PER_FRAME} samples went by without
 * (decision record "contec-frames-on-change"). A frame of values therefore depends only on the
 * sample before it and the count since the last one, so a decoder using it is back in step one
 * packet after garbage. Sample frames allocate only the frame and its map; the texts and flag
 * sets are shared.
 */
final class FramePacer {

    /** Samples between two frames of values when nothing changes: one a second at 60 samples a second. */
    static final int SAMPLES_PER_FRAME = 60;
    /** Value of a field the device sent as "no value". */
    static final int NONE = -1;

    /** Real-time packets (samples) a second. */
    static final int SAMPLE_RATE = 60;

    private static final String[] SAMPLE_TEXT = new String[128];
    private static final Set<ReadingFlag> OFF = Set.of(ReadingFlag.SENSOR_OFF);
    private static final Set<ReadingFlag> SEARCHING = Set.of(ReadingFlag.PULSE_SEARCH);
    private static final Set<ReadingFlag> OFF_SEARCHING = Set.of(ReadingFlag.SENSOR_OFF, ReadingFlag.PULSE_SEARCH);

    static {
        for (int i = 0; i < SAMPLE_TEXT.length; i++) {
            SAMPLE_TEXT[i] = Integer.toString(i);
        }
    }

    private int sinceValues;
    private long lastKey = -1;

    /**
     * One sample (pleth 0-127): values 0.. or {@link #NONE}; {@code piHundredths} {@link #NONE}
     * leaves PI out. Returns its frame, with the values when they are due.
     */
    DeviceFrame offer(int signal, int plethSample, int spo2, int pr, int piHundredths, boolean sensorOff, boolean searching) {
        Set<ReadingFlag> flags = sensorOff ? (searching ? OFF_SEARCHING : OFF) : (searching ? SEARCHING : Set.of());
        WaveSegment pleth = WaveSegment.pleth(SAMPLE_RATE, new int[] {plethSample & 0x7F}, 0, 127);
        long key = (spo2 & 0xFFL) | (pr & 0x1FFL) << 8 | (piHundredths & 0x1FFFFL) << 17 | (sensorOff ? 1L : 0L) << 34
                | (searching ? 1L : 0L) << 35;
        sinceValues++;
        if (key == lastKey && sinceValues < SAMPLES_PER_FRAME) {
            return new DeviceFrame(List.of(), flags, Map.of(), pleth);
        }
        lastKey = key;
        sinceValues = 0;
        List<Measurement> measurements = new ArrayList<>(3);
        measurements.add(spo2 == NONE ? Measurement.absent(Vital.SPO2, flags) : new Measurement(Vital.SPO2, spo2, flags));
        measurements.add(pr == NONE ? Measurement.absent(Vital.PR, flags) : new Measurement(Vital.PR, pr, flags));
        if (piHundredths != NONE) {
            measurements.add(new Measurement(Vital.PI, piHundredths / 100.0, flags));
        }
        String signalText = SAMPLE_TEXT[signal & 0x7F];
        return new DeviceFrame(measurements, flags, Map.of("signal_strength", signalText), pleth);
    }
}
