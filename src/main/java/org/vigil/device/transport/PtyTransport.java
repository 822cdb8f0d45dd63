package org.vigil.device.transport;

import java.io.IOException;

/**
 * The simulator's end of a {@link PtyPair}: writes go to the master side. A streaming simulated
 * device never opens it (the master side is open from creation); a device that answers the
 * station opens it with a listener, and a reader thread ({@code pty-read-<slave>}, blocked in
 * {@code poll} at most 200 ms at a time) hands it what the station wrote.
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
        // The master side is open from creation; only a listener needs a reader.
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[4096];
            int n;
            while ((n = pty.read(buf, 200)) >= 0) {
                if (n > 0) {
                    listener.onData(buf, n);
                }
            }
        }, "pty-read-" + pty.slavePath());
        reader.setDaemon(true);
        reader.start();
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
