package org.vigil.sim.scenario;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.domain.Durations;
import org.vigil.domain.Vital;
import org.vigil.yaml.Problems;
import org.vigil.yaml.YamlNode;

/**
 * Converts YAML nodes into values, recording a problem (with the node's line) and returning null
 * when a value is wrong, so that parsing goes on and every error is reported.
 */
final class Fields {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private final Problems problems;

    Fields(Problems problems) {
        this.problems = problems;
    }

    void problem(int line, String reason) {
        problems.add(line, reason);
    }

    /** What {@code node} is, in the words of the scenario files ({@code a mapping}, {@code 'x'}, ...). */
    static String describe(YamlNode node) {
        return ScenarioWording.INSTANCE.describe(node);
    }

    /** {@code node} as a mapping, or null with a problem naming {@code what}. */
    YamlNode.Mapping mapping(YamlNode node, String what) {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        problem(node.line(), what + " must be a mapping ({ key: value, ... }), not " + describe(node));
        return null;
    }

    /** Records a problem for each key of {@code m} not in {@code allowed}. */
    void checkKeys(YamlNode.Mapping m, List<String> allowed, String where) {
        for (YamlNode.Entry e : m.unknownKeys(allowed)) {
            problem(e.line(), "unknown key '" + e.key() + "'" + where + " (expected one of "
                    + String.join(", ", allowed) + ")");
        }
    }

    /** The non-empty text of a scalar, or null with a problem. */
    String text(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
            return s.text().trim();
        }
        problem(node.line(), what + " needs a value, not " + describe(node));
        return null;
    }

    /** A duration ({@code 90s}, {@code 5m}, {@code 1h2m30s}, or a bare {@code 0}), or null with a problem. */
    Duration duration(YamlNode node, String what) {
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (NUMBER.matcher(t).matches()) {
            problem(node.line(), "bad duration '" + t + "' for " + what + ": a unit is needed (e.g. 90s, 5m, 1h2m30s)");
            return null;
        }
        try {
            return Durations.parse(t);
        } catch (IllegalArgumentException e) {
            problem(node.line(), "bad duration '" + t + "' for " + what + " (expected e.g. 90s, 5m, 1h2m30s)");
            return null;
        }
    }

    /** A positive duration, or null with a problem. */
    Duration positiveDuration(YamlNode node, String what) {
        Duration d = duration(node, what);
        if (d != null && (d.isZero() || d.isNegative())) {
            problem(node.line(), what + " must be longer than 0s");
            return null;
        }
        return d;
    }

    /** A whole number in [min, max], or null with a problem. */
    Long integer(YamlNode node, String what, long min, long max) {
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        try {
            long v = Long.parseLong(t);
            if (v < min || v > max) {
                problem(node.line(), what + " must be between " + min + " and " + max + ", not " + v);
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problem(node.line(), what + " must be a whole number, not '" + t + "'");
            return null;
        }
    }

    /**
     * A mapping of scenario vital names to values ({@code hr: 72, nibp: 124/78}), NIBP expanded into
     * its three components; entries with errors are left out after recording a problem.
     */
    Map<Vital, Double> vitals(YamlNode.Mapping m, String where) {
        Map<Vital, Double> out = new EnumMap<>(Vital.class);
        for (YamlNode.Entry e : m.entries()) {
            Set<Vital> vs = vitalName(e.key(), e.line(), where);
            if (vs == null) {
                continue;
            }
            if (vs.contains(Vital.NIBP_SYS)) {
                Nibp n = nibp(e.value());
                if (n != null) {
                    out.put(Vital.NIBP_SYS, n.sys());
                    out.put(Vital.NIBP_DIA, n.dia());
                    out.put(Vital.NIBP_MEAN, n.mean());
                }
            } else {
                Vital v = vs.iterator().next();
                Double d = vitalValue(v, e.value());
                if (d != null) {
                    out.put(v, d);
                }
            }
        }
        return out;
    }

    /** The vitals a scenario vital name stands for, or null with a problem. */
    Set<Vital> vitalName(String name, int line, String where) {
        var vs = ProtocolVitals.fromName(name);
        if (vs.isEmpty()) {
            problem(line, "unknown vital '" + name + "'" + where + " (expected one of "
                    + String.join(", ", ProtocolVitals.names()) + ")");
            return null;
        }
        return vs.get();
    }

    /** A blood pressure text, or null with a problem. */
    Nibp nibp(YamlNode node) {
        String t = text(node, "nibp");
        if (t == null) {
            return null;
        }
        try {
            return Nibp.parse(t);
        } catch (IllegalArgumentException e) {
            problem(node.line(), e.getMessage());
            return null;
        }
    }

    /** A number in the vital's plausible range, or null with a problem. */
    Double vitalValue(Vital v, YamlNode node) {
        String name = v.key();
        String t = text(node, name);
        if (t == null) {
            return null;
        }
        if (!NUMBER.matcher(t).matches()) {
            problem(node.line(), name + " must be a number, not '" + t + "'");
            return null;
        }
        double d = Double.parseDouble(t);
        double max = maxOf(v);
        if (d < 0 || d > max) {
            problem(node.line(), name + " " + t + " is out of range (0-" + (long) max + " " + v.unit().symbol() + ")");
            return null;
        }
        return d;
    }

    private static double maxOf(Vital v) {
        return switch (v) {
            case HR, PR -> 300;
            case SPO2 -> 100;
            case PI -> 20;
            case RR -> 150;
            case NIBP_SYS, NIBP_DIA, NIBP_MEAN -> 300;
        };
    }

    static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
