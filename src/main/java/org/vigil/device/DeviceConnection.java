package org.vigil.device;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.transport.LinkProblem;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;

/**
 * One device link: a {@link Transport} feeding a protocol {@link FrameDecoder}. Bytes are decoded
 * on the transport's reader thread as they arrive; each complete frame becomes readings stamped
 * with the receive time from the injected clock and goes to the {@link DeviceListener}. NIBP
 * repeats are reduced to one reading per cuff measurement ({@link NibpTracker}). When the port
 * cannot be opened or goes away, the connection reports it and retries every
 * {@code reconnectDelay} until closed. Opening may block (a TCP connect waits up to 3 s), so
 * the {@code scheduler} that runs the retries must be one for connecting only, never the timer
 * that drives the alarms. The log gets one line per change of the link's state (connected,
 * lost, failing for a new reason) and each further failed attempt at DEBUG only.
 */
public final class DeviceConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeviceConnection.class);

    private final String deviceId;
    private final Supplier<Transport> transports;
    private final FrameDecoder decoder;
    private final InstantSource clock;
    private final DeviceListener listener;
    private final ScheduledExecutorService scheduler;
    private final Duration reconnectDelay;
    private final DeviceStream stream;
    private final Object lock = new Object();

    private Transport transport;
    private ScheduledFuture<?> retry;
    private boolean closed;
    private LinkProblem lastFailure;

    public DeviceConnection(String deviceId, Supplier<Transport> transports, FrameDecoder decoder, InstantSource clock,
            DeviceListener listener, ScheduledExecutorService scheduler, Duration reconnectDelay) {
        this.deviceId = Objects.requireNonNull(deviceId);
        this.transports = Objects.requireNonNull(transports);
        this.decoder = Objects.requireNonNull(decoder);
        this.clock = Objects.requireNonNull(clock);
        this.listener = Objects.requireNonNull(listener);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.reconnectDelay = Objects.requireNonNull(reconnectDelay);
        this.stream = new DeviceStream(deviceId, decoder, clock, listener::onReadings, listener::onUnalarmedMeasurements);
    }

    public String deviceId() {
        return deviceId;
    }

    /** Frames decoded so far. */
    public long frames() {
        synchronized (stream) {
            return stream.frames();
        }
    }

    /** Bytes the decoder skipped as garbage so far. */
    public long discardedBytes() {
        synchronized (stream) {
            return stream.discardedBytes();
        }
    }

    /** Opens the port now (or schedules retries if it cannot be opened). */
    public void start() {
        connect();
    }

    private void connect() {
        Transport t;
        synchronized (lock) {
            if (closed) {
                return;
            }
            retry = null;
            t = transports.get();
            transport = t;
        }
        try {
            synchronized (stream) {
                stream.reset();
            }
            t.open(new Link(t));
            synchronized (lock) {
                lastFailure = null;
            }
            log.info("device {} connected on {}", deviceId, t.describe());
            listener.onConnected(deviceId, t.describe());
        } catch (IOException | RuntimeException e) {
            // The driver's words go to the log (with the stack trace, in the file only); the screen
            // gets the typed cause in plain words. The console hears of a failure once, not per retry.
            LinkProblem problem = LinkProblem.of(e, t.describe());
            if (changedFailure(problem)) {
                log.warn("device {} not connected: {}; retrying every {} s", deviceId, problem.logText(),
                        reconnectDelay.toSeconds(), e);
            } else {
                log.debug("device {} still not connected: {}", deviceId, problem.logText());
            }
            t.close();
            listener.onDisconnected(deviceId, problem.plainText());
            scheduleReconnect();
        }
    }

    /** True when {@code reason} is news: the first failure after a connection, or a different one. */
    private boolean changedFailure(LinkProblem reason) {
        synchronized (lock) {
            if (reason.equals(lastFailure)) {
                return false;
            }
            lastFailure = reason;
            return true;
        }
    }

    private void scheduleReconnect() {
        synchronized (lock) {
            if (closed || retry != null) {
                return;
            }
            retry = scheduler.schedule(this::connect, reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Feeds received bytes through the decoder; public for replaying captures without a port. */
    public void receive(byte[] data, int len) {
        synchronized (stream) {
            stream.receive(data, len);
        }
    }

    @Override
    public void close() {
        Transport t;
        synchronized (lock) {
            closed = true;
            if (retry != null) {
                retry.cancel(false);
            }
            t = transport;
            transport = null;
        }
        if (t != null) {
            t.close();
        }
    }

    private final class Link implements TransportListener {
        private final Transport owner;

        Link(Transport owner) {
            this.owner = owner;
        }

        @Override
        public void onData(byte[] data, int len) {
            receive(data, len);
        }

        @Override
        public void onDisconnected(LinkProblem problem) {
            if (changedFailure(problem)) {
                log.warn("device {} disconnected: {}; retrying every {} s", deviceId, problem.logText(), reconnectDelay.toSeconds());
            }
            owner.close();
            listener.onDisconnected(deviceId, problem.plainText());
            scheduleReconnect();
        }
    }
}
