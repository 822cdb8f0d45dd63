package org.vigil.sim.protocol;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.vigil.sim.protocol.IntellivueEncoder.WaveObject;

/**
 * The pleth of a simulated IntelliVue, as the monitor exports it: one sample array of
 * {@value #SAMPLES} samples every 256 ms (8 ms sample period, 125 samples/s), 16-bit samples of
 * which the low {@value #SIGNIFICANT_BITS} bits carry the value (0-4095), a beat shaped by
 * {@link PlethShape} at the pulse rate whose phase carries on from array to array, flat at
 * {@value #BASELINE} without a pulse. With the sensor off the arrays are in state INVALID |
 * UNAVAILABLE and flat at 0. The arrays follow the device clock: {@link #until} gives those
 * completed by then; the first call (or a device clock that jumped back, or more than 5 s ahead)
 * starts a second before it. One per simulated monitor; not thread-safe.
 */
public final class IntellivuePleth {

    /** The object handle of the simulated pleth wave. */
    public static final int HANDLE = 0x0301;
    public static final int SAMPLES = 32;
    public static final long PERIOD_TICKS = 64;
    public static final int SIGNIFICANT_BITS = 12;
    /** The Sa-Fixed-Val-Spec invalid-sample mask the simulator announces (a bit above the value). */
    public static final int INVALID_MASK = 0x8000;
    public static final int BASELINE = 400;
    static final int PEAK = 3600;
    static final Duration ARRAY = Duration.ofNanos(SAMPLES * PERIOD_TICKS * 125_000L);
    private static final Duration RESTART_AHEAD = Duration.ofSeconds(5);

    /** One completed array: when its newest sample ended (device clock), its state and samples. */
    public record Array(LocalDateTime end, int state, int[] samples) {

        public Array {
            samples = samples.clone();
        }

        @Override
        public int[] samples() {
            return samples.clone();
        }

        /** The array as an SA object of a poll result, with its static attributes when {@code statics}. */
        public WaveObject object(boolean statics) {
            return new WaveObject(HANDLE, NOM_PULS_OXIM_PLETH, state, samples, 16, SIGNIFICANT_BITS, PERIOD_TICKS,
                    0, (1 << SIGNIFICANT_BITS) - 1, INVALID_MASK, statics);
        }
    }

    private LocalDateTime nextEnd;
    private double phase;

    /** Creates a generator at the start of a beat. */
    public IntellivuePleth() {
    }

    /**
     * The arrays completed by device time {@code clock}, oldest first.
     *
     * @param pulsePerMinute the pulse rate the wave beats at; NaN or ≤ 0 for a flat line
     */
    public List<Array> until(LocalDateTime clock, double pulsePerMinute, boolean sensorOff) {
        if (nextEnd == null || clock.isBefore(nextEnd.minus(ARRAY)) || clock.isAfter(nextEnd.plus(RESTART_AHEAD))) {
            nextEnd = clock.minusSeconds(1).plus(ARRAY);
        }
        List<Array> out = new ArrayList<>();
        while (!nextEnd.isAfter(clock)) {
            int[] samples = new int[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                samples[i] = sensorOff ? 0 : sample(pulsePerMinute);
            }
            out.add(new Array(nextEnd, sensorOff ? MS_INVALID | MS_UNAVAILABLE : 0, samples));
            nextEnd = nextEnd.plus(ARRAY);
        }
        return out;
    }

    private int sample(double pulsePerMinute) {
        if (Double.isNaN(pulsePerMinute) || pulsePerMinute <= 0) {
            return BASELINE;
        }
        phase = (phase + pulsePerMinute / 60.0 / (TICKS_PER_SECOND / (double) PERIOD_TICKS)) % 1.0;
        return (int) Math.round(BASELINE + PlethShape.at(phase) * (PEAK - BASELINE));
    }
}
