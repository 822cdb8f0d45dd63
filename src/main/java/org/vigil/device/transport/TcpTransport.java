package org.vigil.device.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A device reached through a TCP byte stream (a serial-to-Ethernet converter, or a simulator on
 * a machine without pseudo-terminals). One daemon reader thread per connection delivers bytes
 * as they arrive; end of stream or a read error is reported as a disconnect.
 */
public final class TcpTransport implements Transport {

    private final String host;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Socket socket;

    public TcpTransport(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public String describe() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public void open(TransportListener listener) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        try {
            s.connect(new InetSocketAddress(host, port), 3000);
        } catch (IOException e) {
            s.close();
            throw new LinkException(LinkProblem.of(e, host + ":" + port), e);
        }
        socket = s;
        closed.set(false);
        InputStream in = s.getInputStream();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[4096];
            LinkProblem problem = new LinkProblem(LinkFault.CLOSED_BY_PEER, host + ":" + port, "end of stream");
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (n > 0) {
                        listener.onData(buf, n);
                    }
                }
            } catch (IOException e) {
                problem = new LinkProblem(LinkFault.READ_FAILED, host + ":" + port, e.toString());
            }
            if (!closed.get()) {
                close();
                listener.onDisconnected(problem);
            }
        }, "tcp-reader-" + host + ":" + port);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void write(byte[] data, int off, int len) throws IOException {
        Socket s = socket;
        if (s == null) {
            throw new IOException(describe() + " is not connected");
        }
        OutputStream out = s.getOutputStream();
        out.write(data, off, len);
        out.flush();
    }

    @Override
    public boolean isOpen() {
        Socket s = socket;
        return s != null && !s.isClosed();
    }

    @Override
    public void close() {
        closed.set(true);
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
