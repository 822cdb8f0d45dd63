package org.vigil.device.protocol.ivy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.LinkSettings;
import org.vigil.device.protocol.NibpPolicy;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.domain.Vital;

/** Ivy 450C "ANSAR-B" messages: 0xFF … 0xFE once per second, 9600 8N1, streaming. */
public record IvyDriver() implements ProtocolDriver {

    private static final Set<Vital> VITALS = Collections.unmodifiableSet(EnumSet.of(Vital.HR, Vital.SPO2, Vital.PR,
            Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN));

    @Override
    public String key() {
        return "ivy";
    }

    @Override
    public String description() {
        return "Ivy 450C bedside monitor";
    }

    @Override
    public String defaultLabel() {
        return "Bedside monitor";
    }

    @Override
    public LinkSettings defaultLink() {
        return new SerialSettings(9600, 8, 'N', 1);
    }

    @Override
    public Set<Vital> vitals() {
        return VITALS;
    }

    @Override
    public FrameDecoder newDecoder() {
        return new IvyDecoder();
    }

    @Override
    public NibpPolicy nibpPolicy() {
        return NibpPolicy.REPEATS_LAST_RESULT;
    }
}
