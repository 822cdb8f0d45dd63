package org.vigil.session;

/**
 * The session baseline: blood pressure from the cuff (usually the average of two readings), heart
 * rate, SpO2 on room air and respiratory rate. Any part but the pressure may be null.
 */
public record SessionBaseline(double sys, double dia, Double hr, Double spo2, Double rr, String source) {

    public String nibp() {
        return DoseCalculation.number(sys) + "/" + DoseCalculation.number(dia);
    }
}
