package org.vigil.alarm.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures generated PCM the way a sound level analyser would: an amplitude envelope, pulses found
 * where it crosses half the peak, 10-90 % edge times, and Goertzel spectra. Times in milliseconds.
 */
final class PcmAnalysis {

    /** One pulse: 50 % points of its edges and its 10-90 % rise and fall times. */
    record Pulse(double startMs, double endMs, double riseMs, double fallMs, int startSample, int endSample) {
        double durationMs() {
            return endMs - startMs;
        }
    }

    private final short[] pcm;
    private final int rate;
    private final double[] envelope;

    /** {@code windowHz}: the lowest frequency in the signal; the envelope window covers one period of it. */
    PcmAnalysis(short[] pcm, int rate, double windowHz) {
        this.pcm = pcm;
        this.rate = rate;
        this.envelope = envelope(pcm, (int) Math.ceil(rate / windowHz) + 1);
    }

    /** Centred running maximum of |x| over {@code window} samples. */
    private static double[] envelope(short[] pcm, int window) {
        double[] env = new double[pcm.length];
        int half = window / 2;
        for (int i = 0; i < pcm.length; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(pcm.length, i + half + 1);
            int max = 0;
            for (int j = from; j < to; j++) {
                max = Math.max(max, Math.abs(pcm[j]));
            }
            env[i] = max;
        }
        return env;
    }

    double peak() {
        double max = 0;
        for (double e : envelope) {
            max = Math.max(max, e);
        }
        return max;
    }

    /** The pulses, found where the envelope is at least half its overall peak. */
    List<Pulse> pulses() {
        double peak = peak();
        List<Pulse> pulses = new ArrayList<>();
        int i = 0;
        while (i < envelope.length) {
            if (envelope[i] < 0.5 * peak) {
                i++;
                continue;
            }
            int start = i;
            while (i < envelope.length && envelope[i] >= 0.5 * peak) {
                i++;
            }
            int end = i;
            double top = 0;
            for (int j = start; j < end; j++) {
                top = Math.max(top, envelope[j]);
            }
            pulses.add(new Pulse(ms(start), ms(end), edge(start, +1, top), edge(end - 1, -1, top), start, end));
        }
        return pulses;
    }

    /** 10-90 % time of the edge through {@code mid}; {@code dir} +1 for a rising edge, -1 for falling. */
    private double edge(int mid, int dir, double top) {
        int low = mid;
        while (low - dir >= 0 && low - dir < envelope.length && envelope[low] >= 0.1 * top) {
            low -= dir;
        }
        int high = mid;
        while (high + dir >= 0 && high + dir < envelope.length && envelope[high] < 0.9 * top) {
            high += dir;
        }
        return Math.abs(high - low) * 1000.0 / rate;
    }

    /** Spectral amplitude at {@code hz} over samples {@code [from, to)}, Hann-windowed (Goertzel). */
    double amplitudeAt(double hz, int from, int to) {
        int n = to - from;
        double coeff = 2 * Math.cos(2 * Math.PI * hz / rate);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            double s = pcm[from + i] * w + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return Math.sqrt(Math.max(0, power)) / n;
    }

    /** The frequency in {@code [lowHz, highHz]} (0.5 Hz steps) with the largest amplitude over {@code [from, to)}. */
    double strongestFrequency(double lowHz, double highHz, int from, int to) {
        double best = lowHz;
        double bestAmp = -1;
        for (double f = lowHz; f <= highHz; f += 0.5) {
            double a = amplitudeAt(f, from, to);
            if (a > bestAmp) {
                bestAmp = a;
                best = f;
            }
        }
        return best;
    }

    private double ms(int sample) {
        return sample * 1000.0 / rate;
    }
}
