package org.vigil.sim.live;

import java.util.concurrent.locks.LockSupport;

/** Waits for about {@code nanos}; may return early (the caller re-checks its clock). */
@FunctionalInterface
public interface Sleeper {

    /** The production sleeper: {@link LockSupport#parkNanos(long)}, woken early by {@link LivePlayer#stop()}. */
    Sleeper PARK = LockSupport::parkNanos;

    void sleepNanos(long nanos);
}
