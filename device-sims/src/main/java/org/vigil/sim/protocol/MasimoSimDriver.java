package org.vigil.sim.protocol;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vigil.domain.Vital;

/** A simulated Masimo oximeter: serial ASCII 1 lines, SpO2, PR and PI. */
public record MasimoSimDriver() implements SimDriver {

    private static final Set<Vital> REPORTS = Collections.unmodifiableSet(EnumSet.of(Vital.SPO2, Vital.PR, Vital.PI));

    @Override
    public String key() {
        return "masimo";
    }

    @Override
    public FrameEncoder newEncoder() {
        return new MasimoEncoder();
    }

    @Override
    public Set<Vital> reports() {
        return REPORTS;
    }
}
