package org.vigil.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of an order and what the clinic's ranges say about it:
 * total mg = dose (mg/kg) × weight (kg); volume (mL) = total mg ÷ concentration (mg/mL);
 * pump rate (mL/h) = volume ÷ (duration (min) ÷ 60). Each figure is rounded to two decimals for
 * display and recording (the pump is programmed from the printed rate).
 *
 * @param refusals      every reason the order is refused (empty when acceptable)
 * @param aboveUsual    the dose is above the clinic's usual maximum: it needs a recorded confirmation
 */
public record DoseCalculation(InfusionOrder order, double totalMg, double volumeMl, double rateMlPerH,
        List<String> refusals, boolean aboveUsual, double usualMax) {

    public DoseCalculation {
        refusals = List.copyOf(refusals);
    }

    /** Calculates {@code order} and checks it against {@code rules}. */
    public static DoseCalculation of(InfusionOrder order, SessionRules rules) {
        List<String> refusals = new ArrayList<>();
        check(refusals, "weight", order.weightKg(), "kg", rules.weightKg());
        check(refusals, "dose", order.doseMgPerKg(), "mg/kg", rules.doseMgPerKg());
        check(refusals, "concentration", order.concentrationMgPerMl(), "mg/mL", rules.concentrationMgPerMl());
        check(refusals, "duration", order.durationMin(), "min", rules.durationMin());
        if (order.prescriber().isEmpty()) {
            refusals.add("no prescriber named");
        }
        double total = round(order.doseMgPerKg() * order.weightKg());
        double volume = order.concentrationMgPerMl() > 0 ? round(total / order.concentrationMgPerMl()) : Double.NaN;
        double rate = order.durationMin() > 0 && !Double.isNaN(volume) ? round(volume / (order.durationMin() / 60.0))
                : Double.NaN;
        if (refusals.isEmpty()) {
            check(refusals, "pump rate", rate, "mL/h", rules.rateMlPerH());
        }
        boolean above = Double.isFinite(order.doseMgPerKg()) && order.doseMgPerKg() > rules.usualDoseMax();
        return new DoseCalculation(order, total, volume, rate, refusals, above, rules.usualDoseMax());
    }

    private static void check(List<String> refusals, String what, double value, String unit, SessionRules.Range r) {
        if (!Double.isFinite(value)) {
            refusals.add(what + " missing");
        } else if (!r.contains(value)) {
            refusals.add(what + " " + number(value) + " " + unit + " outside " + number(r.min()) + "-" + number(r.max())
                    + " " + unit);
        }
    }

    public boolean acceptable() {
        return refusals.isEmpty();
    }

    /** The arithmetic as a nurse checks it, e.g. {@code 0.5 mg/kg × 82 kg = 41 mg; 41 mg ÷ 10 mg/mL = 4.1 mL; ...}. */
    public String arithmetic() {
        InfusionOrder o = order;
        return number(o.doseMgPerKg()) + " mg/kg × " + number(o.weightKg()) + " kg = " + number(totalMg) + " mg;  "
                + number(totalMg) + " mg ÷ " + number(o.concentrationMgPerMl()) + " mg/mL = " + number(volumeMl) + " mL;  "
                + number(volumeMl) + " mL over " + number(o.durationMin()) + " min = " + number(rateMlPerH) + " mL/h";
    }

    /** The {@code dose} event's detail. */
    Map<String, String> detail() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("total_mg", number(totalMg));
        d.put("volume_ml", number(volumeMl));
        d.put("rate_ml_h", number(rateMlPerH));
        d.put("dose_mg_kg", number(order.doseMgPerKg()));
        d.put("weight_kg", number(order.weightKg()));
        d.put("concentration_mg_ml", number(order.concentrationMgPerMl()));
        d.put("duration_min", number(order.durationMin()));
        d.put("prescriber", order.prescriber());
        return d;
    }

    static double round(double v) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code 41}, {@code 4.1}, {@code 6.15}: at most two decimals, no trailing zeros. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
