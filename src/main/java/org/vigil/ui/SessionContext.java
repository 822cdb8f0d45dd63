package org.vigil.ui;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.vigil.session.Patient;
import org.vigil.session.PatientDirectory;
import org.vigil.session.SessionRules;

/**
 * What the session screens need beyond a chair's feed: where patients are found and created,
 * the clinic's session rules (for the live dose arithmetic; the core checks again), and the
 * thread that runs the directory's blocking calls (never the FX thread).
 */
public record SessionContext(PatientDirectory patients, SessionRules rules, Executor background) {

    public SessionContext {
        Objects.requireNonNull(patients, "patients");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(background, "background");
    }

    /** {@code patients} with {@code rules}, its calls on one daemon thread ({@code vigil-patients}). */
    public static SessionContext of(PatientDirectory patients, SessionRules rules) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigil-patients");
            t.setDaemon(true);
            return t;
        });
        return new SessionContext(patients, rules, one);
    }

    /** A station without a patient list: nobody is found, and creating a patient is refused. */
    public static SessionContext none() {
        return new SessionContext(NO_PATIENTS, SessionRules.DEFAULTS, Runnable::run);
    }

    private static final PatientDirectory NO_PATIENTS = new PatientDirectory() {
        @Override
        public List<Patient> search(String text, int max) {
            return List.of();
        }

        @Override
        public Optional<Patient> byMrn(String mrn) {
            return Optional.empty();
        }

        @Override
        public Patient create(Patient patient) {
            throw new IllegalArgumentException("this station has no patient list");
        }

        @Override
        public void updateWeight(long patientId, double weightKg) {
        }

        @Override
        public int sessionCount(long patientId) {
            return 0;
        }
    };
}
