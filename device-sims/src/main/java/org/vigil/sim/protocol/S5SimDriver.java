package org.vigil.sim.protocol;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.vigil.domain.Vital;

/**
 * A simulated GE / Datex-Ohmeda S/5 monitor: displayed-values records with HR, RR, NIBP, SpO2
 * and PR, sent only after the station's request ({@link S5Responder}).
 */
public record S5SimDriver() implements SimDriver {

    private static final Set<Vital> REPORTS = Collections.unmodifiableSet(EnumSet.of(Vital.HR, Vital.RR, Vital.SPO2,
            Vital.PR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN));

    @Override
    public String key() {
        return "ge-s5";
    }

    @Override
    public FrameEncoder newEncoder() {
        return new S5Encoder();
    }

    @Override
    public Set<Vital> reports() {
        return REPORTS;
    }

    @Override
    public Optional<Responder> newResponder() {
        return Optional.of(new S5Responder());
    }
}
