package org.vigil.sim;

import java.time.Duration;

/**
 * What the nurse does at {@code at}: {@code acknowledge} (all active alarms) or
 * {@code pause_audio} (for the station's configured pause, default 2 min).
 */
public record NurseAction(Duration at, String action) {

    /** The nurse acknowledges all active alarms. */
    public static final String ACKNOWLEDGE = "acknowledge";
    /** The nurse pauses alarm audio. */
    public static final String PAUSE_AUDIO = "pause_audio";
}
