package org.vigil.storage;

import java.time.Instant;

/**
 * What the session list shows; every part null (or false) shows everything.
 *
 * @param patientText    part of the patient's name or MRN, case-insensitive
 * @param from           sessions started at or after
 * @param to             sessions started before
 * @param chairId        one chair
 * @param highAlarm      only sessions with at least one high-priority alarm
 * @param phaseReached   only clinical sessions that reached this phase key (baseline, infusion, recovery,
 *                       ready_for_discharge, discharged) or a later one
 * @param endedAbnormally only sessions ended abnormally (crash, power loss, lost rows)
 * @param limit          at most this many rows, newest first (0: no limit)
 */
public record SessionListFilter(String patientText, Instant from, Instant to, String chairId, boolean highAlarm,
        String phaseReached, boolean endedAbnormally, int limit) {

    /** Every session. */
    public static SessionListFilter all() {
        return new SessionListFilter(null, null, null, null, false, null, false, 0);
    }

    public SessionListFilter withPatient(String text) {
        return new SessionListFilter(text, from, to, chairId, highAlarm, phaseReached, endedAbnormally, limit);
    }

    public SessionListFilter withRange(Instant newFrom, Instant newTo) {
        return new SessionListFilter(patientText, newFrom, newTo, chairId, highAlarm, phaseReached, endedAbnormally, limit);
    }

    public SessionListFilter withChair(String chair) {
        return new SessionListFilter(patientText, from, to, chair, highAlarm, phaseReached, endedAbnormally, limit);
    }

    public SessionListFilter withHighAlarm(boolean only) {
        return new SessionListFilter(patientText, from, to, chairId, only, phaseReached, endedAbnormally, limit);
    }

    public SessionListFilter withPhaseReached(String phaseKey) {
        return new SessionListFilter(patientText, from, to, chairId, highAlarm, phaseKey, endedAbnormally, limit);
    }

    public SessionListFilter withEndedAbnormally(boolean only) {
        return new SessionListFilter(patientText, from, to, chairId, highAlarm, phaseReached, only, limit);
    }

    public SessionListFilter withLimit(int max) {
        return new SessionListFilter(patientText, from, to, chairId, highAlarm, phaseReached, endedAbnormally, max);
    }
}
