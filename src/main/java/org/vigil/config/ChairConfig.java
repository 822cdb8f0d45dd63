package org.vigil.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One treatment chair and the devices attached to it; device ids are unique within the chair. */
public record ChairConfig(String id, String label, List<DeviceConfig> devices) {

    public ChairConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        devices = List.copyOf(devices);
    }

    public Optional<DeviceConfig> device(String deviceId) {
        return devices.stream().filter(d -> d.id().equals(deviceId)).findFirst();
    }

    /** True when every device is the built-in simulator. */
    public boolean simulated() {
        return devices.stream().allMatch(d -> d.endpoint().simulated());
    }
}
