package org.vigil.review;

import java.time.Instant;
import org.vigil.session.Phase;

/**
 * What the session list shows; null (or false) parts show everything.
 *
 * @param patientText     part of the patient's name or MRN, case-insensitive
 * @param from            started at or after
 * @param to              started before
 * @param chairId         one chair
 * @param highAlarm       only sessions with at least one high-priority alarm
 * @param phaseReached    only clinical sessions that reached this phase or a later one
 * @param endedAbnormally only sessions ended abnormally (crash, power loss, lost rows)
 * @param limit           at most this many rows, newest first (0: all)
 */
public record SessionFilter(String patientText, Instant from, Instant to, String chairId, boolean highAlarm,
        Phase phaseReached, boolean endedAbnormally, int limit) {

    /** Every session. */
    public static SessionFilter all() {
        return new SessionFilter(null, null, null, null, false, null, false, 0);
    }

    public SessionFilter withPatient(String text) {
        return new SessionFilter(text, from, to, chairId, highAlarm, phaseReached, endedAbnormally, limit);
    }

    public SessionFilter withRange(Instant newFrom, Instant newTo) {
        return new SessionFilter(patientText, newFrom, newTo, chairId, highAlarm, phaseReached, endedAbnormally, limit);
    }

    public SessionFilter withChair(String chair) {
        return new SessionFilter(patientText, from, to, chair, highAlarm, phaseReached, endedAbnormally, limit);
    }

    public SessionFilter withHighAlarm(boolean only) {
        return new SessionFilter(patientText, from, to, chairId, only, phaseReached, endedAbnormally, limit);
    }

    public SessionFilter withPhaseReached(Phase phase) {
        return new SessionFilter(patientText, from, to, chairId, highAlarm, phase, endedAbnormally, limit);
    }

    public SessionFilter withEndedAbnormally(boolean only) {
        return new SessionFilter(patientText, from, to, chairId, highAlarm, phaseReached, only, limit);
    }

    public SessionFilter withLimit(int max) {
        return new SessionFilter(patientText, from, to, chairId, highAlarm, phaseReached, endedAbnormally, max);
    }
}
