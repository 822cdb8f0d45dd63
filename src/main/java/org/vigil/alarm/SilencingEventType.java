package org.vigil.alarm;

/** Alarm-system state changes recorded in the session log next to the alarm events. */
public enum SilencingEventType {
    /** Audio paused by a user until {@link SilencingEvent#until()}. */
    AUDIO_PAUSED("audio_paused"),
    /** The audio pause ended: cancelled by a user, or expired (user null). */
    AUDIO_PAUSE_ENDED("audio_pause_ended"),
    /** An admin switched an alarm off. */
    ALARM_OFF("alarm_off"),
    /** An admin switched an alarm back on. */
    ALARM_ON("alarm_on"),
    /** The alarm configuration (limits, delays, priorities, latching) was replaced. */
    CONFIG_CHANGED("config_changed"),
    /** The session baseline used by the rise-from-baseline alarms was set or cleared. */
    BASELINE_SET("baseline_set"),
    /**
     * A device began sending values no patient can have for a vital: until valid values return,
     * that vital's alarms are not evaluated (conditions hold as they were). The detail names the
     * value and the rule it broke.
     */
    DATA_INVALID("data_invalid"),
    /** Valid values of the vital came back from that device: its alarms are evaluated again. */
    DATA_VALID("data_valid");

    private final String key;

    SilencingEventType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
