package org.vigil.sim;

import java.time.Duration;

/**
 * What the nurse does at {@code at}: {@code acknowledge} (all active alarms),
 * {@code pause_audio} (for the station's configured pause, default 2 min) or
 * {@code set_baseline} (presses <em>Set baseline</em>: the average of the last two cuff readings).
 */
public record NurseAction(Duration at, String action) {

    /** The nurse acknowledges all active alarms. */
    public static final String ACKNOWLEDGE = "acknowledge";
    /** The nurse pauses alarm audio. */
    public static final String PAUSE_AUDIO = "pause_audio";
    /** The nurse presses Set baseline. */
    public static final String SET_BASELINE = "set_baseline";
}
