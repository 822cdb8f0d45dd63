package org.vigil.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.vigil.domain.Durations;
import org.vigil.yaml.KeyPaths;
import org.vigil.yaml.Problems;
import org.vigil.yaml.YamlNode;

/**
 * Reads the keys of one YAML map and reports problems with their file line and key path. Unknown
 * keys are reported when the reader is made; a getter returns null when the key is absent or its
 * value is unusable (then a problem was added).
 */
final class Fields {

    private static final YamlNode.Mapping NO_ENTRIES = new YamlNode.Mapping(0, List.of());

    private final YamlNode node;
    private final String path;
    private final Problems problems;
    private final YamlNode.Mapping map;

    Fields(YamlNode node, String path, Problems problems, List<String> allowed) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        if (node instanceof YamlNode.Mapping m) {
            this.map = m;
            for (YamlNode.Entry e : m.unknownKeys(allowed)) {
                problems.add(e.line(), KeyPaths.child(path, e.key()),
                        "unknown key (expected one of " + String.join(", ", allowed) + ")");
            }
        } else {
            this.map = NO_ENTRIES;
            problems.add(node.line(), path, "expected a map with keys " + String.join(", ", allowed)
                    + ", got " + describe(node));
        }
    }

    /** What {@code node} is, in the words of the station files ({@code a map}, {@code 'x'}, ...). */
    static String describe(YamlNode node) {
        return StationWording.INSTANCE.describe(node);
    }

    /** True when the node is a map (an unusable node was already reported). */
    boolean isMap() {
        return node instanceof YamlNode.Mapping;
    }

    int line() {
        return node.line();
    }

    String path() {
        return path;
    }

    String path(String key) {
        return KeyPaths.child(path, key);
    }

    boolean has(String key) {
        return map.has(key);
    }

    /** The value of {@code key}, or null when absent. */
    YamlNode node(String key) {
        return map.get(key);
    }

    /** The line of the value of {@code key}, or of this map when the key is absent. */
    int lineOf(String key) {
        YamlNode v = map.get(key);
        return v == null ? node.line() : v.line();
    }

    void problem(String key, String reason) {
        problems.add(lineOf(key), path(key), reason);
    }

    /** Reports a required key that is absent; true when present. */
    boolean require(String key) {
        if (!map.has(key)) {
            problems.add(node.line(), path(key), "missing (required)");
            return false;
        }
        return true;
    }

    /** The scalar text of {@code key}; null when absent, null in the file, or not a scalar (reported). */
    String text(String key) {
        YamlNode v = node(key);
        if (v == null) {
            return null;
        }
        if (v instanceof YamlNode.Scalar s) {
            return s.text();
        }
        problem(key, "expected a single value, got " + describe(v));
        return null;
    }

    /** Non-blank text; absent or empty is reported as missing when {@code required}. */
    String string(String key, boolean required) {
        if (!has(key)) {
            if (required) {
                require(key);
            }
            return null;
        }
        String t = text(key);
        if (t == null || t.isBlank()) {
            if (node(key) instanceof YamlNode.Scalar) {
                problem(key, "empty value");
            }
            return null;
        }
        return t.trim();
    }

    /** A duration like {@code 90s}; {@code positive} refuses zero. Null when absent. */
    Duration duration(String key, boolean positive) {
        String t = string(key, false);
        if (t == null) {
            return null;
        }
        try {
            Duration d = Durations.parse(t);
            if (positive && d.isZero()) {
                problem(key, "must be longer than 0s");
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    /** A finite number. Null when absent. */
    Double number(String key) {
        String t = string(key, false);
        if (t == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d) && t.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "bad number '" + t + "'");
        return null;
    }

    /** A whole number. Null when absent. */
    Integer integer(String key) {
        String t = string(key, false);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            problem(key, "bad whole number '" + t + "'");
            return null;
        }
    }

    /** {@code true} or {@code false}. Null when absent. */
    Boolean bool(String key) {
        String t = string(key, false);
        if (t == null) {
            return null;
        }
        String l = t.toLowerCase(Locale.ROOT);
        if (l.equals("true") || l.equals("false")) {
            return Boolean.valueOf(l);
        }
        problem(key, "expected true or false, got '" + t + "'");
        return null;
    }

    /** The entries of a nested map under {@code key} (free keys, e.g. alarm ids); empty when absent or not a map. */
    List<YamlNode.Entry> mapEntries(String key) {
        YamlNode v = node(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v instanceof YamlNode.Mapping m) {
            return m.entries();
        }
        problem(key, "expected a map, got " + describe(v));
        return List.of();
    }
}
