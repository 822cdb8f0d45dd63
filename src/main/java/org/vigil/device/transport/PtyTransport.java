package org.vigil.device.transport;

import java.io.IOException;

/**
 * The simulator's end of a {@link PtyPair}: writes go to the master side. Reading is not
 * supported (simulated devices only talk); {@code open} accepts a listener for interface
 * symmetry and never calls it.
 */
public final class PtyTransport implements Transport {

    private final PtyPair pty;

    public PtyTransport(PtyPair pty) {
        this.pty = pty;
    }

    /** Creates a new pty pair and wraps its master side. */
    public static PtyTransport create() throws IOException {
        return new PtyTransport(PtyPair.open());
    }

    public PtyPair pty() {
        return pty;
    }

    @Override
    public String describe() {
        return "pty " + pty.slavePath();
    }

    @Override
    public void open(TransportListener listener) {
        // The master side is open from creation.
    }

    @Override
    public void write(byte[] data, int off, int len) throws IOException {
        pty.write(data, off, len);
    }

    @Override
    public boolean isOpen() {
        return pty.isOpen();
    }

    @Override
    public void close() {
        pty.close();
    }
}
