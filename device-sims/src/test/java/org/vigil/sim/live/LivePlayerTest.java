package org.vigil.sim.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;
import org.vigil.sim.Simulation;
import org.vigil.sim.TextEncoder;
import org.vigil.sim.scenario.ScenarioParser;

class LivePlayerTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** A clock that only moves when the player sleeps. */
    static final class FakeTime implements InstantSource, Sleeper {
        final AtomicReference<Instant> now = new AtomicReference<>(T0);
        final List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now.updateAndGet(t -> t.plusNanos(nanos));
        }
    }

    /** Records what is written and when, by the fake clock. */
    static final class MemoryTransport implements Transport {
        record Write(Duration at, String text) {
        }

        final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
        private final InstantSource clock;
        Consumer<MemoryTransport> onWrite = t -> { };
        int failuresLeft;

        MemoryTransport(InstantSource clock) {
            this.clock = clock;
        }

        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public void open(TransportListener listener) {
        }

        @Override
        public void write(byte[] data, int off, int len) throws IOException {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IOException("port gone");
            }
            writes.add(new Write(Duration.between(T0, clock.instant()), new String(data, off, len)));
            onWrite.accept(this);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static Simulation sim(String yaml) throws Exception {
        return new Simulation(new ScenarioParser().parse("t.yaml", yaml), key -> new TextEncoder());
    }

    private static final String TWO_DEVICES = """
            duration: 5s
            devices:
              ox: { protocol: masimo, reports: [spo2] }
              mon: { protocol: ivy, reports: [hr] }
            vitals: { spo2: 97, hr: 70 }
            events:
              - { at: 2.5s, garbage: mon, bytes: 4 }
            """;

    @Test
    void writesEachEmissionWhenTheClockReachesIt() throws Exception {
        FakeTime time = new FakeTime();
        MemoryTransport ox = new MemoryTransport(time);
        MemoryTransport mon = new MemoryTransport(time);
        LivePlayer p = new LivePlayer(sim(TWO_DEVICES).scripts(), Map.of("ox", ox, "mon", mon), time, time, false);
        p.play();
        assertEquals(List.of(0L, 1000L, 2000L, 3000L, 4000L), ox.writes.stream().map(w -> w.at().toMillis()).toList());
        assertEquals(List.of(0L, 1000L, 2000L, 2500L, 3000L, 4000L), mon.writes.stream().map(w -> w.at().toMillis()).toList());
        assertTrue(ox.writes.get(0).text().contains("spo2=97.0"));
        assertEquals(1, p.passesDone());
        assertTrue(time.sleeps.stream().allMatch(n -> n > 0 && n <= 500_000_000L));
    }

    @Test
    void loopingStartsTheNextPassWhereTheLastEnded() throws Exception {
        FakeTime time = new FakeTime();
        MemoryTransport ox = new MemoryTransport(time);
        MemoryTransport mon = new MemoryTransport(time);
        LivePlayer[] holder = new LivePlayer[1];
        ox.onWrite = t -> {
            if (t.writes.size() == 12) {
                holder[0].stop();
            }
        };
        holder[0] = new LivePlayer(sim(TWO_DEVICES).scripts(), Map.of("ox", ox, "mon", mon), time, time, true);
        holder[0].play();
        assertEquals(12, ox.writes.size());
        assertEquals(Duration.ofSeconds(11), ox.writes.get(11).at());
        assertEquals(ox.writes.get(0).text(), ox.writes.get(5).text(), "each pass plays the same bytes");
        assertEquals(2, holder[0].passesDone());
    }

    @Test
    void failedWritesAreLoggedAndPlayingGoesOn() throws Exception {
        FakeTime time = new FakeTime();
        MemoryTransport ox = new MemoryTransport(time);
        MemoryTransport mon = new MemoryTransport(time);
        ox.failuresLeft = 3;
        new LivePlayer(sim(TWO_DEVICES).scripts(), Map.of("ox", ox, "mon", mon), time, time, false).play();
        assertEquals(List.of(3000L, 4000L), ox.writes.stream().map(w -> w.at().toMillis()).toList());
        assertEquals(6, mon.writes.size());
    }

    @Test
    void aClockJumpReanchorsInsteadOfBurstingOrStalling() throws Exception {
        FakeTime time = new FakeTime();
        MemoryTransport ox = new MemoryTransport(time);
        ox.onWrite = t -> {
            if (t.writes.size() == 2) {
                time.now.updateAndGet(i -> i.plus(Duration.ofHours(1)));
            } else if (t.writes.size() == 4) {
                time.now.updateAndGet(i -> i.minus(Duration.ofMinutes(30)));
            }
        };
        Simulation s = sim("duration: 6s\ndevices: { ox: { protocol: masimo, reports: [spo2] } }\n");
        new LivePlayer(s.scripts(), Map.of("ox", ox), time, time, false).play();
        List<Long> at = ox.writes.stream().map(w -> w.at().toMillis()).toList();
        assertEquals(6, at.size());
        for (int i = 1; i < at.size(); i++) {
            long gap = at.get(i) - at.get(i - 1);
            if (i != 2 && i != 4) {
                assertEquals(1000L, gap, () -> "writes at " + at);
            }
        }
    }

    @Test
    void runsOnItsOwnThreadAndStops() throws Exception {
        FakeTime time = new FakeTime();
        MemoryTransport ox = new MemoryTransport(time);
        MemoryTransport mon = new MemoryTransport(time);
        CountDownLatch enough = new CountDownLatch(20);
        ox.onWrite = t -> enough.countDown();
        LivePlayer p = new LivePlayer(sim(TWO_DEVICES).scripts(), Map.of("ox", ox, "mon", mon), time, time, true);
        p.start();
        assertThrows(IllegalStateException.class, p::start);
        assertTrue(enough.await(30, TimeUnit.SECONDS));
        p.stop();
        assertFalse(p.isRunning());
        assertTrue(p.awaitFinished(Duration.ofSeconds(1)));
        int written = ox.writes.size();
        assertTrue(written >= 20);
        assertEquals(written, ox.writes.size(), "nothing is written after stop");
    }

    @Test
    void everyScriptNeedsATransport() throws Exception {
        FakeTime time = new FakeTime();
        assertThrows(IllegalArgumentException.class, () -> new LivePlayer(sim(TWO_DEVICES).scripts(),
                Map.of("ox", new MemoryTransport(time)), time, time, false));
    }
}
