package org.vigil.chair;

import java.time.Instant;
import org.vigil.session.DoseCalculation;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.Phase;

/**
 * Where a chair's records begin and end as patients come and go: the chair runs all day; a
 * clinical session's record starts at check-in and ends at discharge, and between sessions the
 * chair records into a record of its own (no patient), so nothing a device sends is lost.
 * Implementations must return at once (the station queues the database work).
 */
public interface SessionRecords {

    /** Ends {@code current} (the between-sessions record) and starts the record of a clinical session. */
    SessionRecorder startClinical(SessionRecorder current, Patient patient, InfusionOrder order, DoseCalculation dose,
            Instant at);

    /** Ends a clinical session's record and starts the chair's between-sessions record. */
    SessionRecorder endClinical(SessionRecorder clinical, Phase reached, Instant at);

    /** One record for everything (the scenario runner, tests): the chair keeps its recorder. */
    SessionRecords NONE = new SessionRecords() {
        @Override
        public SessionRecorder startClinical(SessionRecorder current, Patient patient, InfusionOrder order,
                DoseCalculation dose, Instant at) {
            return current;
        }

        @Override
        public SessionRecorder endClinical(SessionRecorder clinical, Phase reached, Instant at) {
            return clinical;
        }
    };
}
