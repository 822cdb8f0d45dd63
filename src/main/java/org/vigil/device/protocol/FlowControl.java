package org.vigil.device.protocol;

/** Hardware flow control of a serial line. */
public enum FlowControl {
    /** No flow control (most bedside devices). */
    NONE,
    /** RTS/CTS hardware handshake (e.g. the GE S/5 computer interface). */
    RTS_CTS
}
