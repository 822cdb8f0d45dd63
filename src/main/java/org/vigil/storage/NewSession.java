package org.vigil.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SessionRepository#startSession} needs to open a session row.
 *
 * @param chairId         the configured chair id, e.g. {@code chair1}
 * @param start           when the session started (station clock)
 * @param softwareVersion the station's version, recorded with every session
 * @param simulated       true when the devices are the built-in simulators, not a patient's monitors
 * @param devices         the devices attached to the chair, ids unique
 */
public record NewSession(String chairId, Instant start, String softwareVersion, boolean simulated,
        List<SessionDevice> devices, Clinical clinical) {

    /** A clinical session's part: the patient (stored, with an id) and the order with its arithmetic. */
    public record Clinical(org.vigil.session.Patient patient, org.vigil.session.DoseCalculation dose) {
        public Clinical {
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(dose, "dose");
        }
    }

    /** A chair's record without a patient (monitoring between clinical sessions). */
    public NewSession(String chairId, Instant start, String softwareVersion, boolean simulated,
            List<SessionDevice> devices) {
        this(chairId, start, softwareVersion, simulated, devices, null);
    }

    /** The same session with a clinical part. */
    public NewSession withClinical(org.vigil.session.Patient patient, org.vigil.session.DoseCalculation dose, Instant at) {
        return new NewSession(chairId, at, softwareVersion, simulated, devices, new Clinical(patient, dose));
    }

    public NewSession {
        Objects.requireNonNull(chairId, "chairId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
