package org.vigil.sim.scenario;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.domain.Durations;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.SimDriver;
import org.vigil.sim.protocol.SimRegistry;
import org.vigil.yaml.Problems;
import org.vigil.yaml.YamlNode;
import org.vigil.yaml.YamlText;
import org.vigil.yaml.YamlTree;

/**
 * Reads and validates a scenario file. Every error is collected and reported together, each with
 * the file name, line and reason, before anything runs: unknown keys, devices, vitals or
 * protocols, bad durations or pressures, times past {@code duration}, vitals a device's protocol
 * cannot carry. Stateless and thread-safe.
 */
public final class ScenarioParser {

    private static final List<String> TOP_KEYS =
            List.of("name", "duration", "devices", "baseline", "vitals", "events", "start", "seed");
    private static final List<String> DEVICE_KEYS =
            List.of("protocol", "reports", "nibp_interval", "serial", "cuff_inflation", "same_arm_as");
    private static final List<String> BASELINE_KEYS = List.of("nibp", "hr");
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final SimRegistry protocols;

    /** A parser that accepts the protocols of {@link SimRegistry#standard()}. */
    public ScenarioParser() {
        this(SimRegistry.standard());
    }

    /** A parser that accepts the protocols of {@code protocols}. */
    public ScenarioParser(SimRegistry protocols) {
        this.protocols = java.util.Objects.requireNonNull(protocols, "protocols");
    }

    /**
     * Reads {@code file} (UTF-8); messages name it by its file name. A file that is too large or
     * not UTF-8 text is refused like any other problem ({@link YamlText}).
     */
    public Scenario parse(Path file) throws IOException, ScenarioException {
        String source = file.getFileName().toString();
        Problems problems = new Problems(source);
        String text = YamlText.read(file, problems);
        problems.throwIfAny(ScenarioException::new);
        return parse(source, text);
    }

    /** Parses {@code yaml}; {@code source} is the file name used in messages. */
    public Scenario parse(String source, String yaml) throws ScenarioException {
        try {
            return parse(source, new StringReader(yaml));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
    }

    /** Parses the YAML read from {@code in}; {@code source} is the file name used in messages. */
    public Scenario parse(String source, Reader in) throws IOException, ScenarioException {
        Problems problems = new Problems(source);
        Fields f = new Fields(problems);
        YamlNode root = new YamlTree(problems, ScenarioWording.INSTANCE, YamlTree.EmptyValue.NULL).read(in);
        problems.throwIfAny(ScenarioException::new);
        YamlNode.Mapping top = f.mapping(root, "a scenario file");
        problems.throwIfAny(ScenarioException::new);
        f.checkKeys(top, TOP_KEYS, "");

        String name = top.has("name") ? f.text(top.get("name"), "name") : null;
        if (name == null) {
            name = source.replaceFirst("\\.ya?ml$", "");
        }
        Duration duration = null;
        if (!top.has("duration")) {
            f.problem(top.line(), "missing key 'duration' (how long the scenario runs, e.g. 60m)");
        } else {
            duration = f.positiveDuration(top.get("duration"), "duration");
        }
        LocalDateTime start = top.has("start") ? start(f, top.get("start")) : Scenario.DEFAULT_START;
        Long seed = top.has("seed") ? f.integer(top.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE) : Long.valueOf(0);

        Map<String, DeviceSpec> devices = new LinkedHashMap<>();
        if (!top.has("devices")) {
            f.problem(top.line(), "missing key 'devices' (at least one device, e.g. ox: { protocol: masimo, reports: [spo2, pr] })");
        } else {
            devices(f, top.get("devices"), devices);
        }
        Optional<Baseline> baseline = top.has("baseline")
                ? baseline(f, top.get("baseline")) : Optional.empty();
        Map<Vital, Double> vitals = Map.of();
        if (top.has("vitals") && !top.get("vitals").isNull()) {
            YamlNode.Mapping vm = f.mapping(top.get("vitals"), "vitals");
            vitals = vm == null ? Map.of() : f.vitals(vm, " in vitals");
        }
        List<ScenarioEvent> events = List.of();
        if (top.has("events") && !top.get("events").isNull()) {
            events = new EventParser(f, devices, duration).parse(top.get("events"), vitals);
        }
        problems.throwIfAny(ScenarioException::new);
        return new Scenario(source, name, duration, devices, baseline, vitals, events, start, seed);
    }

    private static LocalDateTime start(Fields f, YamlNode node) {
        String t = f.text(node, "start");
        if (t == null) {
            return Scenario.DEFAULT_START;
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            f.problem(node.line(), "bad start '" + t + "' (expected a date and time, e.g. 2026-11-22T09:00:00)");
            return Scenario.DEFAULT_START;
        }
    }

    private void devices(Fields f, YamlNode node, Map<String, DeviceSpec> out) {
        YamlNode.Mapping m = f.mapping(node, "devices");
        if (m == null) {
            return;
        }
        if (m.entries().isEmpty()) {
            f.problem(m.line(), "devices is empty (give at least one device)");
        }
        Map<String, YamlNode.Entry> sameArm = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries()) {
            if (!DEVICE_ID.matcher(e.key()).matches()) {
                f.problem(e.line(), "bad device id '" + e.key() + "' (letters, digits, '_' and '-', starting with a letter)");
                continue;
            }
            DeviceSpec spec = device(f, e, sameArm);
            if (spec != null) {
                out.put(e.key(), spec);
            }
        }
        for (var e : sameArm.entrySet()) {
            YamlNode.Entry arm = e.getValue();
            String target = ((YamlNode.Scalar) arm.value()).text().trim();
            DeviceSpec t = out.get(target);
            if (target.equals(e.getKey())) {
                f.problem(arm.line(), "same_arm_as must name another device, not '" + target + "' itself");
            } else if (t == null) {
                f.problem(arm.line(), "unknown device '" + target + "' in same_arm_as (expected one of "
                        + String.join(", ", out.keySet()) + ")");
            } else if (!t.reportsNibp()) {
                f.problem(arm.line(), "same_arm_as names '" + target + "', which does not report nibp");
            }
        }
    }

