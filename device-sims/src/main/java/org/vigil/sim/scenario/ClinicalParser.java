package org.vigil.sim.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.yaml.YamlNode;

/**
 * Parses the clinical part of a scenario: {@code patient: { weight: 82kg }} (or {@code lb}) and
 * {@code order: { dose: 0.5mg/kg, concentration: 10mg/mL, duration: 40m, prescriber: ... }}. Both
 * or neither; the order is checked against the clinic's ranges through {@link SessionChecks}.
 */
final class ClinicalParser {

    static final List<String> PATIENT_KEYS = List.of("weight");
    static final List<String> ORDER_KEYS = List.of("dose", "concentration", "duration", "prescriber");
    private static final double KG_PER_LB = 0.45359237;
    private static final Pattern WEIGHT = Pattern.compile("(\\d{1,4}(?:\\.\\d{1,3})?)\\s*([A-Za-z]+)");
    private static final Pattern DOSE = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,4})?)\\s*([A-Za-z/]+)");

    private final Fields f;
    private final SessionChecks checks;

    ClinicalParser(Fields f, SessionChecks checks) {
        this.f = f;
        this.checks = checks;
    }

    /** The clinical part of {@code top}, or empty (with a problem when only one of patient and order is given). */
    Optional<ClinicalSpec> parse(YamlNode.Mapping top) {
        boolean hasPatient = top.has("patient");
        boolean hasOrder = top.has("order");
        if (!hasPatient && !hasOrder) {
            return Optional.empty();
        }
        if (!hasOrder) {
            f.problem(top.entry("patient").line(), "patient needs an order (e.g. order: { dose: 0.5mg/kg, "
                    + "concentration: 10mg/mL, duration: 40m })");
        }
        if (!hasPatient) {
            f.problem(top.entry("order").line(), "order needs a patient (e.g. patient: { weight: 82kg })");
        }
        Double weight = hasPatient ? weight(top.get("patient")) : null;
        YamlNode.Mapping order = hasOrder ? f.mapping(top.get("order"), "order") : null;
        if (order == null) {
            return Optional.empty();
        }
        f.checkKeys(order, ORDER_KEYS, " in order");
        Double dose = required(order, "dose", "0.5mg/kg") ? amount(order.get("dose"), "dose", "mg/kg") : null;
        Double conc = required(order, "concentration", "10mg/mL")
                ? amount(order.get("concentration"), "concentration", "mg/mL") : null;
        Double minutes = null;
        if (required(order, "duration", "40m")) {
            Duration d = f.positiveDuration(order.get("duration"), "duration in order");
            minutes = d == null ? null : d.toMillis() / 60_000.0;
        }
        String prescriber = ClinicalSpec.DEFAULT_PRESCRIBER;
        if (order.has("prescriber")) {
            String p = f.text(order.get("prescriber"), "prescriber");
            prescriber = p == null ? prescriber : p;
        }
        if (weight == null || dose == null || conc == null || minutes == null) {
            return Optional.empty();
        }
        ClinicalSpec spec = new ClinicalSpec(weight, dose, conc, minutes, prescriber, top.entry("order").line());
        for (String reason : checks.orderProblems(spec)) {
            f.problem(spec.line(), "order refused: " + reason);
        }
        return Optional.of(spec);
    }

    private boolean required(YamlNode.Mapping m, String key, String example) {
        if (!m.has(key)) {
            f.problem(m.line(), "missing key '" + key + "' in order (e.g. " + key + ": " + example + ")");
            return false;
        }
        return true;
    }

    private Double weight(YamlNode node) {
        YamlNode.Mapping m = f.mapping(node, "patient");
        if (m == null) {
            return null;
        }
        f.checkKeys(m, PATIENT_KEYS, " in patient");
        if (!m.has("weight")) {
            f.problem(m.line(), "missing key 'weight' in patient (e.g. weight: 82kg, or 180lb)");
            return null;
        }
        YamlNode w = m.get("weight");
        String t = f.text(w, "weight");
        if (t == null) {
            return null;
        }
        Matcher x = WEIGHT.matcher(t);
        if (!x.matches()) {
            f.problem(w.line(), "bad weight '" + t + "' (expected a number with kg or lb, e.g. 82kg)");
            return null;
        }
        double v = Double.parseDouble(x.group(1));
        return switch (x.group(2).toLowerCase(Locale.ROOT)) {
            case "kg" -> v;
            case "lb", "lbs" -> Math.round(v * KG_PER_LB * 10) / 10.0;
            default -> {
                f.problem(w.line(), "bad weight unit '" + x.group(2) + "' in '" + t + "' (expected kg or lb)");
                yield null;
            }
        };
    }

    /** A number with exactly {@code unit} (case-insensitive), e.g. {@code 0.5mg/kg}, or null with a problem. */
    private Double amount(YamlNode node, String what, String unit) {
        String t = f.text(node, what);
        if (t == null) {
            return null;
        }
        Matcher x = DOSE.matcher(t);
        if (!x.matches()) {
            f.problem(node.line(), "bad " + what + " '" + t + "' (expected a number with " + unit + ", e.g. "
                    + (unit.equals("mg/kg") ? "0.5mg/kg" : "10mg/mL") + ")");
            return null;
        }
        if (!x.group(2).equalsIgnoreCase(unit)) {
            f.problem(node.line(), "bad " + what + " unit '" + x.group(2) + "' in '" + t + "' (expected " + unit + ")");
            return null;
        }
        return Double.parseDouble(x.group(1));
    }
}
