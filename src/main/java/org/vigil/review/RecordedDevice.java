package org.vigil.review;

import java.time.Instant;
import java.util.List;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;

/**
 * A device that recorded in a session, as configured then, with what it told about itself:
 * {@code identities} holds each identity it stated during the session with the time it took
 * force, oldest first (empty when it told nothing: its protocol gives no identity, or the session
 * was recorded before the station kept them).
 */
public record RecordedDevice(String deviceId, String label, String protocol, String endpoint,
        List<DeviceIdentityChange> identities) {

    public RecordedDevice {
        identities = List.copyOf(identities);
    }

    /** A device that told nothing about itself. */
    public RecordedDevice(String deviceId, String label, String protocol, String endpoint) {
        this(deviceId, label, protocol, endpoint, List.of());
    }

    /** The identity in force at {@code t}; {@link DeviceIdentity#UNKNOWN} before the first. */
    public DeviceIdentity identityAt(Instant t) {
        return DeviceIdentityChange.at(identities, deviceId, t);
    }
}
