package org.vigil.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;
import org.vigil.domain.Measurement;
import org.vigil.domain.Reading;

/**
 * One device link: a {@link Transport} feeding a protocol {@link FrameDecoder}. Bytes are decoded
 * on the transport's reader thread as they arrive; each complete frame becomes readings stamped
 * with the receive time from the injected clock and goes to the {@link DeviceListener}. NIBP
 * repeats are reduced to one reading per cuff measurement ({@link NibpTracker}). When the port
 * cannot be opened or goes away, the connection reports it and retries every
 * {@code reconnectDelay} until closed.
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
    private final ByteBuffer buffer;
    private final NibpTracker nibp = new NibpTracker();
    private final AtomicLong frames = new AtomicLong();
    private final Object lock = new Object();

    private Transport transport;
    private ScheduledFuture<?> retry;
    private boolean closed;
    private String lastFailure;

    public DeviceConnection(String deviceId, Supplier<Transport> transports, FrameDecoder decoder, InstantSource clock,
            DeviceListener listener, ScheduledExecutorService scheduler, Duration reconnectDelay) {
        this.deviceId = Objects.requireNonNull(deviceId);
        this.transports = Objects.requireNonNull(transports);
        this.decoder = Objects.requireNonNull(decoder);
        this.clock = Objects.requireNonNull(clock);
        this.listener = Objects.requireNonNull(listener);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.reconnectDelay = Objects.requireNonNull(reconnectDelay);
        this.buffer = ByteBuffer.allocate(Math.max(8192, decoder.maxFrameLength() * 2));
    }

    public String deviceId() {
        return deviceId;
    }

    /** Frames decoded so far. */
    public long frames() {
        return frames.get();
    }

    /** Bytes the decoder skipped as garbage so far. */
    public long discardedBytes() {
        synchronized (buffer) {
            return decoder.discardedBytes();
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
            synchronized (buffer) {
                buffer.clear();
            }
            t.open(new Link(t));
            lastFailure = null;
            log.info("device {} connected on {}", deviceId, t.describe());
            listener.onConnected(deviceId, t.describe());
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!reason.equals(lastFailure)) {
                log.warn("device {}: {}", deviceId, reason);
                lastFailure = reason;
            }
            t.close();
            listener.onDisconnected(deviceId, reason);
            scheduleReconnect();
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
        synchronized (buffer) {
            int off = 0;
            while (off < len) {
                int n = Math.min(len - off, buffer.remaining());
                if (n == 0) {
                    // A decoder bounds its frames, so this only happens if it keeps more than its
                    // maximum; drop the backlog rather than stall the link.
                    log.warn("device {}: receive buffer full, {} bytes dropped", deviceId, buffer.position());
                    buffer.clear();
                    continue;
                }
                buffer.put(data, off, n);
                off += n;
                buffer.flip();
                decoder.decode(buffer, this::onFrame);
                buffer.compact();
            }
        }
    }

    private void onFrame(DeviceFrame frame) {
        frames.incrementAndGet();
        Instant now = clock.instant();
        List<Reading> readings = new ArrayList<>(frame.measurements().size());
        for (Measurement m : frame.measurements()) {
            readings.add(Reading.of(now, deviceId, m));
        }
        listener.onReadings(deviceId, nibp.filter(readings));
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
        public void onDisconnected(String reason) {
            owner.close();
            listener.onDisconnected(deviceId, reason);
            scheduleReconnect();
        }
    }
}
