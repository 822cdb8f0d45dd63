package org.vigil.device.transport;

import java.io.IOException;

/**
 * A byte pipe to one device: a serial port, a pseudo-terminal or a TCP socket. The same
 * interface serves the station (reading) and the simulators (writing).
 */
public interface Transport extends AutoCloseable {

    /** Human-readable endpoint, e.g. {@code /dev/ttyUSB0 9600 8N1}. */
    String describe();

    /** Opens the endpoint and starts delivering bytes to {@code listener}. */
    void open(TransportListener listener) throws IOException;

    /** Writes all of {@code data}; blocks only for the port's own buffer. */
    void write(byte[] data, int off, int len) throws IOException;

    boolean isOpen();

    @Override
    void close();
}
