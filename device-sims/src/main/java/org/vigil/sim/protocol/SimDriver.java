package org.vigil.sim.protocol;

import java.util.Optional;
import java.util.Set;
import org.vigil.domain.Vital;

/**
 * The simulator side of one protocol, listed once in {@link SimRegistry}: its key (the same as
 * the station's driver), the encoder that writes its reports byte for byte, the vitals it can
 * carry (what a scenario's {@code reports:} may list), and for request/response devices a
 * {@link Responder} that answers the station. Stateless: typically a record without components.
 */
public interface SimDriver {

    /** The protocol key, as in scenario files and in the station's configuration: {@code masimo}. */
    String key();

    /** A fresh encoder for one simulated device. */
    FrameEncoder newEncoder();

    /** The vitals a device speaking this protocol can report. */
    Set<Vital> reports();

    /** A fresh responder for one simulated link; empty for a device that only streams (the default). */
    default Optional<Responder> newResponder() {
        return Optional.empty();
    }

    /**
     * A fresh responder for one simulated link of a device configured with {@code serial} (the
     * scenario's {@code serial:}), for a device that tells its serial in an answer (an IntelliVue's
     * MDS create event). By default the serial is not part of any answer: {@link #newResponder()}.
     */
    default Optional<Responder> newResponder(Optional<String> serial) {
        return newResponder();
    }
}
