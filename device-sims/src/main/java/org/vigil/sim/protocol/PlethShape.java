package org.vigil.sim.protocol;

/**
 * The shape of one beat of a simulated plethysmogram, shared by the simulators that send a pleth:
 * a fast upstroke over the first 15 % of the beat, then a slower fall with a dicrotic notch.
 */
public final class PlethShape {

    private PlethShape() {
    }

    /** The wave at {@code phase} (0 ≤ phase < 1, the fraction of the beat gone by), from 0 to 1. */
    public static double at(double phase) {
        double p = phase;
        double wave = p < 0.15 ? p / 0.15
                : Math.max(0, 1 - (p - 0.15) / 0.85) * (1 - 0.15 * Math.sin((p - 0.15) / 0.85 * Math.PI * 2));
        return Math.min(1.0, Math.max(0.0, wave));
    }
}
