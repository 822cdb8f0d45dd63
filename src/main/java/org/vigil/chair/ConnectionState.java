package org.vigil.chair;

/** A device link as the station sees it, in the words the screens show (see {@code DeviceRow}). */
public enum ConnectionState {
    /** Opening the port (or waiting to open it again); no frame yet. */
    CONNECTING,
    /** The port is open and the protocol session is negotiating (association, start command); no data yet. */
    NEGOTIATING,
    /** Frames with values arriving: OK. */
    CONNECTED,
    /** Frames arriving, but the device says its sensor is off the patient or unplugged. */
    SENSOR_OFF,
    /** Port open but no complete frame within the device's silence timeout. */
    NO_DATA,
    /** Port gone or could not be opened; retrying with backoff. */
    DISCONNECTED
}
