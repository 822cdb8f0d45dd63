package org.vigil.device;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.LinkOutput;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.ProtocolSession;
import org.vigil.device.protocol.SessionState;
import org.vigil.device.transport.LinkProblem;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;

/**
 * One device link: a {@link Transport} feeding a protocol {@link FrameDecoder}. Bytes are decoded
 * on the transport's reader thread as they arrive; each complete frame becomes readings stamped
 * with the receive time from the injected clock and goes to the {@link DeviceListener}. NIBP
 * repeats are reduced to one reading per cuff measurement ({@link NibpTracker}). When the port
 * cannot be opened or goes away, the connection reports it and retries until closed, with
 * backoff: the first retry after {@code reconnectDelay}, each further one after twice the last,
 * at most {@link #MAX_BACKOFF} times {@code reconnectDelay} (2, 4, 8, 16, 16 … s for the
 * station's 2 s); a link that opens starts again from {@code reconnectDelay}. Opening may block (a TCP connect waits up to 3 s), so
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
    private final Supplier<Optional<ProtocolSession>> sessions;
    private final Object lock = new Object();
    private final RawTap tap;

    private Transport transport;
    private ScheduledFuture<?> retry;
    private ScheduledFuture<?> ticks;
    private boolean closed;
    private LinkProblem lastFailure;
    /** Failed attempts since the link was last open (guarded by {@code lock}). */
    private int failures;
    /** The session of the open link (guarded by {@code stream}); null for a streaming device or while closed. */
    private ProtocolSession session;
    private LinkOutput output;
    private volatile LinkState state = LinkState.CONNECTING;

    /** A link to a streaming device: {@code decoder} only, no protocol session. */
    public DeviceConnection(String deviceId, Supplier<Transport> transports, FrameDecoder decoder, InstantSource clock,
            DeviceListener listener, ScheduledExecutorService scheduler, Duration reconnectDelay) {
        this(deviceId, transports, decoder, Optional::empty, clock, listener, scheduler, reconnectDelay, RawTap.NONE);
    }

    /**
     * A link to a device of {@code driver}: its decoder, and for a request/response device a fresh
     * {@link ProtocolSession} per opened link, driven by this connection (opened, fed every frame,
     * ticked about every {@link #TICK}).
     */
    public DeviceConnection(String deviceId, Supplier<Transport> transports, ProtocolDriver driver, InstantSource clock,
            DeviceListener listener, ScheduledExecutorService scheduler, Duration reconnectDelay) {
        this(deviceId, transports, driver, clock, listener, scheduler, reconnectDelay, RawTap.NONE);
    }

    /** As above; {@code tap} sees every byte received before it is decoded (raw capture). */
    public DeviceConnection(String deviceId, Supplier<Transport> transports, ProtocolDriver driver, InstantSource clock,
            DeviceListener listener, ScheduledExecutorService scheduler, Duration reconnectDelay, RawTap tap) {
        this(deviceId, transports, driver.newDecoder(), driver::newSession, clock, listener, scheduler, reconnectDelay, tap);
    }

    private DeviceConnection(String deviceId, Supplier<Transport> transports, FrameDecoder decoder,
            Supplier<Optional<ProtocolSession>> sessions, InstantSource clock, DeviceListener listener,
            ScheduledExecutorService scheduler, Duration reconnectDelay, RawTap tap) {
        this.tap = Objects.requireNonNull(tap);
        this.sessions = Objects.requireNonNull(sessions);
        this.deviceId = Objects.requireNonNull(deviceId);
        this.transports = Objects.requireNonNull(transports);
        this.decoder = Objects.requireNonNull(decoder);
        this.clock = Objects.requireNonNull(clock);
        this.listener = Objects.requireNonNull(listener);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.reconnectDelay = Objects.requireNonNull(reconnectDelay);
        this.stream = new DeviceStream(deviceId, decoder, clock, listener, this::onFrame);
    }

    /** The longest wait between two attempts, as a multiple of the first. */
    public static final int MAX_BACKOFF = 8;

    /** How often an open link's protocol session is ticked. */
    public static final Duration TICK = Duration.ofMillis(250);

    /** Where the link stands. */
    public LinkState state() {
        return state;
    }

    private void setState(LinkState s) {
        if (state != s) {
            state = s;
            listener.onLinkState(deviceId, s);
        }
    }

    /** Called under the stream's lock for every decoded frame. */
    private void onFrame(DeviceFrame frame) {
        if (session != null) {
            try {
                session.onFrame(frame, output, clock.instant());
            } catch (RuntimeException e) {
                log.warn("device {}: protocol session failed on a frame", deviceId, e);
            }
            setState(session.state() == SessionState.CONNECTED ? LinkState.CONNECTED : LinkState.NEGOTIATING);
        }
    }

    private void tick() {
        synchronized (stream) {
            if (session == null) {
                return;
            }
            try {
                session.onTick(clock.instant(), output);
            } catch (RuntimeException e) {
                log.warn("device {}: protocol session failed on a tick", deviceId, e);
            }
            setState(session.state() == SessionState.CONNECTED ? LinkState.CONNECTED : LinkState.NEGOTIATING);
        }
    }

    /** Starts the session of a freshly opened link {@code t}, if the protocol has one. */
    private void openSession(Transport t) {
        Optional<ProtocolSession> s = sessions.get();
        if (s.isEmpty()) {
            setState(LinkState.CONNECTED);
            return;
        }
        synchronized (stream) {
            session = s.get();
            output = bytes -> {
                try {
                    t.write(bytes, 0, bytes.length);
                } catch (java.io.IOException | RuntimeException e) {
                    // the link's own failure path reports a port that went away
                    log.debug("device {}: write failed: {}", deviceId, e.toString());
                }
            };
            setState(LinkState.NEGOTIATING);
            try {
                session.onOpen(output, clock.instant());
            } catch (RuntimeException e) {
                log.warn("device {}: protocol session failed to open", deviceId, e);
            }
        }
        synchronized (lock) {
            if (!closed) {
                ticks = scheduler.scheduleAtFixedRate(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Ends the session of a link that went away or was closed. */
    private void endSession() {
        synchronized (lock) {
            if (ticks != null) {
                ticks.cancel(false);
                ticks = null;
            }
        }
        synchronized (stream) {
            session = null;
            output = null;
        }
        setState(LinkState.CONNECTING);
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

    /** Of {@link #discardedBytes()}, those skipped before the first frame ({@link DeviceStream#discardedBeforeFirstFrame()}). */
    public long discardedBeforeFirstFrame() {
        synchronized (stream) {
            return stream.discardedBeforeFirstFrame();
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
                failures = 0;
            }
            log.info("device {} connected on {}", deviceId, t.describe());
            listener.onConnected(deviceId, t.describe());
            openSession(t);
        } catch (IOException | RuntimeException e) {
            // The driver's words go to the log (with the stack trace, in the file only); the screen
            // gets the typed cause in plain words. The console hears of a failure once, not per retry.
            LinkProblem problem = LinkProblem.of(e, t.describe());
            if (changedFailure(problem)) {
                log.warn("device {} not connected: {}; retrying with backoff from {} s", deviceId, problem.logText(),
                        reconnectDelay.toSeconds(), e);
            } else {
                log.debug("device {} still not connected: {}", deviceId, problem.logText());
            }
            t.close();
            endSession();
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
            Duration wait = backoff(failures++);
            retry = scheduler.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The wait before attempt {@code failed + 1} after {@code failed} failed ones in a row. */
    Duration backoff(int failed) {
        return reconnectDelay.multipliedBy(1L << Math.min(failed, Integer.numberOfTrailingZeros(MAX_BACKOFF)));
    }

    /** The wait before the next attempt, as scheduled now (for the screen and tests). */
    public Duration nextRetry() {
        synchronized (lock) {
            return backoff(Math.max(0, failures - 1));
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
            if (ticks != null) {
                ticks.cancel(false);
                ticks = null;
            }
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
            tap.received(clock.instant(), data, len);
            receive(data, len);
        }

        @Override
        public void onDisconnected(LinkProblem problem) {
            if (changedFailure(problem)) {
                log.warn("device {} disconnected: {}; retrying with backoff from {} s", deviceId, problem.logText(), reconnectDelay.toSeconds());
            }
            owner.close();
            endSession();
            listener.onDisconnected(deviceId, problem.plainText());
            scheduleReconnect();
        }
    }
}
