package org.vigil.session;

import java.util.Set;
import org.vigil.domain.Vital;

/**
 * A device configured on a chair, as shown on screen. {@code protocol} is the protocol key
 * ({@code masimo}, {@code ivy} …); {@code endpoint} is the port description.
 */
public record DeviceInfo(String id, String label, String protocol, String endpoint, Set<Vital> vitals, boolean simulated) {
}
