package org.vigil.sim.protocol;

/**
 * Synthetic 8-bit waveforms for one ANSAR-B message (one second): ECG 200 samples at 200 Hz,
 * respiration 50 at 50 Hz, plethysmogram 50 at 50 Hz, P1 and P2 50 each. Each curve keeps its
 * phase from one message to the next, advancing with its rate, so consecutive messages join up.
 * A curve whose rate is absent is a flat line; P1 and P2 (not simulated) are flat at the level
 * the real monitor sends with no transducer. Every byte is within 0x00..0xFD, so a waveform
 * never looks like a start (0xFF) or end (0xFE) marker.
 */
final class IvyWaveforms {

    static final int ECG_SAMPLES = 200;
    static final int SLOW_SAMPLES = 50;
    static final int LENGTH = ECG_SAMPLES + 4 * SLOW_SAMPLES;
    static final int MAX_BYTE = 0xFD;

    private static final int ECG_BASELINE = 120;
    private static final int RESP_CENTRE = 125;
    private static final int RESP_AMPLITUDE = 100;
    private static final int PLETH_BASELINE = 117;
    private static final int NO_TRANSDUCER = 251;

    /** Each wave's phase in cycles, fraction part only. */
    private double ecgPhase;
    private double respPhase;
    private double plethPhase;

    /**
     * The 400 waveform bytes of one second at these rates (per minute, NaN = none), and advances
     * the phases by one second.
     */
    byte[] next(double heartRate, double respRate, double pulseRate) {
        byte[] out = new byte[LENGTH];
        int at = 0;
        for (int i = 0; i < ECG_SAMPLES; i++) {
            out[at++] = clamp(ECG_BASELINE + ecg(heartRate, ecgPhase + cycles(heartRate, i, ECG_SAMPLES)));
        }
        for (int i = 0; i < SLOW_SAMPLES; i++) {
            double p = respPhase + cycles(respRate, i, SLOW_SAMPLES);
            out[at++] = clamp(RESP_CENTRE + (isRate(respRate) ? RESP_AMPLITUDE * Math.sin(2 * Math.PI * p) : 0));
        }
        for (int i = 0; i < SLOW_SAMPLES; i++) {
            out[at++] = clamp(PLETH_BASELINE + pleth(pulseRate, plethPhase + cycles(pulseRate, i, SLOW_SAMPLES)));
        }
        for (int i = 0; i < 2 * SLOW_SAMPLES; i++) {
            out[at++] = clamp(NO_TRANSDUCER);
        }
        ecgPhase = frac(ecgPhase + cycles(heartRate, ECG_SAMPLES, ECG_SAMPLES));
        respPhase = frac(respPhase + cycles(respRate, SLOW_SAMPLES, SLOW_SAMPLES));
        plethPhase = frac(plethPhase + cycles(pulseRate, SLOW_SAMPLES, SLOW_SAMPLES));
        return out;
    }

    /** Cycles completed after {@code sample} of {@code perSecond} samples at {@code ratePerMin}. */
    private static double cycles(double ratePerMin, int sample, int perSecond) {
        return isRate(ratePerMin) ? ratePerMin / 60.0 * sample / perSecond : 0;
    }

    /** PQRST complex as a sum of Gaussians, in byte units above the baseline. */
    private static double ecg(double heartRate, double phase) {
        if (!isRate(heartRate)) {
            return 0;
        }
        double period = 60.0 / heartRate;
        double t = (frac(phase) - 0.35) * period; // seconds from the R peak
        return wave(t, -0.16, 0.025, 10) + wave(t, -0.03, 0.008, -10) + wave(t, 0, 0.010, 110)
                + wave(t, 0.03, 0.010, -20) + wave(t, 0.25, 0.050, 18);
    }

    /** Systolic upstroke with a dicrotic bump, in byte units above the baseline. */
    private static double pleth(double pulseRate, double phase) {
        if (!isRate(pulseRate)) {
            return 0;
        }
        double period = 60.0 / pulseRate;
        double t = frac(phase) * period;
        return wave(t, 0.15, 0.06, 34) + wave(t, 0.40, 0.07, 9);
    }

    private static double wave(double t, double centre, double width, double height) {
        double z = (t - centre) / width;
        return height * Math.exp(-0.5 * z * z);
    }

    private static boolean isRate(double perMin) {
        return Double.isFinite(perMin) && perMin > 0;
    }

    private static double frac(double x) {
        return x - Math.floor(x);
    }

    private static byte clamp(double v) {
        long r = Math.round(v);
        return (byte) Math.max(0, Math.min(MAX_BYTE, r));
    }
}
