package org.vigil.device.protocol.nellcor;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.LinkSettings;
import org.vigil.device.protocol.NibpPolicy;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.domain.Vital;

/** Nellcor N-560 / N-595 / N-600 real-time ASCII output: one line every 2 s, 9600 8N1, streaming. */
public record NellcorDriver() implements ProtocolDriver {

    private static final Set<Vital> VITALS = Collections.unmodifiableSet(EnumSet.of(Vital.SPO2, Vital.PR));

    @Override
    public String key() {
        return "nellcor";
    }

    @Override
    public String description() {
        return "Nellcor N-595/N-560 pulse oximeter (real-time ASCII)";
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
        return new NellcorDecoder();
    }

    @Override
    public NibpPolicy nibpPolicy() {
        return NibpPolicy.NONE;
    }
}
