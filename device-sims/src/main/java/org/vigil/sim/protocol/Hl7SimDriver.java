package org.vigil.sim.protocol;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vigil.domain.Vital;

/**
 * A simulated networked monitor pushing HL7 v2 ORU^R01 (IHE PCD-01) for bed {@code B-01}, MLLP-framed.
 * Live, it is an MLLP client of the station's listener (see {@link Hl7Encoder}); in a scenario its
 * messages go straight to the decoder.
 */
public record Hl7SimDriver() implements SimDriver {

    /** The bed the simulated monitor is set to. */
    public static final String BED = "B-01";

    private static final Set<Vital> REPORTS = Collections.unmodifiableSet(EnumSet.of(Vital.HR, Vital.PR, Vital.SPO2,
            Vital.PI, Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN));

    @Override
    public String key() {
        return "hl7";
    }

    @Override
    public FrameEncoder newEncoder() {
        return new Hl7Encoder(BED);
    }

    @Override
    public Set<Vital> reports() {
        return REPORTS;
    }
}
