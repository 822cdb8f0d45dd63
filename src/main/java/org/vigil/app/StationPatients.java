package org.vigil.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.session.Patient;
import org.vigil.session.PatientDirectory;

/**
 * The station's patient list as the screens see it: each call goes to the directory the station
 * has at that moment, so a session database that becomes usable after the window opened is used;
 * while there is none, searches find nobody and creating a patient is refused with the reason.
 */
final class StationPatients implements PatientDirectory {

    static final String UNAVAILABLE = "the patient list cannot be used now (the session database is unavailable)";

    private final Supplier<Optional<PatientDirectory>> current;

    StationPatients(Supplier<Optional<PatientDirectory>> current) {
        this.current = current;
    }

    @Override
    public List<Patient> search(String text, int max) {
        return current.get().map(d -> d.search(text, max)).orElse(List.of());
    }

    @Override
    public Optional<Patient> byMrn(String mrn) {
        return current.get().flatMap(d -> d.byMrn(mrn));
    }

    @Override
    public Patient create(Patient patient) {
        return current.get().orElseThrow(() -> new IllegalArgumentException(UNAVAILABLE)).create(patient);
    }

    @Override
    public void updateWeight(long patientId, double weightKg) {
        current.get().orElseThrow(() -> new IllegalArgumentException(UNAVAILABLE)).updateWeight(patientId, weightKg);
    }

    @Override
    public int sessionCount(long patientId) {
        return current.get().map(d -> d.sessionCount(patientId)).orElse(0);
    }
}
