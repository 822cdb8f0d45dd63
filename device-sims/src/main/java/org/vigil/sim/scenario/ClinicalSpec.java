package org.vigil.sim.scenario;

/**
 * The clinical part of a scenario ({@code patient:} and {@code order:}): with it the run is a
 * clinical session, checked in at t = 0 with this order.
 *
 * @param weightKg             the patient's weight, kg ({@code lb} converted, rounded to 0.1 kg)
 * @param doseMgPerKg          the ordered dose, mg/kg
 * @param concentrationMgPerMl the concentration of the prepared infusion, mg/mL
 * @param durationMin          the ordered infusion duration, minutes
 * @param prescriber           who ordered it ({@link #DEFAULT_PRESCRIBER} when the file names nobody)
 * @param line                 the line of {@code order:}, for messages about the order
 */
public record ClinicalSpec(double weightKg, double doseMgPerKg, double concentrationMgPerMl, double durationMin,
        String prescriber, int line) {

    /** The prescriber of an order that names none. */
    public static final String DEFAULT_PRESCRIBER = "prescriber";
}
