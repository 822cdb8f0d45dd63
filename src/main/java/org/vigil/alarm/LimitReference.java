package org.vigil.alarm;

/** What a limit's threshold is measured against. */
public enum LimitReference {
    /** The threshold is an absolute value in the vital's unit. */
    ABSOLUTE,
    /** The threshold is a rise (HIGH) or fall (LOW) from the session baseline, in the vital's unit. */
    BASELINE
}
