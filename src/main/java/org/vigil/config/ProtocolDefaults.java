package org.vigil.config;

import java.util.EnumSet;
import java.util.Set;
import org.vigil.device.protocol.Protocol;
import org.vigil.domain.Vital;

/** What a device of each protocol is called and reports when the file does not say. */
final class ProtocolDefaults {

    private ProtocolDefaults() {
    }

    static String label(Protocol p) {
        return switch (p) {
            case MASIMO -> "SpO2 device";
            case IVY -> "Bedside monitor";
        };
    }

    /** The vitals the protocol can carry; also the default {@code vitals} list. */
    static Set<Vital> vitals(Protocol p) {
        return switch (p) {
            case MASIMO -> EnumSet.of(Vital.SPO2, Vital.PR, Vital.PI);
            case IVY -> EnumSet.of(Vital.HR, Vital.SPO2, Vital.PR, Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA,
                    Vital.NIBP_MEAN);
        };
    }
}
