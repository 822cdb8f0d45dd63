package org.vigil.config;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.domain.Vital;

/**
 * One device on a chair.
 *
 * @param id             short id, unique in its chair, used in alarm ids ({@code ox.no_data})
 * @param label          name shown on screen and in technical alarm texts ({@code SpO2 device})
 * @param protocol       what it speaks
 * @param endpoint       where its bytes come from
 * @param serial         line settings (the protocol's default unless configured)
 * @param silenceTimeout no complete frame for this long raises {@code no_data}
 * @param nibpInterval   expected time between cuff measurements; null when it reports no NIBP
 * @param sameArmAs      id of the NIBP device (same chair) whose cuff is on this device's arm, or null
 * @param vitals         the vitals it reports, in {@link Vital} order
 * @param rawCapture     record the raw bytes the link receives to a capture file ({@code raw_capture}, off by default)
 */
public record DeviceConfig(
        String id,
        String label,
        ProtocolDriver protocol,
        Endpoint endpoint,
        SerialSettings serial,
        Duration silenceTimeout,
        Duration nibpInterval,
        String sameArmAs,
        Set<Vital> vitals,
        boolean rawCapture) {

    /** A device without raw capture. */
    public DeviceConfig(String id, String label, ProtocolDriver protocol, Endpoint endpoint, SerialSettings serial,
            Duration silenceTimeout, Duration nibpInterval, String sameArmAs, Set<Vital> vitals) {
        this(id, label, protocol, endpoint, serial, silenceTimeout, nibpInterval, sameArmAs, vitals, false);
    }

    public DeviceConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(silenceTimeout, "silenceTimeout");
        Objects.requireNonNull(vitals, "vitals");
        vitals = vitals.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(vitals));
    }

    /** True when it reports any NIBP component. */
    public boolean reportsNibp() {
        return vitals.stream().anyMatch(Vital::isNibp);
    }
}
