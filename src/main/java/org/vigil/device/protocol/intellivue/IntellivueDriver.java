package org.vigil.device.protocol.intellivue;

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
 * Philips IntelliVue MP/MX "Data Export" on the MIB/RS232 port, 115200 8N1: request/response
 * (association, MDS create answered, numerics polled every second, the pleth wave by a periodic
 * poll).
 */
public record IntellivueDriver() implements ProtocolDriver {

    private static final Set<Vital> VITALS = Collections.unmodifiableSet(EnumSet.of(Vital.HR, Vital.PR, Vital.SPO2,
            Vital.PI, Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN));

    @Override
    public String key() {
        return "intellivue";
    }

    @Override
    public String description() {
        return "Philips IntelliVue monitor (Data Export, RS-232)";
    }

    @Override
    public String defaultLabel() {
        return "Bedside monitor";
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
        return new IntellivueDecoder();
    }

    /** The NIBP numeric repeats the last cuff result with its own observation time ({@code nibp_sys_time}). */
    @Override
    public NibpPolicy nibpPolicy() {
        return NibpPolicy.TIMESTAMPED_RESULTS;
    }

    @Override
    public Optional<ProtocolSession> newSession() {
        return Optional.of(new IntellivueSession());
    }
}
