package org.vigil.ui;

import org.vigil.chair.WaveTrace;

/**
 * Where a sweeping waveform stands, without JavaFX: which samples of a {@link WaveTrace} to draw
 * in this frame and at which column of the sweep. Devices send their samples in bursts (a Nonin
 * packet holds a third of a second), so the sweep plays them at the device's own rate
 * {@link #DELAY_SECONDS} behind their arrival, like a bedside monitor: the trace moves smoothly
 * and never runs ahead of the data. A sweep more than {@link #MAX_LAG_SECONDS} behind (a screen
 * not shown for a while) jumps to the delay; no data for a moment just stops it.
 */
final class WaveformSweep {

    /** Seconds of wave across the width of the trace. */
    static final double SWEEP_SECONDS = 6;
    /** How far behind the newest sample the sweep draws. */
    static final double DELAY_SECONDS = 0.4;
    /** A sweep further behind than this jumps forward. */
    static final double MAX_LAG_SECONDS = 1.5;

    /** Samples to draw this frame: numbers {@code from} .. {@code to} (exclusive). */
    record Step(long from, long to, boolean restart) {
        int count() {
            return (int) (to - from);
        }
    }

    private long drawn = -1;
    private long lastNanos;
    private double carry;
    private int epoch = Integer.MIN_VALUE;

    /**
     * The samples due at frame time {@code nanos} with {@code end} samples available at
     * {@code rate} per second in trace epoch {@code epoch}. {@code restart} says the screen must
     * clear the trace (first samples, a new source or scale, or a jump).
     */
    Step advance(long nanos, long end, double rate, int epoch) {
        boolean restart = false;
        long delay = Math.round(DELAY_SECONDS * rate);
        if (epoch != this.epoch || drawn < 0 || drawn > end) {
            this.epoch = epoch;
            drawn = Math.max(0, end - delay);
            lastNanos = nanos;
            carry = 0;
            return new Step(drawn, drawn, true);
        }
        double due = carry + (nanos - lastNanos) / 1e9 * rate;
        lastNanos = nanos;
        long whole = (long) Math.floor(Math.max(0, due));
        carry = Math.max(0, due - whole);
        long from = drawn;
        long target = Math.min(end, drawn + whole);
        if (end - target > Math.round(MAX_LAG_SECONDS * rate)) {
            from = end - delay;
            target = from;
            restart = true;
        }
        if (target == end) {
            carry = 0;
        }
        drawn = target;
        return new Step(from, target, restart);
    }

    /** Columns (samples) across the trace at {@code rate}. */
    static int columns(double rate) {
        return (int) Math.max(2, Math.round(SWEEP_SECONDS * rate));
    }
}
