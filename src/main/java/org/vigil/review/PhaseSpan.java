package org.vigil.review;

import java.time.Instant;
import org.vigil.session.Phase;

/**
 * A phase of a clinical session and when it held.
 *
 * @param to the next phase's start, or the session's end (null while it runs)
 */
public record PhaseSpan(Phase phase, Instant from, Instant to) {

    public boolean contains(Instant t) {
        return !t.isBefore(from) && (to == null || t.isBefore(to));
    }
}
