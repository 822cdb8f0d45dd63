package org.vigil.sim.protocol;

import java.time.InstantSource;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.vigil.domain.Vital;

/**
 * A simulated Contec CMS50E speaking the V7.0 protocol: 60 real-time packets a second with SpO2,
 * PR, PI and the pleth, sent once the station's start command came and while its keep-alives do.
 */
public record ContecSimDriver() implements SimDriver {

    private static final Set<Vital> REPORTS = Collections.unmodifiableSet(EnumSet.of(Vital.SPO2, Vital.PR, Vital.PI));

    @Override
    public String key() {
        return "contec";
    }

    @Override
    public FrameEncoder newEncoder() {
        return new ContecEncoder();
    }

    @Override
    public Set<Vital> reports() {
        return REPORTS;
    }

    /** A responder judging the keep-alive silence by the system clock (a responder is asked {@code mayReport()} without a time). */
    @Override
    public Optional<Responder> newResponder() {
        return Optional.of(new ContecResponder("CMS50E", InstantSource.system()));
    }
}
