package org.vigil.chair;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;

/**
 * The identity each device of a chair stated last: written on the core thread, read by the
 * screens through an immutable copy published on each change.
 */
final class IdentitiesInForce {

    private final Map<String, DeviceIdentityChange> inForce = new LinkedHashMap<>();
    private volatile Map<String, DeviceIdentity> view = Map.of();

    /** Takes {@code change} when it differs from the device's identity in force; true when it did. */
    boolean take(DeviceIdentityChange change) {
        DeviceIdentityChange now = inForce.get(change.deviceId());
        if (now != null && now.identity().equals(change.identity())) {
            return false;
        }
        inForce.put(change.deviceId(), change);
        Map<String, DeviceIdentity> copy = new LinkedHashMap<>();
        inForce.forEach((id, c) -> copy.put(id, c.identity()));
        view = Collections.unmodifiableMap(copy);
        return true;
    }

    /** The identities in force, as changes taking force at {@code at} (a new record's first rows). */
    List<DeviceIdentityChange> restatedAt(Instant at) {
        List<DeviceIdentityChange> out = new ArrayList<>(inForce.size());
        inForce.values().forEach(c -> out.add(new DeviceIdentityChange(c.deviceId(), at, c.identity())));
        return out;
    }

    /** The identities in force by device id (any thread). */
    Map<String, DeviceIdentity> view() {
        return view;
    }
}
