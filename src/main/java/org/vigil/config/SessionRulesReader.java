package org.vigil.config;

import java.time.Duration;
import java.util.List;
import org.vigil.session.SessionRules;
import org.vigil.yaml.Problems;

/**
 * Reads the {@code session} section (the clinic's rules for infusion sessions) onto
 * {@link SessionRules#DEFAULTS}: anything not given keeps its default. Example:
 * <pre>
 * session:
 *   weight_kg: { min: 30, max: 250 }
 *   dose_mg_per_kg: { min: 0.1, max: 1.0, usual_max: 0.75 }
 *   concentration_mg_per_ml: { min: 0.5, max: 100 }
 *   duration_min: { min: 10, max: 120 }
 *   rate_ml_per_h: { min: 0.1, max: 999 }
 *   start_gate: 140/90
 *   cuff_every: { infusion: 5m, recovery: 15m }
 *   score_every: 15m
 *   discharge: { aldrete_min: 9, bp_within_percent: 20, spo2_above: 92 }
 *   post_dose_checkpoint: 40m
 * </pre>
 */
final class SessionRulesReader {

    private static final List<String> KEYS = List.of("weight_kg", "dose_mg_per_kg", "concentration_mg_per_ml",
            "duration_min", "rate_ml_per_h", "start_gate", "cuff_every", "score_every", "discharge",
            "post_dose_checkpoint");
    private static final List<String> RANGE = List.of("min", "max");
    private static final List<String> DOSE = List.of("min", "max", "usual_max");
    private static final List<String> CUFF = List.of("infusion", "recovery");
    private static final List<String> DISCHARGE = List.of("aldrete_min", "bp_within_percent", "spo2_above");

    private final Problems problems;

    SessionRulesReader(Problems problems) {
        this.problems = problems;
    }

    SessionRules read(Fields root) {
        SessionRules d = SessionRules.DEFAULTS;
        if (!root.has("session")) {
            return d;
        }
        Fields f = new Fields(root.node("session"), "session", problems, KEYS);
        SessionRules.Range weight = range(f, "weight_kg", d.weightKg(), RANGE, 1, 500);
        SessionRules.Range dose = range(f, "dose_mg_per_kg", d.doseMgPerKg(), DOSE, 0.01, 5);
        double usual = d.usualDoseMax();
        if (f.has("dose_mg_per_kg")) {
            Fields g = new Fields(f.node("dose_mg_per_kg"), f.path("dose_mg_per_kg"), problems, DOSE);
            Double u = g.number("usual_max");
            if (u != null) {
                if (!dose.contains(u)) {
                    g.problem("usual_max", "must lie within min-max (" + dose.min() + "-" + dose.max() + ")");
                } else {
                    usual = u;
                }
            }
        }
        SessionRules.Range conc = range(f, "concentration_mg_per_ml", d.concentrationMgPerMl(), RANGE, 0.01, 500);
        SessionRules.Range duration = range(f, "duration_min", d.durationMin(), RANGE, 1, 600);
        SessionRules.Range rate = range(f, "rate_ml_per_h", d.rateMlPerH(), RANGE, 0.01, 2000);
        double gateSys = d.gateSys();
        double gateDia = d.gateDia();
        String gate = f.text("start_gate");
        if (gate != null) {
            String[] p = gate.trim().split("/");
            try {
                if (p.length != 2) {
                    throw new NumberFormatException();
                }
                gateSys = Double.parseDouble(p[0].trim());
                gateDia = Double.parseDouble(p[1].trim());
                if (gateSys < 80 || gateSys > 250 || gateDia < 40 || gateDia > 150 || gateDia >= gateSys) {
                    f.problem("start_gate", "'" + gate + "' is not a plausible systolic/diastolic limit (e.g. 140/90)");
                }
            } catch (NumberFormatException e) {
                f.problem("start_gate", "'" + gate + "' is not systolic/diastolic, e.g. 140/90");
            }
        }
        Duration cuffInfusion = d.cuffEveryInfusion();
        Duration cuffRecovery = d.cuffEveryRecovery();
        if (f.has("cuff_every")) {
            Fields g = new Fields(f.node("cuff_every"), f.path("cuff_every"), problems, CUFF);
            cuffInfusion = orDefault(g.duration("infusion", true), cuffInfusion);
            cuffRecovery = orDefault(g.duration("recovery", true), cuffRecovery);
        }
        Duration score = orDefault(f.duration("score_every", true), d.scoreEvery());
        int aldrete = d.aldreteMin();
        double within = d.bpWithinFraction();
        double spo2 = d.spo2Above();
        if (f.has("discharge")) {
            Fields g = new Fields(f.node("discharge"), f.path("discharge"), problems, DISCHARGE);
            Integer a = g.integer("aldrete_min");
            if (a != null && (a < 0 || a > 10)) {
                g.problem("aldrete_min", a + " is outside 0-10");
            } else if (a != null) {
                aldrete = a;
            }
            Double w = g.number("bp_within_percent");
            if (w != null && (w <= 0 || w > 100)) {
                g.problem("bp_within_percent", w + " is outside 0-100");
            } else if (w != null) {
                within = w / 100;
            }
            Double s = g.number("spo2_above");
            if (s != null && (s < 50 || s > 100)) {
                g.problem("spo2_above", s + " is outside 50-100");
            } else if (s != null) {
                spo2 = s;
            }
        }
        Duration checkpoint = orDefault(f.duration("post_dose_checkpoint", true), d.postDoseCheckpoint());
        return new SessionRules(weight, dose, usual, conc, duration, rate, gateSys, gateDia, cuffInfusion, cuffRecovery,
                score, aldrete, within, spo2, checkpoint);
    }

    private SessionRules.Range range(Fields f, String key, SessionRules.Range def, List<String> keys, double lo,
            double hi) {
        if (!f.has(key)) {
            return def;
        }
        Fields g = new Fields(f.node(key), f.path(key), problems, keys);
        Double min = g.number("min");
        Double max = g.number("max");
        double a = min == null ? def.min() : min;
        double b = max == null ? def.max() : max;
        if (a < lo || b > hi || !(a < b)) {
            g.problem(min != null ? "min" : "max", "range " + a + "-" + b + " is not plausible (within " + lo + "-" + hi
                    + ", min below max)");
            return def;
        }
        return new SessionRules.Range(a, b);
    }

    private static <T> T orDefault(T v, T d) {
        return v == null ? d : v;
    }
}
