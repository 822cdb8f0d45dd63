package org.vigil.alarm;

import java.time.Duration;
import java.util.Objects;

/**
 * What the alarm engine needs to know about one configured device.
 *
 * @param deviceId        the configured device id ({@code ox}), used in technical alarm ids
 * @param label           the name shown in technical alarm texts ({@code "SpO2 device"})
 * @param silenceTimeout  no reading for this long raises {@code <deviceId>.no_data}
 * @param nibpInterval    the cuff measurement interval; null when the device gives no NIBP
 * @param sameArmAsCuffOf the id of the device whose NIBP cuff sits on the same arm as this
 *                        device's SpO2 sensor, or null ({@link ArtifactMarker})
 */
public record DeviceAlarmProfile(
        String deviceId,
        String label,
        Duration silenceTimeout,
        Duration nibpInterval,
        String sameArmAsCuffOf) {

    public DeviceAlarmProfile {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(silenceTimeout, "silenceTimeout");
        if (deviceId.isBlank() || deviceId.equals(AlarmEngine.STATION)) {
            throw new IllegalArgumentException("bad device id '" + deviceId + "'");
        }
        if (silenceTimeout.isNegative() || silenceTimeout.isZero()) {
            throw new IllegalArgumentException(deviceId + ": silence timeout must be positive");
        }
        if (nibpInterval != null && (nibpInterval.isNegative() || nibpInterval.isZero())) {
            throw new IllegalArgumentException(deviceId + ": NIBP interval must be positive");
        }
    }
}
