package org.vigil.device.protocol.masimo;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.LinkSettings;
import org.vigil.device.protocol.NibpPolicy;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.domain.Vital;

/** Masimo Rad-8 / Radical serial ASCII 1 output: one CR LF line per second, 9600 8N1, streaming. */
public record MasimoDriver() implements ProtocolDriver {

    private static final Set<Vital> VITALS = Collections.unmodifiableSet(EnumSet.of(Vital.SPO2, Vital.PR, Vital.PI));

    @Override
    public String key() {
        return "masimo";
    }

    @Override
    public String description() {
        return "Masimo pulse oximeter";
    }

    @Override
    public String defaultLabel() {
        return "SpO2 device";
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
        return new MasimoDecoder();
    }

    @Override
    public NibpPolicy nibpPolicy() {
        return NibpPolicy.NONE;
    }
}
