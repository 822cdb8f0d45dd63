package org.vigil.device;

/** Where one device link stands, in words a nurse understands. */
public enum LinkState {
    /** The port is being opened, or will be retried. */
    CONNECTING,
    /** The port is open and the protocol session is negotiating (association, start command). */
    NEGOTIATING,
    /** The device sends data (a streaming device is connected as soon as its port is open). */
    CONNECTED
}
