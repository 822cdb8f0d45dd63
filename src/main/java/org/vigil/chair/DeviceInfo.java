package org.vigil.chair;

import java.util.Set;
import org.vigil.device.protocol.Protocol;
import org.vigil.domain.Vital;

/** A device configured on a chair, as shown on screen. {@code endpoint} is the port description. */
public record DeviceInfo(String id, String label, Protocol protocol, String endpoint, Set<Vital> vitals, boolean simulated) {
}
