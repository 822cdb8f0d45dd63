package org.vigil.chair;

/** A device link as the station sees it. */
public enum ConnectionState {
    /** Opening the port; no frame yet. */
    CONNECTING,
    /** Frames arriving. */
    CONNECTED,
    /** Port open but no complete frame within the device's silence timeout. */
    NO_DATA,
    /** Port gone or could not be opened; retrying. */
    DISCONNECTED
}
