package org.vigil.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.vigil.sim.protocol.DeviceOutput;

/**
 * Everything one simulated device writes during one pass of a scenario or recording, as a
 * deterministic schedule of {@link Emission}s in time order, all within [0, {@link #duration()}).
 * Every call of {@link #iterator()} starts a fresh pass with a fresh encoder and yields exactly
 * the same bytes.
 */
public interface DeviceScript extends Iterable<Emission> {

    /** The device id (a key of the scenario's {@code devices}). */
    String deviceId();

    /** The protocol key, e.g. {@code masimo}. */
    String protocol();

    /** Length of one pass; every emission is before it. */
    Duration duration();

    /** What the device reports at {@code t} (any instant, not only whole seconds); empty while it is silent. */
    Optional<DeviceOutput> outputAt(Duration t);

    /** A fresh pass over the schedule, generated lazily. */
    @Override
    Iterator<Emission> iterator();

    /** The whole schedule in a list (one pass). */
    default List<Emission> emissions() {
        List<Emission> out = new ArrayList<>();
        iterator().forEachRemaining(out::add);
        return out;
    }

    /** The schedule as a sequential stream. */
    default Stream<Emission> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
