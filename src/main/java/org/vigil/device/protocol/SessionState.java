package org.vigil.device.protocol;

/** Where a request/response conversation with a device stands. */
public enum SessionState {
    /** The link is open, the device is not yet sending data (association, start command …). */
    NEGOTIATING,
    /** The device sends data. */
    CONNECTED
}
