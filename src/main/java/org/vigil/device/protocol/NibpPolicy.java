package org.vigil.device.protocol;

/** How a protocol reports non-invasive blood pressure, which decides how the station finds new cuff results. */
public enum NibpPolicy {
    /** The protocol carries no NIBP. */
    NONE,
    /**
     * The device repeats its last cuff result in every message (Ivy, Masimo style); a result is
     * new when it differs from the previous one or follows blank or cuff-inflating fields.
     */
    REPEATS_LAST_RESULT,
    /** Each result carries its own measurement time; a result is new when its time is. */
    TIMESTAMPED_RESULTS
}
