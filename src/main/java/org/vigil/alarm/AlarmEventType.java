package org.vigil.alarm;

/** What happened to an alarm, as printed in the alarm log's {@code event} column. */
public enum AlarmEventType {
    /** The alarm condition held past its condition delay: the alarm signal starts. */
    RAISED("raised"),
    /** An unacknowledged alarm moved to a higher priority (disclosed escalation rule). */
    ESCALATED("escalated"),
    /** A user acknowledged the alarm: its audio stops; the visual stays while the condition lasts. */
    ACKNOWLEDGED("acknowledged"),
    /** The alarm condition is gone. A latched alarm stays on screen until acknowledged. */
    ENDED("ended"),
    /** The alarm is gone from the screen. */
    CLEARED("cleared");

    private final String key;

    AlarmEventType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
