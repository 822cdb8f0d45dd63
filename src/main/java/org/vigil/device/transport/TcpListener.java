package org.vigil.device.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that devices connect to (HL7 monitors and gateways push to the station): one
 * daemon thread accepts ({@code tcp-listen-<port>}), one daemon thread per accepted connection
 * reads ({@code tcp-conn-<peer>}) and hands the bytes to that connection's {@link Handler},
 * whose replies are written back on the same thread. At most {@code maxConnections} at once; a
 * connection beyond that is closed at once.
 */
public final class TcpListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpListener.class);

    /** What one connection does with its bytes. Called on the connection's thread only. */
    public interface Handler {

        /** {@code len} bytes arrived in {@code data} (reused after return); returns the bytes to send back (may be empty). */
        Iterable<byte[]> onData(byte[] data, int len);

        /** The peer closed the connection, or it failed, or the listener closed. */
        void onClosed();
    }

    /** Creates the handler of a new connection, given the peer's address. */
    public interface HandlerFactory {
        Handler open(String peer);
    }

    private final String host;
    private final int port;
    private final int maxConnections;
    private final HandlerFactory handlers;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    /**
     * @param host the address to listen on ({@code 0.0.0.0} for every interface, {@code 127.0.0.1} for tests)
     * @param port the port, 0 for any free one ({@link #port()} then tells which)
     */
    public TcpListener(String host, int port, int maxConnections, HandlerFactory handlers) {
        this.host = Objects.requireNonNull(host);
        this.port = port;
        this.maxConnections = maxConnections;
        this.handlers = Objects.requireNonNull(handlers);
    }

    /** Binds and starts accepting; a port that cannot be bound throws a {@link LinkException}. */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port), 50);
        } catch (IOException e) {
            s.close();
            String where = "listen " + host + ":" + port;
            LinkProblem problem = e instanceof BindException ? new LinkProblem(LinkFault.BUSY, where, e.toString())
                    : LinkProblem.of(e, where);
            throw new LinkException(problem, e);
        }
        server = s;
        Thread t = new Thread(() -> accept(s), "tcp-listen-" + s.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** The bound port (the configured one, or the one chosen for port 0); -1 before {@link #start()}. */
    public int port() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    /** {@code tcp-listen://HOST:PORT}. */
    public String describe() {
        return "tcp-listen://" + host + ":" + (port() < 0 ? port : port());
    }

    /** Connections open now. */
    public int connections() {
        return connections.size();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket c;
            try {
                c = s.accept();
            } catch (IOException e) {
                if (!s.isClosed()) {
                    log.warn("{}: accept failed", describe(), e);
                }
                continue;
            }
            String peer = c.getInetAddress().getHostAddress() + ":" + c.getPort();
            if (connections.size() >= maxConnections) {
                log.warn("{}: connection from {} refused, {} already open", describe(), peer, maxConnections);
                closeQuietly(c);
                continue;
            }
            connections.add(c);
            log.info("{}: {} connected", describe(), peer);
            Thread reader = new Thread(() -> serve(c, peer), "tcp-conn-" + peer);
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void serve(Socket c, String peer) {
        Handler h = handlers.open(peer);
        try {
            c.setTcpNoDelay(true);
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                for (byte[] reply : h.onData(buf, n)) {
                    out.write(reply);
                }
                out.flush();
            }
        } catch (SocketException e) {
            log.debug("{}: {} gone: {}", describe(), peer, e.toString());
        } catch (IOException e) {
            log.info("{}: {} failed", describe(), peer, e);
        } finally {
            connections.remove(c);
            closeQuietly(c);
            h.onClosed();
            log.info("{}: {} disconnected", describe(), peer);
        }
    }

    @Override
    public synchronized void close() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (Socket c : connections) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Socket c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
