package org.vigil.device;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.vigil.device.protocol.hl7.Hl7Beds;
import org.vigil.device.protocol.hl7.MllpSession;
import org.vigil.device.transport.LinkException;
import org.vigil.device.transport.LinkFault;
import org.vigil.device.transport.LinkProblem;
import org.vigil.device.transport.TcpListener;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;

/**
 * The station's HL7 listening ports: one {@link TcpListener} per port, shared by every chair
 * whose device is set to it, routing each monitor's messages by bed ({@link MllpSession},
 * {@link Hl7Beds}). A chair's device sees its bed as an ordinary {@link Transport} whose bytes are
 * the MLLP messages for that bed, so its {@link DeviceConnection} (decoder, liveness, "no data")
 * works unchanged. A port is bound when its first bed opens and closed when its last bed closes;
 * a port that cannot be bound is a link problem, retried like any other.
 */
public final class MllpListeners implements AutoCloseable {

    /** Connections one port accepts at once (monitors and gateways of a clinic). */
    static final int MAX_CONNECTIONS = 64;

    private final String host;
    private final Clock clock;
    private final Map<Integer, Port> ports = new HashMap<>();

    /**
     * @param host  the address to listen on ({@code 0.0.0.0}; {@code 127.0.0.1} in tests)
     * @param clock the station's clock, for the acknowledgements
     */
    public MllpListeners(String host, Clock clock) {
        this.host = Objects.requireNonNull(host);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The transports of the device set to {@code bed} on {@code port} (a new one per connect attempt). */
    public Supplier<Transport> transport(int port, String bed) {
        return () -> new BedTransport(port, bed);
    }

    /** The port actually bound for a configured port (differs for port 0), or -1 when not listening. */
    public synchronized int boundPort(int port) {
        Port p = ports.get(port);
        return p == null ? -1 : p.listener.port();
    }

    @Override
    public synchronized void close() {
        for (Port p : new ArrayList<>(ports.values())) {
            p.listener.close();
        }
        ports.clear();
    }

    private synchronized Port open(int port, String bed, Consumer<byte[]> sink) throws IOException {
        Port p = ports.get(port);
        if (p == null) {
            Hl7Beds beds = new Hl7Beds();
            TcpListener l = new TcpListener(host, port, MAX_CONNECTIONS, peer -> handler(new MllpSession(beds, clock, peer)));
            l.start();
            p = new Port(l, beds);
            ports.put(port, p);
        }
        if (!p.beds.register(bed, sink)) {
            closeIfUnused(port, p);
            throw new LinkException(new LinkProblem(LinkFault.BUSY, "listen " + host + ":" + port,
                    "bed " + bed + " is already set for another device on this port"), null);
        }
        return p;
    }

    private synchronized void release(int port, String bed, Consumer<byte[]> sink) {
        Port p = ports.get(port);
        if (p != null) {
            p.beds.unregister(bed, sink);
            closeIfUnused(port, p);
        }
    }

    private void closeIfUnused(int port, Port p) {
        if (p.beds.isEmpty()) {
            p.listener.close();
            ports.remove(port);
        }
    }

    private static TcpListener.Handler handler(MllpSession session) {
        return new TcpListener.Handler() {
            @Override
            public Iterable<byte[]> onData(byte[] data, int len) {
                return session.receive(data, len);
            }

            @Override
            public void onClosed() {
                // the session holds nothing that needs closing
            }
        };
    }

    private record Port(TcpListener listener, Hl7Beds beds) {
    }

    /** One bed on one port, seen by a device as its link. */
    private final class BedTransport implements Transport {
        private final int port;
        private final String bed;
        private volatile Consumer<byte[]> sink;

        BedTransport(int port, String bed) {
            this.port = port;
            this.bed = bed;
        }

        @Override
        public String describe() {
            return "hl7://" + host + ":" + port + " bed " + bed;
        }

        @Override
        public void open(TransportListener listener) throws IOException {
            // messages for one bed may come from several connections: one at a time to the decoder
            Consumer<byte[]> s = bytes -> {
                synchronized (this) {
                    listener.onData(bytes, bytes.length);
                }
            };
            MllpListeners.this.open(port, bed, s);
            sink = s;
        }

        @Override
        public void write(byte[] data, int off, int len) throws IOException {
            throw new IOException(describe() + ": the station only acknowledges what monitors send");
        }

        @Override
        public boolean isOpen() {
            return sink != null;
        }

        @Override
        public void close() {
            Consumer<byte[]> s = sink;
            sink = null;
            if (s != null) {
                release(port, bed, s);
            }
        }
    }
}
