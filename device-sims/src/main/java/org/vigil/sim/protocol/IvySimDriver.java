package org.vigil.sim.protocol;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vigil.domain.Vital;

/** A simulated Ivy 450C: ANSAR-B messages with HR, PR, SpO2, RR and NIBP. */
public record IvySimDriver() implements SimDriver {

    private static final Set<Vital> REPORTS = Collections.unmodifiableSet(EnumSet.of(Vital.HR, Vital.PR, Vital.SPO2,
            Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN));

    @Override
    public String key() {
        return "ivy";
    }

    @Override
    public FrameEncoder newEncoder() {
        return new IvyEncoder();
    }

    @Override
    public Set<Vital> reports() {
        return REPORTS;
    }
}
