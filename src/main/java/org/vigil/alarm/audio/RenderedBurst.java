package org.vigil.alarm.audio;

/**
 * A rendered burst and where its pulses lie, in samples from the burst start. {@code samples}
 * ends with the last pulse; {@code cycleSamples} is the repeat interval. Pulse {@code k} occupies
 * {@code [pulseStarts[k], pulseEnds[k])}. Arrays are owned by this record and never modified.
 */
record RenderedBurst(AlarmSoundPattern pattern, short[] samples, int cycleSamples, int[] pulseStarts,
        int[] pulseEnds) {

    /** Samples of sound at the start of the cycle; the rest of the cycle is silence. */
    int length() {
        return samples.length;
    }

    /**
     * Where playback may stop when the alarm goes away at {@code position}: not before the
     * short-alarm minimum of a first burst, and never in the middle of a pulse.
     */
    int stopPosition(int position, boolean firstBurst) {
        int stop = position;
        if (firstBurst && pattern.minimumPulses() > 0) {
            stop = Math.max(stop, pulseEnds[pattern.minimumPulses() - 1]);
        }
        for (int k = 0; k < pulseStarts.length; k++) {
            if (stop > pulseStarts[k] && stop < pulseEnds[k]) {
                stop = pulseEnds[k];
            }
        }
        return stop;
    }
}
