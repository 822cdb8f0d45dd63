package org.vigil.session;

import java.util.List;
import java.util.Optional;

/**
 * Where patients are found and created (the storage layer implements it on the session
 * database). Calls may block on the disk: screens call it off the FX thread.
 */
public interface PatientDirectory {

    /** Patients whose MRN or name contains {@code text} (case-insensitive), best matches first, at most {@code max}. */
    List<Patient> search(String text, int max);

    Optional<Patient> byMrn(String mrn);

    /**
     * Stores a new patient and returns it with its id.
     *
     * @throws IllegalArgumentException when the MRN is taken or a field is not plausible (the message says which)
     */
    Patient create(Patient patient);

    /** Records a patient's latest weight. */
    void updateWeight(long patientId, double weightKg);

    /** How many sessions this patient has had (their course so far). */
    int sessionCount(long patientId);
}
