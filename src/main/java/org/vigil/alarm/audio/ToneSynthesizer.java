package org.vigil.alarm.audio;

import java.util.List;
import java.util.Objects;

/**
 * Renders an {@link AlarmSoundPattern} as 16-bit signed mono PCM. Pure and deterministic: the
 * same pattern at the same sample rate always gives the same samples, and no state is kept.
 *
 * <p>Each pulse is the sum of the pattern's harmonics (all in sine phase, time measured from the
 * start of the burst), normalised so that the pulse's peak equals the pattern's level, shaped by
 * raised-cosine edges whose 10-90 % times are the pattern's rise and fall times. Sample 0 of a
 * burst is where the first pulse's leading edge leaves zero; the burst ends where the last pulse's
 * trailing edge reaches zero. Harmonics at or above the Nyquist frequency are left out.
 */
public final class ToneSynthesizer {

    /** Sample rate used when none is given. */
    public static final int DEFAULT_SAMPLE_RATE = 44_100;

    private static final int NORMALISATION_POINTS = 4096;

    private final int sampleRate;

    /** A synthesizer at {@link #DEFAULT_SAMPLE_RATE}. */
    public ToneSynthesizer() {
        this(DEFAULT_SAMPLE_RATE);
    }

    /** A synthesizer at {@code sampleRate} samples per second (8,000-192,000). */
    public ToneSynthesizer(int sampleRate) {
        if (sampleRate < 8_000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample rate must be 8000-192000 Hz, not " + sampleRate);
        }
        this.sampleRate = sampleRate;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** One burst: from the first pulse's onset to the end of the last pulse, no trailing silence. */
    public short[] renderBurst(AlarmSoundPattern pattern) {
        return render(pattern).samples().clone();
    }

    /**
     * One full cycle: the burst followed by silence up to the start of the next burst, i.e.
     * {@code repeatInterval} long. Playing cycles back to back gives the alarm signal.
     */
    public short[] renderCycle(AlarmSoundPattern pattern) {
        RenderedBurst burst = render(pattern);
        short[] cycle = new short[burst.cycleSamples()];
        System.arraycopy(burst.samples(), 0, cycle, 0, burst.samples().length);
        return cycle;
    }

    /** {@code pcm} as little-endian bytes (two per sample), as Java Sound's signed PCM expects. */
    public static byte[] toLittleEndianBytes(short[] pcm) {
        byte[] bytes = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i++) {
            bytes[2 * i] = (byte) pcm[i];
            bytes[2 * i + 1] = (byte) (pcm[i] >> 8);
        }
        return bytes;
    }

    /** The burst with its pulse boundaries in samples, for the player. */
    RenderedBurst render(AlarmSoundPattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        double rate = sampleRate;
        double td = seconds(pattern.pulseDuration());
        double riseFull = seconds(pattern.riseTime()) / PatternRules.RAMP_10_90_FRACTION;
        double fallFull = seconds(pattern.fallTime()) / PatternRules.RAMP_10_90_FRACTION;
        List<java.time.Duration> onsets = pattern.pulseOnsets();
        int n = onsets.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        double[] leading = new double[n];
        for (int k = 0; k < n; k++) {
            leading[k] = riseFull / 2 + seconds(onsets.get(k));
            starts[k] = (int) Math.floor((leading[k] - riseFull / 2) * rate);
            ends[k] = (int) Math.ceil((leading[k] + td + fallFull / 2) * rate);
        }
        int cycleSamples = (int) Math.round(seconds(pattern.repeatInterval()) * rate);
        short[] samples = new short[ends[n - 1]];
        double[] amplitudes = usableHarmonics(pattern);
        double scale = pattern.level() * Short.MAX_VALUE / peakOf(amplitudes);
        double omega = 2 * Math.PI * pattern.fundamentalHz();
        for (int k = 0; k < n; k++) {
            double a = leading[k] - riseFull / 2;
            double c = leading[k] + td - fallFull / 2;
            double e = leading[k] + td + fallFull / 2;
            for (int i = starts[k]; i < ends[k]; i++) {
                double t = i / rate;
                double env = envelope(t, a, riseFull, c, fallFull, e);
                if (env > 0) {
                    samples[i] = (short) Math.round(scale * env * wave(amplitudes, omega * t));
                }
            }
        }
        return new RenderedBurst(pattern, samples, cycleSamples, starts, ends);
    }

    private static double envelope(double t, double a, double riseFull, double c, double fallFull, double e) {
        if (t <= a || t >= e) {
            return 0;
        }
        if (t < a + riseFull) {
            return 0.5 * (1 - Math.cos(Math.PI * (t - a) / riseFull));
        }
        if (t <= c) {
            return 1;
        }
        return 0.5 * (1 + Math.cos(Math.PI * (t - c) / fallFull));
    }

    private double[] usableHarmonics(AlarmSoundPattern pattern) {
        List<Double> h = pattern.harmonicAmplitudes();
        double[] amplitudes = new double[h.size()];
        for (int k = 0; k < h.size(); k++) {
            boolean belowNyquist = pattern.fundamentalHz() * (k + 1) < sampleRate / 2.0;
            amplitudes[k] = belowNyquist ? h.get(k) : 0;
        }
        return amplitudes;
    }

    private static double wave(double[] amplitudes, double phase) {
        double sum = 0;
        for (int k = 0; k < amplitudes.length; k++) {
            if (amplitudes[k] != 0) {
                sum += amplitudes[k] * Math.sin((k + 1) * phase);
            }
        }
        return sum;
    }

    /** Peak magnitude of the periodic waveform, sampled densely over one period. */
    private static double peakOf(double[] amplitudes) {
        double peak = 0;
        for (int i = 0; i < NORMALISATION_POINTS; i++) {
            peak = Math.max(peak, Math.abs(wave(amplitudes, 2 * Math.PI * i / NORMALISATION_POINTS)));
        }
        return peak;
    }

    private static double seconds(java.time.Duration d) {
        return d.toNanos() / 1e9;
    }
}
