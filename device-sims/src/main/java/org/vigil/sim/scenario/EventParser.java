package org.vigil.sim.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.domain.Durations;
import org.vigil.domain.Vital;
import org.vigil.yaml.YamlNode;

/** Parses and checks the {@code events} list of a scenario file. */
final class EventParser {

    private static final List<String> ACTIONS =
            List.of("set", "ramp", "sensor_off", "silent", "garbage", "nibp_measure", "glitch", "nurse", "prescriber");
    private static final List<String> KEYS = List.of("at", "set", "ramp", "over", "sensor_off", "silent", "for", "garbage",
            "bytes", "nibp_measure", "glitch", "nurse", "prescriber", "kind", "detail", "happened", "aldrete", "sedation",
            "dissociation", "escort", "note");
    private static final List<String> ALARM_NURSE = List.of(ScenarioEvent.Nurse.ACKNOWLEDGE,
            ScenarioEvent.Nurse.PAUSE_AUDIO, ScenarioEvent.Nurse.SET_BASELINE);
    private static final List<String> NURSE = java.util.stream.Stream.concat(ALARM_NURSE.stream(),
            ScenarioEvent.Clinical.NURSE_ACTIONS.stream()).toList();
    private static final List<String> PRESCRIBER = List.of(ScenarioEvent.Clinical.CONFIRM_START);
    private static final List<String> SCORES = List.of("aldrete", "sedation", "dissociation");
    /** Keys of a session action, and the actions each belongs to. */
    private static final Map<String, List<String>> SESSION_KEYS = Map.of(
            "kind", List.of("event"), "detail", List.of("event"), "happened", List.of("event", "score"),
            "aldrete", List.of("score"), "sedation", List.of("score"), "dissociation", List.of("score"),
            "escort", List.of("discharge"), "note", List.of("confirm_start"));
    private static final int MAX_GARBAGE = 65_536;
    private static final java.util.regex.Pattern GLITCH_NUMBER = java.util.regex.Pattern.compile("-?\\d{1,7}(?:\\.\\d{1,3})?");
    private static final java.util.regex.Pattern GLITCH_NIBP =
            java.util.regex.Pattern.compile("\\s*(-?\\d{1,4})\\s*/\\s*(-?\\d{1,4})\\s*(?:/\\s*(-?\\d{1,4})\\s*)?");

    private final Fields f;
    private final Map<String, DeviceSpec> devices;
    private final Duration duration;
    private final boolean session;
    private final SessionChecks checks;

    /**
     * {@code duration} may be null when the file's own duration was wrong (times are then not
     * checked); {@code session}: the file has {@code patient} and {@code order}, so session actions may run.
     */
    EventParser(Fields f, Map<String, DeviceSpec> devices, Duration duration, boolean session, SessionChecks checks) {
        this.f = f;
        this.devices = devices;
        this.duration = duration;
        this.session = session;
        this.checks = checks;
    }

