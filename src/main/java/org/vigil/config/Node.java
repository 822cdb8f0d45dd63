package org.vigil.config;

import java.util.List;
import java.util.Map;

/** A parsed YAML value with the line it starts on (1-based), so errors can name file and line. */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    int line();

    /** What kind of value this is, for "expected a map, got a list" messages. */
    String kind();

    /** A mapping; keys keep file order. */
    record MapNode(int line, Map<String, Entry> entries) implements Node {
        @Override
        public String kind() {
            return "a map";
        }
    }

    /** One key of a mapping: the line of the key itself and its value. */
    record Entry(String key, int keyLine, Node value) {
    }

    /** A sequence. */
    record ListNode(int line, List<Node> items) implements Node {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar as written in the file; {@code text} is null for a YAML null (an empty value or {@code ~}). */
    record ScalarNode(int line, String text) implements Node {
        @Override
        public String kind() {
            return text == null ? "nothing" : "'" + text + "'";
        }
    }
}
