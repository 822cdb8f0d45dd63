package org.vigil.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.domain.Durations;

/**
 * Reads the keys of one YAML map and reports problems with their file line and key path. Unknown
 * keys are reported when the reader is made; a getter returns null when the key is absent or its
 * value is unusable (then a problem was added).
 */
final class Fields {

    private final Node node;
    private final String path;
    private final Problems problems;
    private final Map<String, Node.Entry> entries;

    Fields(Node node, String path, Problems problems, List<String> allowed) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        if (node instanceof Node.MapNode m) {
            this.entries = m.entries();
            for (Node.Entry e : m.entries().values()) {
                if (!allowed.contains(e.key())) {
                    problems.add(e.keyLine(), KeyPaths.child(path, e.key()),
                            "unknown key (expected one of " + String.join(", ", allowed) + ")");
                }
            }
        } else {
            this.entries = Map.of();
            problems.add(node.line(), path, "expected a map with keys " + String.join(", ", allowed)
                    + ", got " + node.kind());
        }
    }

    /** True when the node is a map (an unusable node was already reported). */
    boolean isMap() {
        return node instanceof Node.MapNode;
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
        return entries.containsKey(key);
    }

    /** The value of {@code key}, or null when absent. */
    Node node(String key) {
        Node.Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    /** The line of the value of {@code key}, or of this map when the key is absent. */
    int lineOf(String key) {
        Node.Entry e = entries.get(key);
        return e == null ? node.line() : e.value().line();
    }

    void problem(String key, String reason) {
        problems.add(lineOf(key), path(key), reason);
    }

    /** Reports a required key that is absent; true when present. */
    boolean require(String key) {
        if (!entries.containsKey(key)) {
            problems.add(node.line(), path(key), "missing (required)");
            return false;
        }
        return true;
    }

    /** The scalar text of {@code key}; null when absent, null in the file, or not a scalar (reported). */
    String text(String key) {
        Node v = node(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Node.ScalarNode s) {
            return s.text();
        }
        problem(key, "expected a single value, got " + v.kind());
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
            if (node(key) instanceof Node.ScalarNode) {
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
    Map<String, Node.Entry> mapEntries(String key) {
        Node v = node(key);
        if (v == null || (v instanceof Node.ScalarNode s && s.text() == null)) {
            return Map.of();
        }
        if (v instanceof Node.MapNode m) {
            return m.entries();
        }
        problem(key, "expected a map, got " + v.kind());
        return Map.of();
    }
}
