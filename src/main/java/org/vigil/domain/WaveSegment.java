package org.vigil.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Consecutive samples of one waveform as a decoder read them from one frame (a Nonin packet's 25
 * pleth samples, one Contec real-time packet's sample), before the station stamps them with the
 * receive time ({@link WaveChunk}). Samples are in the device's own units, oldest first;
 * {@code low}..{@code high} is the device's full scale, so a screen can draw any protocol's wave
 * without knowing it.
 *
 * @param metric     what the wave is, e.g. {@link #PLETH}
 * @param sampleRate samples per second the device sends (its native rate)
 * @param samples    the samples, oldest first (copied; read with {@link #sample(int)})
 * @param low        the lowest value the device can send
 * @param high       the highest value the device can send
 * @param deviceTime the device's own time of the first sample, or null when the protocol has none
 */
public record WaveSegment(MetricCode metric, double sampleRate, int[] samples, int low, int high, Instant deviceTime) {

    /** The plethysmogram of a pulse oximeter. */
    public static final MetricCode PLETH = MetricCode.mdc("MDC_PULS_OXIM_PLETH");

    /** The most samples one segment may hold (a frame is bounded, so is its wave). */
    public static final int MAX_SAMPLES = 4096;

    public WaveSegment {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(samples, "samples");
        if (!(sampleRate > 0 && sampleRate <= 10_000)) {
            throw new IllegalArgumentException("sample rate out of range: " + sampleRate);
        }
        if (samples.length == 0 || samples.length > MAX_SAMPLES) {
            throw new IllegalArgumentException("a wave segment holds 1 to " + MAX_SAMPLES + " samples, not " + samples.length);
        }
        if (low >= high) {
            throw new IllegalArgumentException("full scale " + low + ".." + high);
        }
        samples = samples.clone();
    }

    /** A pleth segment without device time. */
    public static WaveSegment pleth(double sampleRate, int[] samples, int low, int high) {
        return new WaveSegment(PLETH, sampleRate, samples, low, high, null);
    }

    /** Number of samples. */
    public int size() {
        return samples.length;
    }

    /** Sample {@code i}, oldest first. */
    public int sample(int i) {
        return samples[i];
    }

    /** A copy of the samples. */
    @Override
    public int[] samples() {
        return samples.clone();
    }

    /** How long the samples last at the sample rate. */
    public double seconds() {
        return samples.length / sampleRate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WaveSegment w && metric.equals(w.metric) && sampleRate == w.sampleRate
                && Arrays.equals(samples, w.samples) && low == w.low && high == w.high
                && Objects.equals(deviceTime, w.deviceTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, sampleRate, Arrays.hashCode(samples), low, high, deviceTime);
    }

    @Override
    public String toString() {
        return "WaveSegment[" + metric + ", " + sampleRate + "/s, " + Arrays.toString(samples) + ", " + low + ".." + high
                + (deviceTime == null ? "" : ", " + deviceTime) + "]";
    }
}