    private DeviceSpec device(Fields f, YamlNode.Entry entry, Map<String, YamlNode.Entry> sameArm) {
        String id = entry.key();
        String where = " in device '" + id + "'";
        YamlNode.Mapping m = f.mapping(entry.value(), "device '" + id + "'");
        if (m == null) {
            return null;
        }
        f.checkKeys(m, DEVICE_KEYS, where);
        SimDriver protocol = null;
        if (!m.has("protocol")) {
            f.problem(m.line(), "missing key 'protocol'" + where + " (one of " + protocols.keyList() + ")");
        } else {
            YamlNode pn = m.get("protocol");
            String p = f.text(pn, "protocol");
            if (p != null) {
                try {
                    protocol = protocols.require(p);
                } catch (IllegalArgumentException ex) {
                    f.problem(pn.line(), ex.getMessage());
                }
            }
        }
        Set<Vital> reports = EnumSet.noneOf(Vital.class);
        if (!m.has("reports")) {
            f.problem(m.line(), "missing key 'reports'" + where + " (the vitals it sends, e.g. [spo2, pr])");
        } else {
            reports(f, m.get("reports"), protocol, id, reports);
        }
        Duration interval = m.has("nibp_interval")
                ? f.positiveDuration(m.get("nibp_interval"), "nibp_interval") : DeviceSpec.DEFAULT_NIBP_INTERVAL;
        boolean nibp = reports.contains(Vital.NIBP_SYS);
        Duration cuff = nibp && interval != null ? DeviceSpec.defaultCuffInflation(interval) : Duration.ZERO;
        if (m.has("cuff_inflation")) {
            YamlNode cn = m.get("cuff_inflation");
            Duration d = f.duration(cn, "cuff_inflation");
            if (d != null && !nibp) {
                f.problem(cn.line(), "cuff_inflation" + where + " needs a device that reports nibp");
            } else if (d != null && interval != null && !d.isZero() && d.compareTo(interval) >= 0) {
                f.problem(cn.line(), "cuff_inflation " + Durations.format(d) + " must be shorter than nibp_interval "
                        + Durations.format(interval));
            } else if (d != null) {
                cuff = d;
            }
        }
        Optional<String> serial = m.has("serial")
                ? Optional.ofNullable(f.text(m.get("serial"), "serial")) : Optional.empty();
        Optional<String> arm = Optional.empty();
        if (m.has("same_arm_as")) {
            YamlNode.Entry ae = m.entry("same_arm_as");
            String t = f.text(ae.value(), "same_arm_as");
            if (t != null && !reports.contains(Vital.SPO2)) {
                f.problem(ae.line(), "same_arm_as" + where + " needs a device that reports spo2");
            } else if (t != null) {
                arm = Optional.of(t);
                sameArm.put(id, ae);
            }
        }
        if (protocol == null || interval == null) {
            return null;
        }
        return new DeviceSpec(protocol.key(), reports, interval, cuff, serial, arm);
    }

    private static void reports(Fields f, YamlNode node, SimDriver protocol, String id, Set<Vital> out) {
        List<YamlNode> items = node instanceof YamlNode.Sequence s ? s.items() : List.of(node);
        if (items.isEmpty()) {
            f.problem(node.line(), "reports of device '" + id + "' is empty (list the vitals it sends)");
        }
        for (YamlNode item : items) {
            String name = f.text(item, "a reported vital");
            Set<Vital> vs = name == null ? null : f.vitalName(name, item.line(), " in reports of device '" + id + "'");
            if (vs == null) {
                continue;
            }
            if (protocol != null && !protocol.reports().containsAll(vs)) {
                f.problem(item.line(), "device '" + id + "' (" + protocol.key() + ") cannot report '" + name + "' ("
                        + protocol.key() + " reports " + ProtocolVitals.describe(protocol.reports()) + ")");
                continue;
            }
            out.addAll(vs);
        }
    }

    private static Optional<Baseline> baseline(Fields f, YamlNode node) {
        YamlNode.Mapping m = f.mapping(node, "baseline");
        if (m == null) {
            return Optional.empty();
        }
        f.checkKeys(m, BASELINE_KEYS, " in baseline");
        Optional<Nibp> nibp = Optional.empty();
        OptionalDouble hr = OptionalDouble.empty();
        for (YamlNode.Entry e : m.entries()) {
            if (e.key().equals("nibp")) {
                nibp = Optional.ofNullable(f.nibp(e.value()));
            } else if (e.key().equals("hr")) {
                Double d = f.vitalValue(Vital.HR, e.value());
                hr = d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
            }
        }
        return Optional.of(new Baseline(nibp, hr));
    }
}
