package org.vigil.sim.scenario;

import java.util.List;

/** A YAML value with the line it starts on, so every error can name its line. */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** 1-based line of the value's first character. */
    int line();

    /** What the node is, for messages: "a text", "a mapping", "a list". */
    String describe();

    /** A plain value; {@code text} is null for an empty value ({@code key:} with nothing after it). */
    record Scalar(String text, int line) implements YamlNode {
        @Override
        public String describe() {
            return text == null ? "an empty value" : "'" + text + "'";
        }
    }

    /** One {@code key: value} pair of a mapping, with the key's line. */
    record Entry(String key, int line, YamlNode value) {
    }

    /** A mapping in file order. */
    record Mapping(List<Entry> entries, int line) implements YamlNode {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A list. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }
}
