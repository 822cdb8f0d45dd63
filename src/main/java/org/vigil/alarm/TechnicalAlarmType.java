package org.vigil.alarm;

/**
 * Technical alarm conditions. Device alarms get the id {@code <deviceId>.<key>}
 * ({@code ox.no_data}); station-wide alarms ({@link #stationWide()}, held once by
 * {@link StationAlarms}, never by a chair) get {@code station.<key>}.
 */
public enum TechnicalAlarmType {
    /** No complete frame from the device within its silence timeout. */
    NO_DATA("no_data", Priority.MEDIUM, "no data"),
    /** The serial port went away (cable pulled, adapter unplugged) and is not back. */
    DISCONNECTED("disconnected", Priority.MEDIUM, "port disconnected"),
    /** Sensor off the patient or no sensor connected. */
    SENSOR_OFF("sensor_off", Priority.MEDIUM, "sensor off"),
    /** The device is searching for a pulse. */
    PULSE_SEARCH("pulse_search", Priority.LOW, "pulse search"),
    /** Low perfusion at the sensor site. */
    LOW_PERFUSION("low_perfusion", Priority.LOW, "low perfusion"),
    /** Low signal quality / interference. */
    LOW_SIGNAL_QUALITY("low_signal_iq", Priority.LOW, "low signal quality"),
    /**
     * The device has sent only values no patient can have ({@code ReadingFlag.IMPLAUSIBLE}) for
     * one of its vitals for the flag delay: that vital cannot be monitored from it.
     */
    INVALID_DATA("invalid_data", Priority.MEDIUM, "invalid data"),
    /** The last NIBP measurement is older than its interval plus grace. */
    NIBP_OVERDUE("nibp_overdue", Priority.LOW, "NIBP overdue"),
    /** No audio output device: alarms are visual only. */
    AUDIO_UNAVAILABLE("audio_unavailable", Priority.MEDIUM, "alarm audio unavailable"),
    /** Writing the session to disk failed (one database for every chair). */
    RECORDING_FAILED("recording_failed", Priority.MEDIUM, "recording unavailable");

    private final String key;
    private final Priority defaultPriority;
    private final String text;

    TechnicalAlarmType(String key, Priority defaultPriority, String text) {
        this.key = key;
        this.defaultPriority = defaultPriority;
        this.text = text;
    }

    public String key() {
        return key;
    }

    public Priority defaultPriority() {
        return defaultPriority;
    }

    /** Screen text after the source name, e.g. {@code "SpO2 device: no data"}. */
    public String text() {
        return text;
    }

    /** True for a condition of the whole station ({@link StationAlarms}), false for one of a chair's device. */
    public boolean stationWide() {
        return this == AUDIO_UNAVAILABLE || this == RECORDING_FAILED;
    }

    public static TechnicalAlarmType fromKey(String key) {
        for (TechnicalAlarmType t : values()) {
            if (t.key.equalsIgnoreCase(key.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown technical alarm '" + key + "'");
    }
}
