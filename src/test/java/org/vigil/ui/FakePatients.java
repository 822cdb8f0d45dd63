package org.vigil.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigil.session.Patient;
import org.vigil.session.PatientDirectory;

/** Patients in memory for screen tests; counts the searches and the threads they ran on. */
final class FakePatients implements PatientDirectory {

    final List<Patient> patients = new CopyOnWriteArrayList<>();
    final List<String> searchThreads = new CopyOnWriteArrayList<>();
    final AtomicInteger searches = new AtomicInteger();

    FakePatients add(Patient p) {
        patients.add(p.id() == 0 ? p.withId(patients.size() + 1) : p);
        return this;
    }

    @Override
    public List<Patient> search(String text, int max) {
        searches.incrementAndGet();
        searchThreads.add(Thread.currentThread().getName());
        String q = text.toLowerCase(Locale.ROOT);
        List<Patient> out = new ArrayList<>();
        for (Patient p : patients) {
            if (out.size() < max && (p.mrn().toLowerCase(Locale.ROOT).contains(q) || p.name().toLowerCase(Locale.ROOT).contains(q))) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public Optional<Patient> byMrn(String mrn) {
        return patients.stream().filter(p -> p.mrn().equals(mrn)).findFirst();
    }

    @Override
    public Patient create(Patient patient) {
        if (byMrn(patient.mrn()).isPresent()) {
            throw new IllegalArgumentException("MRN " + patient.mrn() + " is taken");
        }
        Patient stored = patient.withId(patients.size() + 1);
        patients.add(stored);
        return stored;
    }

    @Override
    public void updateWeight(long patientId, double weightKg) {
    }

    @Override
    public int sessionCount(long patientId) {
        return 0;
    }
}