    /** The events sorted by time (stable); problems are recorded in {@code f}. */
    List<ScenarioEvent> parse(YamlNode node, Map<Vital, Double> initial) {
        if (!(node instanceof YamlNode.Sequence seq)) {
            f.problem(node.line(), "events must be a list (each item '- { at: ..., ... }'), not " + Fields.describe(node));
            return List.of();
        }
        List<ScenarioEvent> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            ScenarioEvent e = event(item);
            if (e != null) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(ScenarioEvent::at));
        checkRampsStartFromAValue(out, initial);
        return out;
    }

    private ScenarioEvent event(YamlNode item) {
        YamlNode.Mapping m = f.mapping(item, "an event");
        if (m == null) {
            return null;
        }
        f.checkKeys(m, KEYS, " in event");
        // glitch carries its values in 'set', which is then its companion, not a second action
        List<String> actions = ACTIONS.stream().filter(m::has)
                .filter(a -> !(a.equals("set") && m.has("glitch"))).toList();
        if (actions.size() != 1) {
            f.problem(m.line(), (actions.isEmpty() ? "event has no action" : "event has several actions " + actions)
                    + " (give exactly one of " + String.join(", ", ACTIONS) + ")");
            return null;
        }
        String action = actions.get(0);
        checkCompanion(m, action, "over", "ramp");
        checkCompanion(m, action, "bytes", "garbage");
        if (m.has("for") && !action.equals("sensor_off") && !action.equals("silent")) {
            f.problem(m.entry("for").line(), "'for' does not apply to " + action + " (only to sensor_off and silent)");
        }
        Duration at = null;
        if (!m.has("at")) {
            f.problem(m.line(), "event '" + action + "' has no 'at' (when it happens, e.g. at: 20m)");
        } else {
            at = time(m.get("at"), "at", Duration.ZERO);
        }
        YamlNode value = m.get(action);
        int line = m.entry(action).line();
        return switch (action) {
            case "set" -> set(at, value, line);
            case "ramp" -> ramp(at, value, m, line);
            case "sensor_off", "silent" -> window(action, at, value, m, line);
            case "garbage" -> garbage(at, value, m, line);
            case "nibp_measure" -> nibpMeasure(at, value, line);
            case "glitch" -> glitch(at, value, m, line);
            case "prescriber" -> prescriber(at, value, m, line);
            default -> nurse(at, value, m, line);
        };
    }

    private void checkCompanion(YamlNode.Mapping event, String action, String companion, String owner) {
        if (event.has(companion) && !action.equals(owner)) {
            f.problem(event.entry(companion).line(), "'" + companion + "' does not apply to " + action + " (only to " + owner + ")");
        } else if (!event.has(companion) && action.equals(owner)) {
            f.problem(event.entry(owner).line(), owner + " needs '" + companion + "'"
                    + (owner.equals("ramp") ? " (how long the change takes, e.g. over: 15m)" : " (how many, e.g. bytes: 40)"));
        }
    }

    /** A time from t = 0 that must not lie past the scenario's duration; {@code base} is added before checking. */
    private Duration time(YamlNode node, String what, Duration base) {
        Duration d = f.duration(node, what);
        if (d != null && duration != null && base.plus(d).compareTo(duration) > 0) {
            String when = base.isZero() ? Durations.format(d) : "at + " + what + " = " + Durations.format(base.plus(d));
            f.problem(node.line(), what + ": " + when + " is past the scenario's duration " + Durations.format(duration));
            return null;
        }
        return d;
    }

    private ScenarioEvent set(Duration at, YamlNode value, int line) {
        YamlNode.Mapping vm = f.mapping(value, "set");
        if (vm == null) {
            return null;
        }
        Map<Vital, Double> values = f.vitals(vm, " in set");
        return at == null || values.isEmpty() ? null : new ScenarioEvent.SetVitals(at, values, line);
    }

    private ScenarioEvent ramp(Duration at, YamlNode value, YamlNode.Mapping event, int line) {
        YamlNode.Mapping vm = f.mapping(value, "ramp");
        Map<Vital, Double> targets = vm == null ? Map.of() : f.vitals(vm, " in ramp");
        Duration over = null;
        if (event.has("over") && at != null) {
            YamlNode on = event.get("over");
            over = f.positiveDuration(on, "over");
            if (over != null) {
                over = time(on, "over", at);
            }
        }
        return at == null || over == null || targets.isEmpty() ? null : new ScenarioEvent.Ramp(at, targets, over, line);
    }

    private ScenarioEvent window(String action, Duration at, YamlNode value, YamlNode.Mapping event, int line) {
        String device = device(value, action);
        if (!event.has("for")) {
            f.problem(line, action + " needs 'for' (how long, e.g. for: 30s)");
            return null;
        }
        if (at == null) {
            return null;
        }
        YamlNode fn = event.get("for");
        Duration length = f.positiveDuration(fn, "for");
        if (length != null) {
            length = time(fn, "for", at);
        }
        if (device == null || length == null) {
            return null;
        }
        return action.equals("silent")
                ? new ScenarioEvent.Silent(at, device, length, line)
                : new ScenarioEvent.SensorOff(at, device, length, line);
    }

    private ScenarioEvent garbage(Duration at, YamlNode value, YamlNode.Mapping event, int line) {
        String device = device(value, "garbage");
        Long bytes = event.has("bytes") ? f.integer(event.get("bytes"), "bytes", 1, MAX_GARBAGE) : null;
        return at == null || device == null || bytes == null
                ? null : new ScenarioEvent.Garbage(at, device, bytes.intValue(), line);
    }

    /**
     * {@code glitch: DEVICE, set: {vital: value}}: one frame with values no patient can have. The
     * values are only checked to be numbers (and NIBP to be {@code sys/dia[/mean]}), never against
     * physiology: a glitch exists to send what the station must refuse. Each vital must be one the
     * device reports.
     */
    private ScenarioEvent glitch(Duration at, YamlNode value, YamlNode.Mapping event, int line) {
        String device = device(value, "glitch");
        if (!event.has("set")) {
            f.problem(line, "glitch needs 'set' (the values of the one bad frame, e.g. set: { hr: 999 })");
            return null;
        }
        YamlNode.Mapping vm = f.mapping(event.get("set"), "set");
        if (vm == null) {
            return null;
        }
        java.util.EnumMap<Vital, Double> values = new java.util.EnumMap<>(Vital.class);
        for (YamlNode.Entry e : vm.entries()) {
            Set<Vital> vs = f.vitalName(e.key(), e.line(), " in glitch");
            if (vs == null) {
                continue;
            }
            if (device != null && !devices.get(device).reports().containsAll(vs)) {
                f.problem(e.line(), "glitch: device '" + device + "' does not report " + e.key());
                continue;
            }
            String t = f.text(e.value(), e.key());
            if (t == null) {
                continue;
            }
            java.util.regex.Matcher n = GLITCH_NIBP.matcher(t);
            if (vs.contains(Vital.NIBP_SYS) && n.matches()) {
                values.put(Vital.NIBP_SYS, Double.parseDouble(n.group(1)));
                values.put(Vital.NIBP_DIA, Double.parseDouble(n.group(2)));
                if (n.group(3) != null) {
                    values.put(Vital.NIBP_MEAN, Double.parseDouble(n.group(3)));
                }
            } else if (!vs.contains(Vital.NIBP_SYS) && GLITCH_NUMBER.matcher(t).matches()) {
                values.put(vs.iterator().next(), Double.parseDouble(t));
            } else {
                f.problem(e.value().line(), "glitch value of " + e.key() + " must be "
                        + (vs.contains(Vital.NIBP_SYS) ? "sys/dia or sys/dia/mean" : "a number") + ", not '" + t + "'");
            }
        }
        return at == null || device == null || values.isEmpty() ? null : new ScenarioEvent.Glitch(at, device, values, line);
    }

    private ScenarioEvent nibpMeasure(Duration at, YamlNode value, int line) {
        String device = device(value, "nibp_measure");
        if (device != null && !devices.get(device).reportsNibp()) {
            f.problem(value.line(), "nibp_measure: device '" + device + "' does not report nibp");
            return null;
        }
        return at == null || device == null ? null : new ScenarioEvent.NibpMeasure(at, device, line);
    }

    private ScenarioEvent nurse(Duration at, YamlNode value, YamlNode.Mapping event, int line) {
        String a = f.text(value, "nurse");
        if (a == null) {
            return null;
        }
        String action = Fields.lower(a);
        if (!NURSE.contains(action)) {
            f.problem(value.line(), "unknown nurse action '" + a + "' (expected one of " + String.join(", ", NURSE) + ")");
            return null;
        }
        checkSessionKeys(event, action);
        if (ALARM_NURSE.contains(action)) {
            return at == null ? null : new ScenarioEvent.Nurse(at, action, line);
        }
        if (!session) {
            f.problem(value.line(), "nurse: " + action + " is a session action: give patient and order at the top level"
                    + " (e.g. patient: { weight: 82kg })");
            return null;
        }
        return switch (action) {
            case ScenarioEvent.Clinical.EVENT -> clinicalEvent(at, event, line);
            case ScenarioEvent.Clinical.SCORE -> score(at, event, line);
            case ScenarioEvent.Clinical.DISCHARGE -> discharge(at, event, line);
            default -> at == null ? null : ScenarioEvent.Clinical.step(at, action, line);
        };
    }

    private ScenarioEvent prescriber(Duration at, YamlNode value, YamlNode.Mapping event, int line) {
        String a = f.text(value, "prescriber");
        if (a == null) {
            return null;
        }
        String action = Fields.lower(a);
        if (!PRESCRIBER.contains(action)) {
            f.problem(value.line(), "unknown prescriber action '" + a + "' (expected " + String.join(", ", PRESCRIBER) + ")");
            return null;
        }
        checkSessionKeys(event, action);
        if (!session) {
            f.problem(value.line(), "prescriber: " + action + " is a session action: give patient and order at the top"
                    + " level (e.g. patient: { weight: 82kg })");
            return null;
        }
        String note = "";
        if (event.has("note") && !event.get("note").isNull()) {
            String n = f.text(event.get("note"), "note");
            note = n == null ? "" : n;
        }
        return at == null ? null : new ScenarioEvent.Clinical(at, action, null, null, null, Map.of(), true, note, line);
    }

    /** Each session key belongs to one or two actions; any other action carrying it is refused. */
    private void checkSessionKeys(YamlNode.Mapping event, String action) {
        for (Map.Entry<String, List<String>> k : SESSION_KEYS.entrySet()) {
            if (event.has(k.getKey()) && !k.getValue().contains(action)) {
                f.problem(event.entry(k.getKey()).line(), "'" + k.getKey() + "' does not apply to " + action + " (only to "
                        + String.join(" and ", k.getValue()) + ")");
            }
        }
    }

    private ScenarioEvent clinicalEvent(Duration at, YamlNode.Mapping event, int line) {
        if (!event.has("kind")) {
            f.problem(line, "nurse: event needs 'kind' (e.g. kind: nausea)");
            return null;
        }
        YamlNode kn = event.get("kind");
        String kind = f.text(kn, "kind");
        String detail = null;
        if (event.has("detail") && !event.get("detail").isNull()) {
            detail = f.text(event.get("detail"), "detail");
        }
        if (kind == null) {
            return null;
        }
        kind = Fields.lower(kind);
        Optional<String> refused = checks.eventProblem(kind, detail);
        if (refused.isPresent()) {
            f.problem(kn.line(), refused.get());
            return null;
        }
        Duration happened = happened(at, event);
        if (at == null || event.has("happened") && happened == null) {
            return null;
        }
        return new ScenarioEvent.Clinical(at, ScenarioEvent.Clinical.EVENT, kind, detail, happened, Map.of(), true, null,
                line);
    }

    private ScenarioEvent score(Duration at, YamlNode.Mapping event, int line) {
        Map<String, Integer> scores = new java.util.LinkedHashMap<>();
        boolean bad = false;
        for (String name : SCORES) {
            if (!event.has(name)) {
                continue;
            }
            YamlNode n = event.get(name);
            Long v = f.integer(n, name, 0, 100);
            Optional<String> refused = v == null ? Optional.empty() : checks.scoreProblem(name, v);
            if (v == null || refused.isPresent()) {
                refused.ifPresent(r -> f.problem(n.line(), r));
                bad = true;
            } else {
                scores.put(name, v.intValue());
            }
        }
        if (scores.isEmpty() && !bad) {
            f.problem(line, "nurse: score needs at least one of " + String.join(", ", SCORES) + " (e.g. aldrete: 9)");
            return null;
        }
        Duration happened = happened(at, event);
        if (at == null || bad || event.has("happened") && happened == null) {
            return null;
        }
        return new ScenarioEvent.Clinical(at, ScenarioEvent.Clinical.SCORE, null, null, happened, scores, true, null, line);
    }

    private ScenarioEvent discharge(Duration at, YamlNode.Mapping event, int line) {
        boolean escort = true;
        if (event.has("escort")) {
            YamlNode en = event.get("escort");
            String t = f.text(en, "escort");
            if (t == null) {
                return null;
            }
            switch (Fields.lower(t)) {
                case "true", "yes" -> escort = true;
                case "false", "no" -> escort = false;
                default -> {
                    f.problem(en.line(), "escort must be true or false, not '" + t + "'");
                    return null;
                }
            }
        }
        return at == null ? null : new ScenarioEvent.Clinical(at, ScenarioEvent.Clinical.DISCHARGE, null, null, null,
                Map.of(), escort, null, line);
    }

    /** {@code happened}: when a late entry happened, from t = 0, not after {@code at}; null when absent or wrong. */
    private Duration happened(Duration at, YamlNode.Mapping event) {
        if (!event.has("happened")) {
            return null;
        }
        YamlNode hn = event.get("happened");
        Duration h = f.duration(hn, "happened");
        if (h != null && at != null && h.compareTo(at) > 0) {
            f.problem(hn.line(), "happened " + Durations.format(h) + " is after at " + Durations.format(at)
                    + " (an entry made late happened before it is written)");
            return null;
        }
        return h;
    }

    /** A known device id, or null with a problem. Unknown only when the devices section parsed. */
    private String device(YamlNode value, String action) {
        String id = f.text(value, action);
        if (id == null) {
            return null;
        }
        if (!devices.containsKey(id)) {
            f.problem(value.line(), "unknown device '" + id + "' in " + action + " (expected one of "
                    + String.join(", ", devices.keySet()) + ")");
            return null;
        }
        return id;
    }

    /** A ramp needs a value to start from: the vital must be given at t = 0 or set before the ramp. */
    private void checkRampsStartFromAValue(List<ScenarioEvent> sorted, Map<Vital, Double> initial) {
        Set<Vital> present = initial.isEmpty() ? EnumSet.noneOf(Vital.class) : EnumSet.copyOf(initial.keySet());
        for (ScenarioEvent e : sorted) {
            if (e instanceof ScenarioEvent.SetVitals s) {
                present.addAll(s.values().keySet());
            } else if (e instanceof ScenarioEvent.Ramp r) {
                Set<String> missing = new LinkedHashSet<>();
                for (Vital v : r.targets().keySet()) {
                    if (!present.contains(v)) {
                        missing.add(v.isNibp() ? "nibp" : v.key());
                    }
                }
                for (String name : missing) {
                    f.problem(r.line(), "ramp of '" + name + "' starts from no value (give " + name
                            + " in vitals or set it before the ramp)");
                }
                present.addAll(r.targets().keySet());
            }
        }
    }
}
