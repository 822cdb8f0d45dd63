package org.vigil.storage;

import java.util.Objects;

/**
 * A device attached to a session, as stored in {@code session_device}. {@code protocol} is the
 * protocol key ({@code masimo}, {@code ivy}) (kept as text so that old sessions stay readable whatever protocols a
 * later version knows); {@code endpoint} is the port description, e.g. {@code /dev/ttyUSB0}.
 */
public record SessionDevice(String deviceId, String label, String protocol, String endpoint) {

    public SessionDevice {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
