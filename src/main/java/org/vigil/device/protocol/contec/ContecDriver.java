package org.vigil.device.protocol.contec;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.LinkSettings;
import org.vigil.device.protocol.NibpPolicy;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.ProtocolSession;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.domain.Vital;

/**
 * Contec CMS50D+ (firmware 4.6+), CMS50E, CMS50F and CMS60C pulse oximeters speaking the V7.0
 * serial protocol: 115200 8N1, real-time data after a start command, kept alive every 5 s.
 */
public record ContecDriver() implements ProtocolDriver {

    private static final Set<Vital> VITALS = Collections.unmodifiableSet(EnumSet.of(Vital.SPO2, Vital.PR, Vital.PI));

    @Override
    public String key() {
        return "contec";
    }

    @Override
    public String description() {
        return "Contec CMS50D+/CMS50E/CMS60C pulse oximeter (V7.0 protocol)";
    }

    @Override
    public String defaultLabel() {
        return "SpO2 device";
    }

    @Override
    public LinkSettings defaultLink() {
        return new SerialSettings(115200, 8, 'N', 1);
    }

    @Override
    public Set<Vital> vitals() {
        return VITALS;
    }

    @Override
    public FrameDecoder newDecoder() {
        return new ContecDecoder();
    }

    @Override
    public NibpPolicy nibpPolicy() {
        return NibpPolicy.NONE;
    }

    @Override
    public Optional<ProtocolSession> newSession() {
        return Optional.of(new ContecSession());
    }
}
