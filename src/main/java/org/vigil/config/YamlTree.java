package org.vigil.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML document into {@link Node}s that remember their line. Duplicate keys are reported
 * (the first value wins); a syntax error is reported at its line and yields no tree.
 */
final class YamlTree {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Problems problems;

    YamlTree(Problems problems) {
        this.problems = problems;
    }

    /** The document's root, or null when the document is empty or could not be parsed (then a problem was added). */
    Node read(Reader in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(1, "", "the file is empty");
                return null;
            }
            return value(p, "");
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            String reason = firstLine(e.getOriginalMessage());
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                line = m.getProblemMark().getLine() + 1;
                reason = m.getProblem() == null ? reason : firstLine(m.getProblem());
            }
            problems.add(line, "", "not valid YAML: " + reason);
            return null;
        }
    }

    private Node value(JsonParser p, String path) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                String childPath = KeyPaths.child(path, key);
                p.nextToken();
                Node v = value(p, childPath);
                if (entries.containsKey(key)) {
                    problems.add(keyLine, childPath, "key given twice (first on line "
                            + entries.get(key).keyLine() + ")");
                } else {
                    entries.put(key, new Node.Entry(key, keyLine, v));
                }
            }
            return new Node.MapNode(line, entries);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(p, KeyPaths.index(path, items.size())));
            }
            return new Node.ListNode(line, items);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new Node.ScalarNode(line, null);
        }
        return new Node.ScalarNode(line, p.getText());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
