package org.vigil.yaml;

import java.util.ArrayList;
import java.util.List;

/** A parsed YAML value with the 1-based line it starts on, so every problem can name its line. */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** The 1-based line of the value's first character. */
    int line();

    /** True for a YAML null: an empty value ({@code key:} with nothing after it) or {@code ~}. */
    default boolean isNull() {
        return this instanceof Scalar s && s.text() == null;
    }

    /** A single value as written in the file; {@code text} is null for a YAML null. */
    record Scalar(int line, String text) implements YamlNode {
    }

    /** One {@code key: value} pair of a mapping, with the line of the key itself. */
    record Entry(String key, int line, YamlNode value) {
    }

    /** A mapping; its keys are unique (a repeated key was reported and dropped) and keep file order. */
    record Mapping(int line, List<Entry> entries) implements YamlNode {

        public Mapping {
            entries = List.copyOf(entries);
        }

        /** The entry of {@code key}, or null when absent. */
        public Entry entry(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return e;
                }
            }
            return null;
        }

        /** The value of {@code key}, or null when absent. */
        public YamlNode get(String key) {
            Entry e = entry(key);
            return e == null ? null : e.value();
        }

        public boolean has(String key) {
            return entry(key) != null;
        }

        /** The entries whose key is not in {@code allowed}, in file order. */
        public List<Entry> unknownKeys(List<String> allowed) {
            List<Entry> out = new ArrayList<>();
            for (Entry e : entries) {
                if (!allowed.contains(e.key())) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    /** A list. */
    record Sequence(int line, List<YamlNode> items) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
        }
    }
}
