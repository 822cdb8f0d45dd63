package org.vigil.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into {@link YamlNode}s that remember their line, using Jackson's
 * streaming parser (the tree model forgets locations). Duplicate keys are reported as problems.
 */
final class YamlTree {

    private final Problems problems;

    YamlTree(Problems problems) {
        this.problems = problems;
    }

    /** The document's root node, or null when the text is empty or not YAML (a problem is then recorded). */
    YamlNode read(Reader in) throws IOException {
        try (JsonParser p = new YAMLFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(1, "the file is empty");
                return null;
            }
            return node(p, t);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            problems.add(line, "not valid YAML: " + firstLine(e.getOriginalMessage()));
            return null;
        }
    }

    private YamlNode node(JsonParser p, JsonToken t) throws IOException {
        int line = line(p);
        switch (t) {
            case START_OBJECT -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                Map<String, Integer> seen = new HashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    YamlNode value = node(p, p.nextToken());
                    Integer first = seen.putIfAbsent(key, keyLine);
                    if (first != null) {
                        problems.add(keyLine, "duplicate key '" + key + "' (first given on line " + first + ")");
                    } else {
                        entries.add(new YamlNode.Entry(key, keyLine, value));
                    }
                }
                return new YamlNode.Mapping(List.copyOf(entries), line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                    items.add(node(p, i));
                }
                return new YamlNode.Sequence(List.copyOf(items), line);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, line);
            }
            default -> {
                return new YamlNode.Scalar(p.getText(), line);
            }
        }
    }

    private static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : loc.getLineNr();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
