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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML document into {@link YamlNode}s that remember their line, using Jackson's
 * streaming parser (the tree model forgets locations). Duplicate keys are reported as problems.
 */
final class YamlTree {

    private static final Pattern MARK = Pattern.compile("^\\s*in '[^']*', line (\\d+), column \\d+");

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
            syntaxError(e);
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

    /**
     * Records a syntax error. The YAML library's message holds an optional context ("while parsing
     * a flow mapping" + its mark) and the problem ("expected ',' or '}'" + its mark); the problem's
     * mark gives the line.
     */
    private void syntaxError(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        List<String> texts = new ArrayList<>();
        List<Integer> marks = new ArrayList<>();
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        for (String l : msg.split("\\R")) {
            Matcher m = MARK.matcher(l);
            if (m.find()) {
                marks.add(Integer.parseInt(m.group(1)));
            } else if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
                texts.add(l.trim());
            }
        }
        if (!marks.isEmpty()) {
            line = marks.get(marks.size() - 1);
        }
        String reason = texts.isEmpty() ? "unreadable" : texts.get(texts.size() - 1);
        if (texts.size() > 1 && marks.size() > 1) {
            reason += " (" + texts.get(0) + " started on line " + marks.get(0) + ")";
        }
        problems.add(line, "not valid YAML: " + reason);
    }
}
