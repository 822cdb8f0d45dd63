package org.vigil.device.protocol.ges5;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.vigil.device.protocol.FlowControl;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.LinkSettings;
import org.vigil.device.protocol.NibpPolicy;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.ProtocolSession;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.domain.Vital;

/**
 * GE / Datex-Ohmeda S/5 Computer Interface: 19200 8E1 with RTS/CTS; the station asks for the
 * displayed values every 5 s ({@link S5Session}), the monitor repeats its last NIBP result in
 * each record. See {@link S5Decoder} for the bytes.
 */
public record S5Driver() implements ProtocolDriver {

    /** How often the monitor is asked to send its displayed values. */
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private static final Set<Vital> VITALS = Collections.unmodifiableSet(EnumSet.of(Vital.HR, Vital.RR, Vital.SPO2,
            Vital.PR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN));

    @Override
    public String key() {
        return "ge-s5";
    }

    @Override
    public String description() {
        return "GE/Datex-Ohmeda S/5 monitor (Computer Interface)";
    }

    @Override
    public String defaultLabel() {
        return "Bedside monitor";
    }

    @Override
    public LinkSettings defaultLink() {
        return new SerialSettings(19200, 8, 'E', 1, FlowControl.RTS_CTS);
    }

    @Override
    public Set<Vital> vitals() {
        return VITALS;
    }

    @Override
    public FrameDecoder newDecoder() {
        return new S5Decoder();
    }

    @Override
    public NibpPolicy nibpPolicy() {
        return NibpPolicy.REPEATS_LAST_RESULT;
    }

    @Override
    public Optional<ProtocolSession> newSession() {
        return Optional.of(new S5Session(INTERVAL));
    }
}
