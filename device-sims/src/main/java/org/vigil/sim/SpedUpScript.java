package org.vigil.sim;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import org.vigil.sim.protocol.DeviceOutput;

/**
 * A device script played {@code speed} times faster: every emission keeps its bytes and its
 * order and comes at {@code at / speed}, so a scenario's first alarm at minute 20 comes after
 * 20 s at speed 60. The device then sends {@code speed} reports per second of played time (a
 * 1 Hz oximeter at speed 60 writes 60 lines a second); its frames still carry scenario time.
 */
public final class SpedUpScript implements DeviceScript {

    /** The fastest speed accepted: an hour of scenario per second. */
    public static final double MAX_SPEED = 3600;

    private final DeviceScript script;
    private final double speed;

    private SpedUpScript(DeviceScript script, double speed) {
        this.script = script;
        this.speed = speed;
    }

    /**
     * {@code script} played {@code speed} times faster; {@code script} itself when speed is 1.
     *
     * @throws IllegalArgumentException when speed is not above 0 and at most {@link #MAX_SPEED}
     */
    public static DeviceScript of(DeviceScript script, double speed) {
        Objects.requireNonNull(script, "script");
        if (!(speed > 0 && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be above 0 and at most " + (int) MAX_SPEED + ": " + speed);
        }
        return speed == 1 ? script : new SpedUpScript(script, speed);
    }

    @Override
    public String deviceId() {
        return script.deviceId();
    }

    @Override
    public String protocol() {
        return script.protocol();
    }

    @Override
    public Duration duration() {
        return Duration.ofNanos((long) Math.ceil(script.duration().toNanos() / speed));
    }

    @Override
    public Optional<DeviceOutput> outputAt(Duration t) {
        return script.outputAt(Duration.ofNanos(Math.round(t.toNanos() * speed)));
    }

    @Override
    public Iterator<Emission> iterator() {
        Iterator<Emission> it = script.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Emission next() {
                Emission e = it.next();
                return new Emission(Duration.ofNanos((long) Math.floor(e.at().toNanos() / speed)), e.bytes(), e.kind());
            }
        };
    }
}
