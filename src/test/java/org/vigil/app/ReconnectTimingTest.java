package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.Priority;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;
import org.vigil.chair.ChairMonitor;

/**
 * A nurse's chair has its monitor and oximeter behind serial-to-Ethernet converters that went
 * off the network: each first attempt is refused, then every reconnect hangs in connect (as a
 * TCP connect to a host that drops packets does, for up to 3 s per attempt). The alarm clock
 * (the 100 ms tick that drives delays, "no data", pause expiry and escalation) must keep its
 * period all the while: here both "port disconnected" alarms, left unacknowledged, escalate to
 * high when the injected clock passes the escalation time, while both reconnects still hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReconnectTimingTest {

    @TempDir
    Path dir;

    @Test
    void ticksKeepTheirPeriodWhileTwoUnreachableDevicesHangInConnect() throws Exception {
        StationConfig cfg = OneChairConfig.write(dir, """
                      - { id: ox, protocol: masimo, port: "tcp://127.0.0.1:4001" }
                      - { id: mon, protocol: ivy, port: "tcp://127.0.0.1:4002", vitals: [hr, nibp] }
                """);
        HandClock clock = new HandClock(Instant.parse("2026-03-02T09:00:00Z"));
        CountDownLatch oneHanging = new CountDownLatch(1);
        CountDownLatch bothHanging = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> hanging = ConcurrentHashMap.newKeySet();

        try (Station station = Station.start(cfg, clock, false,
                (device, sims) -> new HangingEndpoint(device.id(), hanging, List.of(oneHanging, bothHanging), release)::next)) {
            ChairMonitor chair = station.chairs().get(0);
            CountDownLatch escalated = new CountDownLatch(2);
            chair.addAlarmListener(e -> {
                if (e.type() == AlarmEventType.ESCALATED && e.priority() == Priority.HIGH) {
                    escalated.countDown();
                }
            });

            assertTrue(oneHanging.await(20, TimeUnit.SECONDS), "a device retried and hangs in connect");

            // While reconnects hang: 20 ticks at their period (100 ms), timed by the timer thread itself.
            int ticks = 20;
            CountDownLatch ticked = new CountDownLatch(ticks);
            AtomicLong first = new AtomicLong();
            AtomicLong last = new AtomicLong();
            station.addTickListener(() -> {
                long now = System.nanoTime();
                first.compareAndSet(0, now);
                if (ticked.getCount() > 0) {
                    last.set(now);
                }
                ticked.countDown();
            });
            assertTrue(ticked.await(10, TimeUnit.SECONDS), "ticks go on while reconnects hang: "
                    + (ticks - ticked.getCount()) + " of " + ticks);
            double periodMs = (last.get() - first.get()) / 1e6 / (ticks - 1);
            assertTrue(periodMs < 150, "tick period stays near 100 ms, was " + periodMs + " ms");
            assertTrue(bothHanging.await(20, TimeUnit.SECONDS),
                    "both devices hang in connect at the same time, neither waiting for the other; hanging: " + hanging);

            // The clinical consequence: unacknowledged "port disconnected" escalates on time.
            clock.advance(Duration.ofMinutes(3).plusSeconds(1));
            assertTrue(escalated.await(10, TimeUnit.SECONDS), "both disconnected alarms escalated to high");
            assertEquals(2, hanging.size(), "escalation came while both reconnects still hang");
        } finally {
            release.countDown();
        }
    }

    /** A converter that refuses the first connection and then hangs in every further connect. */
    private static final class HangingEndpoint {
        private final String id;
        private final Set<String> hanging;
        private final List<CountDownLatch> hangs;
        private final CountDownLatch release;
        private final AtomicInteger attempts = new AtomicInteger();

        HangingEndpoint(String id, Set<String> hanging, List<CountDownLatch> hangs, CountDownLatch release) {
            this.id = id;
            this.hanging = hanging;
            this.hangs = hangs;
            this.release = release;
        }

        Transport next() {
            int attempt = attempts.incrementAndGet();
            return new Transport() {
                @Override
                public String describe() {
                    return "tcp://" + id + ".converter:4001";
                }

                @Override
                public void open(TransportListener listener) throws IOException {
                    if (attempt == 1) {
                        throw new IOException("cannot connect to " + describe() + ": Connection refused");
                    }
                    hanging.add(id);
                    hangs.forEach(CountDownLatch::countDown);
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        hanging.remove(id);
                    }
                    throw new IOException("cannot connect to " + describe() + ": connect timed out");
                }

                @Override
                public void write(byte[] data, int off, int len) throws IOException {
                    throw new IOException("not connected");
                }

                @Override
                public boolean isOpen() {
                    return false;
                }

                @Override
                public void close() {
                    // nothing open
                }
            };
        }
    }

    /** The station's clock, moved by the test; read from the core thread. */
    private static final class HandClock implements InstantSource {
        private final AtomicReference<Instant> now;

        HandClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }
}
