package org.vigil.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.LinkOutput;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.ProtocolSession;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.device.transport.LinkProblem;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;

/**
 * "Detect" on the device setup screen: tries a serial port with each serial protocol's settings in
 * turn (its default line settings; a request/response protocol's session greets the device and is
 * ticked) and keeps the first whose decoder reads {@link #FRAMES_NEEDED} frames with values from
 * what arrives within the listening time, with less garbage than frames' worth. The port is opened
 * through {@code ports} ({@code (path, settings) → Transport}), so a pseudo-terminal or a fake
 * stands in for hardware in tests. Blocking: call it off the FX thread.
 */
public final class PortDetector {

    private static final Logger log = LoggerFactory.getLogger(PortDetector.class);

    /** Frames with values a protocol must decode to be the one. */
    public static final int FRAMES_NEEDED = 2;

    /** One protocol tried: how many frames with values it decoded, the bytes it skipped, or why it could not open. */
    public record Attempt(String protocol, SerialSettings settings, int frames, long discardedBytes, String problem) {
    }

    /** The outcome: the protocol found (if any) and every attempt, in order. */
    public record Result(String port, Optional<String> protocol, List<Attempt> attempts) {
        public Result {
            attempts = List.copyOf(attempts);
        }
    }

    private final List<ProtocolDriver> drivers;
    private final BiFunction<String, SerialSettings, Transport> ports;
    private final InstantSource clock;
    private final Duration listen;

    /**
     * @param registry the protocols; those whose default link is a serial port are tried, in registry order
     * @param ports    opens a port with the settings of the protocol being tried
     * @param listen   how long each protocol listens
     */
    public PortDetector(ProtocolRegistry registry, BiFunction<String, SerialSettings, Transport> ports, InstantSource clock,
            Duration listen) {
        this.drivers = registry.all().stream().filter(d -> d.defaultLink() instanceof SerialSettings).toList();
        this.ports = Objects.requireNonNull(ports);
        this.clock = Objects.requireNonNull(clock);
        this.listen = Objects.requireNonNull(listen);
    }

    /** Tries {@code port} with each protocol until one decodes; never throws for a port that fails. */
    public Result detect(String port) throws InterruptedException {
        List<Attempt> attempts = new ArrayList<>();
        for (ProtocolDriver d : drivers) {
            Attempt a = attempt(port, d);
            attempts.add(a);
            if (a.problem() == null && a.frames() >= FRAMES_NEEDED) {
                log.info("port {} detected as {} ({} frames)", port, d.key(), a.frames());
                return new Result(port, Optional.of(d.key()), attempts);
            }
        }
        return new Result(port, Optional.empty(), attempts);
    }

    private Attempt attempt(String port, ProtocolDriver driver) throws InterruptedException {
        SerialSettings settings = (SerialSettings) driver.defaultLink();
        FrameDecoder decoder = driver.newDecoder();
        BlockingQueue<byte[]> received = new ArrayBlockingQueue<>(4096);
        Transport t;
        try {
            t = ports.apply(port, settings);
            t.open(new TransportListener() {
                @Override
                public void onData(byte[] data, int len) {
                    received.offer(java.util.Arrays.copyOf(data, len));
                }

                @Override
                public void onDisconnected(LinkProblem problem) {
                }
            });
        } catch (IOException | RuntimeException e) {
            return new Attempt(driver.key(), settings, 0, 0, LinkProblem.of(e, port).plainText());
        }
        try {
            LinkOutput out = bytes -> {
                try {
                    t.write(bytes, 0, bytes.length);
                } catch (IOException | RuntimeException e) {
                    log.debug("detect {}: write failed: {}", port, e.toString());
                }
            };
            Optional<ProtocolSession> session = driver.newSession();
            session.ifPresent(s -> s.onOpen(out, clock.instant()));
            ByteBuffer buffer = ByteBuffer.allocate(Math.max(8192, decoder.maxFrameLength() * 2));
            int[] frames = new int[1];
            long end = System.nanoTime() + listen.toNanos();
            long nextTick = System.nanoTime() + DeviceConnection.TICK.toNanos();
            while (System.nanoTime() < end && frames[0] < FRAMES_NEEDED) {
                byte[] chunk = received.poll(Math.min(DeviceConnection.TICK.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)),
                        TimeUnit.MILLISECONDS);
                if (chunk != null) {
                    int off = 0;
                    while (off < chunk.length) {
                        int n = Math.min(chunk.length - off, buffer.remaining());
                        if (n == 0) {
                            buffer.clear();
                            continue;
                        }
                        buffer.put(chunk, off, n);
                        off += n;
                        buffer.flip();
                        decoder.decode(buffer, f -> onFrame(f, session, out, frames));
                        buffer.compact();
                    }
                }
                if (session.isPresent() && System.nanoTime() >= nextTick) {
                    session.get().onTick(clock.instant(), out);
                    nextTick = System.nanoTime() + DeviceConnection.TICK.toNanos();
                }
            }
            boolean clean = decoder.discardedBytes() < (long) Math.max(1, frames[0]) * decoder.maxFrameLength();
            return new Attempt(driver.key(), settings, clean ? frames[0] : 0, decoder.discardedBytes(), null);
        } finally {
            t.close();
        }
    }

    private void onFrame(DeviceFrame f, Optional<ProtocolSession> session, LinkOutput out, int[] frames) {
        session.ifPresent(s -> {
            try {
                s.onFrame(f, out, clock.instant());
            } catch (RuntimeException e) {
                log.debug("detect: session failed on a frame", e);
            }
        });
        if (f.measurements().stream().anyMatch(m -> m.hasValue())) {
            frames[0]++;
        }
    }
}
