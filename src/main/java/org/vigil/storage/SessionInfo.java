package org.vigil.storage;

import java.time.Instant;
import java.util.List;

/**
 * Everything stored about one session except its readings and events.
 *
 * @param end        null while the session runs
 * @param endReason  null while the session runs
 * @param patientRef null until the check-in workflow links a patient
 */
public record SessionInfo(long id, String chairId, Instant start, Instant end, EndReason endReason,
        String softwareVersion, boolean simulated, Baseline baseline, String patientRef,
        List<SessionDevice> devices) {

    public SessionInfo {
        devices = List.copyOf(devices);
    }
}
