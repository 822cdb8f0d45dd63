package org.vigil.device.transport;

/**
 * Why a device link is not up, as a closed set decided where the cause is known (the transport),
 * never by reading a driver's message. {@link LinkProblem#plainText()} words each for the screen.
 */
public enum LinkFault {
    /** The serial port path does not exist (adapter unplugged, wrong name). */
    NOT_FOUND,
    /** The port exists but the station's user may not open it. */
    NO_PERMISSION,
    /** Another program (or another open of the station) holds the port. */
    BUSY,
    /** The path exists but is not a serial port (a file, a directory, a non-terminal device). */
    NOT_A_SERIAL_PORT,
    /** An open serial port went away (cable or adapter pulled, device switched off). */
    UNPLUGGED,
    /** Reading from an open link failed. */
    READ_FAILED,
    /** Nothing listens at the TCP address. */
    REFUSED,
    /** The TCP address did not answer in time. */
    TIMED_OUT,
    /** The TCP host name does not resolve. */
    UNKNOWN_HOST,
    /** No route to the TCP host (network down, wrong subnet). */
    UNREACHABLE,
    /** The TCP peer closed the connection. */
    CLOSED_BY_PEER,
    /** Anything else: the driver's text is in the log. */
    OTHER
}
