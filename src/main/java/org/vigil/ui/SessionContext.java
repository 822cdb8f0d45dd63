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
import org.vigil.ui.export.SignedSessionExports;

/**
 * What the session screens need beyond a chair's feed: where patients are found and created,
 * the clinic's session rules (for the live dose arithmetic; the core checks again), and the
 * thread that runs the directory's blocking calls (never the FX thread), and the export of the
 * session just signed at a chair ({@code exports}, {@link SignedSessionExports#NONE} without one).
 */
public record SessionContext(PatientDirectory patients, SessionRules rules, Executor background,
        SignedSessionExports exports) {

    public SessionContext {
        Objects.requireNonNull(patients, "patients");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(background, "background");
        exports = exports == null ? SignedSessionExports.NONE : exports;
    }

    /** Without exports at discharge. */
    public SessionContext(PatientDirectory patients, SessionRules rules, Executor background) {
        this(patients, rules, background, SignedSessionExports.NONE);
    }

    /** The same context with the discharge export. */
    public SessionContext withExports(SignedSessionExports e) {
        return new SessionContext(patients, rules, background, e);
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
        return withoutPatients(SessionRules.DEFAULTS);
    }

    /** As {@link #none()}, with the clinic's {@code rules} (the session database cannot be used). */
    public static SessionContext withoutPatients(SessionRules rules) {
        return new SessionContext(NO_PATIENTS, rules, Runnable::run);
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
            throw new IllegalArgumentException("the patient list cannot be used now (the session database is unavailable)");
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
