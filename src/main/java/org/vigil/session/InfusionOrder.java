package org.vigil.session;

/**
 * What the prescriber ordered for one session, with the weight the dose is calculated on.
 *
 * @param weightKg        the patient's weight today, kg
 * @param doseMgPerKg     ketamine dose, mg/kg
 * @param concentrationMgPerMl the concentration of the prepared infusion, mg/mL
 * @param durationMin     infusion duration, minutes
 * @param prescriber      who ordered it
 */
public record InfusionOrder(double weightKg, double doseMgPerKg, double concentrationMgPerMl, double durationMin,
        String prescriber) {

    public InfusionOrder {
        prescriber = prescriber == null ? "" : prescriber.trim();
    }
}
