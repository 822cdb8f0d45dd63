package org.vigil.device.protocol.hl7;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.LinkSettings;
import org.vigil.device.protocol.NibpPolicy;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.domain.Vital;

/**
 * HL7 v2 ORU^R01 (IHE PCD-01) pushed by networked monitors and gateways over MLLP/TCP to a port
 * the station listens on (default 2575), routed to a chair by the PV1-3 bed. Streaming: the
 * station only acknowledges.
 */
public record Hl7Driver() implements ProtocolDriver {

    /** The port monitors usually push to: 2575, registered with IANA for HL7. */
    public static final int DEFAULT_PORT = 2575;

    private static final Set<Vital> VITALS = Collections.unmodifiableSet(EnumSet.of(Vital.HR, Vital.PR, Vital.SPO2,
            Vital.PI, Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN));

    /** The default link: listening on TCP {@code port}. */
    public record Listen(int port) implements LinkSettings {
    }

    @Override
    public String key() {
        return "hl7";
    }

    @Override
    public String description() {
        return "HL7 v2 ORU^R01 (IHE PCD-01) over MLLP/TCP, monitors push to the station";
    }

    @Override
    public String defaultLabel() {
        return "Networked monitor";
    }

    @Override
    public LinkSettings defaultLink() {
        return new Listen(DEFAULT_PORT);
    }

    @Override
    public Set<Vital> vitals() {
        return VITALS;
    }

    @Override
    public FrameDecoder newDecoder() {
        return new Hl7Decoder();
    }

    @Override
    public NibpPolicy nibpPolicy() {
        return NibpPolicy.TIMESTAMPED_RESULTS;
    }
}
