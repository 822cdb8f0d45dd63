package org.vigil.domain;

/**
 * Quality and state indications attached to a measurement. Device-reported flags come from the
 * protocol (e.g. Masimo EXC bits); {@link #QUESTIONABLE} and {@link #IMPLAUSIBLE} are set by the
 * station itself.
 * The {@link #key()} is what CSV output prints, several flags joined with {@code |}.
 */
public enum ReadingFlag {
    /** The device reports no valid value (dashes, empty field); the value is absent. */
    INVALID("invalid"),
    /** No sensor connected to the device. */
    NO_SENSOR("no_sensor"),
    /** Sensor connected but off the patient (probe off / no finger). */
    SENSOR_OFF("sensor_off"),
    /** Sensor reported defective or unrecognised. */
    SENSOR_FAULT("sensor_fault"),
    /** Low perfusion at the sensor site. */
    LOW_PERFUSION("low_perfusion"),
    /** The device is searching for a pulse. */
    PULSE_SEARCH("pulse_search"),
    /** Interference or ambient light disturbs the measurement. */
    INTERFERENCE("interference"),
    /** Low signal quality (Masimo Low Signal IQ). */
    LOW_SIGNAL_QUALITY("low_signal_iq"),
    /** The NIBP cuff is inflating / measuring. */
    CUFF_INFLATING("cuff_inflating"),
    /** The device itself signals an active alarm. */
    DEVICE_ALARM("device_alarm"),
    /** The device's own alarm audio is silenced. */
    DEVICE_ALARM_SILENCED("device_alarm_silenced"),
    /**
     * The device marks the value as demonstration or test data (IntelliVue DEMO_DATA, TEST_DATA):
     * not a measurement of the patient, never charted as one nor alarmed on.
     */
    DEMO_DATA("demo_data"),
    /** Marked by the station as a likely artifact (e.g. SpO2 while the same-arm cuff inflates). */
    QUESTIONABLE("questionable"),
    /**
     * Set by the station: a value no patient can have ({@link Plausibility}), such as HR 999 or a
     * diastolic above the systolic. The value is kept for the record; it never starts or ends an
     * alarm condition.
     */
    IMPLAUSIBLE("implausible");

    private final String key;

    ReadingFlag(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /**
     * True when this flag means the value is not a measurement of the patient: it never counts as
     * low or high. The alarm engine treats such a reading as "unknown", which ends a condition
     * rather than continuing it (a technical alarm such as sensor off covers the gap).
     */
    public boolean invalidates() {
        return switch (this) {
            case INVALID, NO_SENSOR, SENSOR_OFF, SENSOR_FAULT, PULSE_SEARCH, CUFF_INFLATING, DEMO_DATA, QUESTIONABLE,
                    IMPLAUSIBLE -> true;
            default -> false;
        };
    }

    /** Flags as printed in CSV: keys in declaration order joined with {@code |}, empty if none. */
    public static String text(java.util.Set<ReadingFlag> flags) {
        return flags.stream().sorted().map(ReadingFlag::key).collect(java.util.stream.Collectors.joining("|"));
    }
}
