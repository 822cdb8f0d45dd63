package org.vigil.sim.protocol;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.vigil.domain.Vital;

/**
 * A simulated Philips IntelliVue on its RS-232 Data Export port: it answers the association and
 * sends the MDS create event ({@link IntellivueResponder}); its numerics go out as the encoder's
 * poll results once the station has associated (the replies to the station's periodic polls).
 */
public record IntellivueSimDriver() implements SimDriver {

    private static final Set<Vital> REPORTS = Collections.unmodifiableSet(EnumSet.of(Vital.HR, Vital.PR, Vital.SPO2,
            Vital.PI, Vital.RR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN));

    @Override
    public String key() {
        return "intellivue";
    }

    @Override
    public FrameEncoder newEncoder() {
        return new IntellivueEncoder();
    }

    @Override
    public Set<Vital> reports() {
        return REPORTS;
    }

    @Override
    public Optional<Responder> newResponder() {
        return newResponder(Optional.empty());
    }

    /** The MDS create event names the monitor by {@code serial} (else {@code SIM0000001}). */
    @Override
    public Optional<Responder> newResponder(Optional<String> serial) {
        return Optional.of(new IntellivueResponder(null, serial.orElse(null), InstantSource.system(), Duration.ofSeconds(10), 10));
    }
}
