package org.vigil.sim.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.transport.Transport;
import org.vigil.sim.DeviceEmission;
import org.vigil.sim.DeviceScript;
import org.vigil.sim.Emissions;

/**
 * Plays device scripts in real time onto transports (one per device id): each emission is written
 * when the injected clock reaches start + its {@code at}. Runs on its own thread ({@link #start()})
 * or on the caller's ({@link #play()}); optionally loops, each pass starting where the previous
 * one ended. A failed write is logged and playing goes on. When the clock jumps or the thread
 * falls behind by more than {@link #MAX_DRIFT}, the schedule is re-anchored to now instead of
 * bursting or stalling. The player never opens or closes the transports.
 */
public final class LivePlayer implements AutoCloseable {

    /** Largest drift between clock and schedule that is caught up rather than re-anchored. */
    public static final Duration MAX_DRIFT = Duration.ofSeconds(2);
    private static final long MAX_SLEEP = Duration.ofMillis(500).toNanos();
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(LivePlayer.class);

    private final Map<String, DeviceScript> scripts;
    private final Map<String, Transport> transports;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final boolean loop;
    private final Duration pass;
    private final Set<String> failing = new HashSet<>();
    private volatile boolean stopRequested;
    private volatile Thread thread;
    private volatile long passesDone;

    /**
     * @param scripts    device id → script, played together from the same t = 0
     * @param transports device id → an open transport; every script needs one
     * @param clock      the time source (production {@code InstantSource.system()})
     * @param sleeper    how to wait (production {@link Sleeper#PARK})
     * @param loop       start again at t = 0 after the longest script ends, until stopped
     */
    public LivePlayer(Map<String, ? extends DeviceScript> scripts, Map<String, ? extends Transport> transports,
                      InstantSource clock, Sleeper sleeper, boolean loop) {
        this.scripts = new LinkedHashMap<>(scripts);
        this.transports = Map.copyOf(transports);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        for (String id : this.scripts.keySet()) {
            if (!this.transports.containsKey(id)) {
                throw new IllegalArgumentException("no transport for device '" + id + "'");
            }
        }
        this.pass = this.scripts.values().stream().map(DeviceScript::duration).max(Duration::compareTo).orElse(Duration.ZERO);
        this.loop = loop && !pass.isZero();
    }

    /** Starts playing on a new daemon thread named {@code sim-player}. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        Thread t = new Thread(this::play, "sim-player");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * Plays on the calling thread until every script has ended (never, when looping) or
     * {@link #stop()} is called.
     */
    public void play() {
        Instant origin = clock.instant();
        long offset = 0;
        long previous = 0;
        do {
            Iterator<DeviceEmission> it = Emissions.merge(scripts);
            while (it.hasNext() && !stopRequested) {
                DeviceEmission d = it.next();
                long at = offset + d.emission().at().toNanos();
                origin = waitUntil(origin, at, at - previous);
                previous = at;
                if (!stopRequested) {
                    write(d);
                }
            }
            offset += pass.toNanos();
            if (!stopRequested) {
                passesDone++;
            }
        } while (loop && !stopRequested);
        log.debug("player finished after {} passes", passesDone);
    }

    /** Waits until {@code origin + at}; returns the origin, moved when the clock drifted too far. */
    private Instant waitUntil(Instant origin, long at, long gap) {
        long drift = MAX_DRIFT.toNanos();
        while (!stopRequested) {
            long remaining = Duration.between(clock.instant(), origin.plusNanos(at)).toNanos();
            if (remaining <= 0) {
                if (-remaining > drift) {
                    log.info("behind schedule by {} ms, re-anchoring", -remaining / 1_000_000);
                    return origin.plusNanos(-remaining);
                }
                return origin;
            }
            if (remaining > gap + drift) {
                log.info("clock moved back by {} ms, re-anchoring", (remaining - gap) / 1_000_000);
                origin = origin.minusNanos(remaining - gap);
                continue;
            }
            sleeper.sleepNanos(Math.min(remaining, MAX_SLEEP));
        }
        return origin;
    }

    private void write(DeviceEmission d) {
        byte[] b = d.emission().bytes();
        String id = d.deviceId();
        try {
            transports.get(id).write(b, 0, b.length);
            if (failing.remove(id)) {
                log.info("writing to device {} works again", id);
            }
        } catch (IOException | RuntimeException e) {
            if (failing.add(id)) {
                log.warn("writing to device {} failed; going on", id, e);
            } else {
                log.debug("writing to device {} still fails: {}", id, e.toString());
            }
        }
    }

    /** Asks the player to stop, wakes it, and waits up to 5 s for its thread to end. */
    public void stop() {
        stopRequested = true;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            try {
                if (!awaitFinished(STOP_WAIT)) {
                    log.warn("player thread did not stop within {}", STOP_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits up to {@code timeout} for the player thread to end; true when it has (or never started). */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return true;
        }
        t.join(Math.max(1, timeout.toMillis()));
        return !t.isAlive();
    }

    /** True while the player thread is alive. */
    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** How many passes have been played to their end. */
    public long passesDone() {
        return passesDone;
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }
}
