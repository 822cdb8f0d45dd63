package org.vigil.sim.protocol;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vigil.domain.Vital;

/**
 * What a simulated device reports at one instant.
 *
 * @param deviceClock   the device's own clock (printed by protocols that carry a time)
 * @param values        the value of each vital the device reports; a vital missing from the map
 *                      or mapped to NaN is sent as the protocol's "no value" (dashes, empty field).
 *                      Values are in the vital's unit; the encoder rounds to the protocol's resolution.
 * @param sensorOff     the probe is off the patient: no values, plus the protocol's sensor-off indication
 * @param cuffInflating the NIBP cuff is inflating (NIBP fields empty, measuring indication)
 * @param serial        the device serial number, or null
 */
public record DeviceOutput(
        LocalDateTime deviceClock,
        Map<Vital, Double> values,
        boolean sensorOff,
        boolean cuffInflating,
        String serial) {

    public DeviceOutput {
        Objects.requireNonNull(deviceClock, "deviceClock");
        values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
    }

    /** The value to send for {@code v}, or NaN for "no value". */
    public double value(Vital v) {
        Double d = values.get(v);
        return d == null ? Double.NaN : d;
    }

    public boolean has(Vital v) {
        return !Double.isNaN(value(v));
    }

    public Set<Vital> vitals() {
        return values.keySet();
    }
}
