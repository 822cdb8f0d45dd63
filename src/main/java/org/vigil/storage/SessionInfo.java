package org.vigil.storage;

import java.time.Instant;
import java.util.List;

/**
 * Everything stored about one session except its readings and events.
 *
 * @param end        null while the session runs
 * @param endReason  null while the session runs
 * @param patientRef null until the check-in workflow links a patient
 * @param identities what the devices told about themselves, each change in time order (empty for
 *                   sessions recorded before schema step 8, or devices that tell nothing)
 */
public record SessionInfo(long id, String chairId, Instant start, Instant end, EndReason endReason,
        String softwareVersion, boolean simulated, Baseline baseline, String patientRef,
        List<SessionDevice> devices, List<org.vigil.domain.DeviceIdentityChange> identities) {

    public SessionInfo {
        devices = List.copyOf(devices);
        identities = List.copyOf(identities);
    }
}
