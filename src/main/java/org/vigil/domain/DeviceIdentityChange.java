package org.vigil.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A configured device's identity in force from {@code since} (the station's receive time of the
 * frame that told it), until the next change of the same device: recorded with the session each
 * time it changes (a probe or monitor swapped), so that a reading's device and time name the
 * device that measured it.
 */
public record DeviceIdentityChange(String deviceId, Instant since, DeviceIdentity identity) {

    public DeviceIdentityChange {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(identity, "identity");
    }

    /**
     * The identity of {@code deviceId} in force at {@code t} among {@code changes} (in time order):
     * the last one at or before {@code t}; {@link DeviceIdentity#UNKNOWN} before the first.
     */
    public static DeviceIdentity at(List<DeviceIdentityChange> changes, String deviceId, Instant t) {
        DeviceIdentity found = DeviceIdentity.UNKNOWN;
        for (DeviceIdentityChange c : changes) {
            if (c.since.isAfter(t)) {
                break;
            }
            if (c.deviceId.equals(deviceId)) {
                found = c.identity;
            }
        }
        return found;
    }
}
