package org.vigil.session;

import java.time.Duration;

/**
 * The clinic's rules for a session; every number is a default the clinic can change (clinical.md).
 *
 * @param weightKg            plausible weights; outside is refused
 * @param doseMgPerKg         plausible doses; outside is refused
 * @param usualDoseMax        above this (and within the plausible range) a dose needs a recorded confirmation
 * @param concentrationMgPerMl plausible concentrations of the prepared infusion
 * @param durationMin         plausible infusion durations
 * @param rateMlPerH          pump rates the station accepts
 * @param gateSys             start gate: a baseline systolic above this blocks the start until a prescriber confirms
 * @param gateDia             start gate: diastolic
 * @param cuffEveryInfusion   NIBP interval during the infusion (ASA: 5 min)
 * @param cuffEveryRecovery   NIBP interval in recovery
 * @param scoreEvery          sedation / dissociation score interval during infusion and recovery
 * @param aldreteMin          discharge: modified Aldrete at least this
 * @param bpWithinFraction    discharge: systolic and diastolic within this fraction of the baseline
 * @param spo2Above           discharge: SpO2 above this
 * @param postDoseCheckpoint  the BP checkpoint this long after the infusion start (Spravato: ~40 min)
 */
public record SessionRules(Range weightKg, Range doseMgPerKg, double usualDoseMax, Range concentrationMgPerMl,
        Range durationMin, Range rateMlPerH, double gateSys, double gateDia, Duration cuffEveryInfusion,
        Duration cuffEveryRecovery, Duration scoreEvery, int aldreteMin, double bpWithinFraction, double spo2Above,
        Duration postDoseCheckpoint) {

    /** An inclusive range. */
    public record Range(double min, double max) {
        public Range {
            if (!(min <= max)) {
                throw new IllegalArgumentException("range " + min + "-" + max + " is empty");
            }
        }

        public boolean contains(double v) {
            return v >= min && v <= max;
        }
    }

    /** The defaults of clinical.md. */
    public static final SessionRules DEFAULTS = new SessionRules(new Range(30, 250), new Range(0.1, 1.0), 0.75,
            new Range(0.5, 100), new Range(10, 120), new Range(0.1, 999), 140, 90, Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(15), 9, 0.20, 92, Duration.ofMinutes(40));
}
