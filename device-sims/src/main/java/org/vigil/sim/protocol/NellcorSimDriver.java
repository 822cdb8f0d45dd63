package org.vigil.sim.protocol;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vigil.domain.Vital;

/** A simulated Nellcor N-595: real-time ASCII lines with SpO2 and PR, headers repeated. */
public record NellcorSimDriver() implements SimDriver {

    private static final Set<Vital> REPORTS = Collections.unmodifiableSet(EnumSet.of(Vital.SPO2, Vital.PR));

    @Override
    public String key() {
        return "nellcor";
    }

    @Override
    public FrameEncoder newEncoder() {
        return new NellcorEncoder();
    }

    @Override
    public Set<Vital> reports() {
        return REPORTS;
    }
}
