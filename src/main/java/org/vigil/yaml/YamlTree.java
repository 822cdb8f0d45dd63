package org.vigil.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML document into {@link YamlNode}s that remember their line, using Jackson's streaming
 * parser (its tree model forgets locations). A key given twice in one mapping is reported and its
 * first value kept; a syntax error is reported at its line and yields no tree; an empty document
 * is reported as {@code the file is empty}. The words of those problems come from a {@link Wording}.
 * The text is bounded before it is parsed ({@link YamlText}), and a single value longer than
 * {@value #MAX_VALUE_CHARS} characters is refused at its line: no value in these files is anywhere
 * near that, and a huge one would only be echoed back in messages.
 */
public final class YamlTree {

    /** The longest single value (scalar or key) accepted, in characters. */
    public static final int MAX_VALUE_CHARS = 1024;

    /** What a key with nothing after it ({@code key:}) reads as. */
    public enum EmptyValue {
        /** A YAML null, like {@code ~}: a {@link YamlNode.Scalar} whose text is null. */
        NULL(YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build()),
        /** An empty text, like {@code ''}; only {@code ~} and {@code null} are nulls. */
        EMPTY_TEXT(YAMLFactory.builder().disable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build());

        private final YAMLFactory factory;

        EmptyValue(YAMLFactory factory) {
            this.factory = factory;
        }
    }

    private final Problems problems;
    private final Wording wording;
    private final EmptyValue emptyValue;

    public YamlTree(Problems problems, Wording wording, EmptyValue emptyValue) {
        this.problems = problems;
        this.wording = wording;
        this.emptyValue = emptyValue;
    }

    /**
     * The document's root, or null when the document is empty, too large, has a line that is too
     * long, or is not valid YAML (a problem was then added). A value that is too long is reported
     * and cut short in the tree.
     *
     * @throws IOException when {@code in} cannot be read
     */
    public YamlNode read(Reader in) throws IOException {
        String text = YamlText.read(in, problems);
        if (text == null) {
            return null;
        }
        return parse(text);
    }

    private YamlNode parse(String text) throws IOException {
        try (JsonParser p = emptyValue.factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(1, "the file is empty");
                return null;
            }
            return node(p, t, "");
        } catch (JsonProcessingException e) {
            wording.syntaxError(problems, syntaxError(e));
            return null;
        }
    }

    private YamlNode node(JsonParser p, JsonToken t, String path) throws IOException {
        int line = line(p);
        if (t == JsonToken.START_OBJECT) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            Map<String, Integer> firstLines = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p);
                String childPath = KeyPaths.child(path, bounded(key, keyLine, path));
                YamlNode.Entry entry = new YamlNode.Entry(key, keyLine, node(p, p.nextToken(), childPath));
                Integer first = firstLines.putIfAbsent(key, keyLine);
                if (first != null) {
                    wording.duplicateKey(problems, childPath, entry, first);
                } else {
                    entries.add(entry);
                }
            }
            return new YamlNode.Mapping(line, entries);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                items.add(node(p, i, KeyPaths.index(path, items.size())));
            }
            return new YamlNode.Sequence(line, items);
        }
        return new YamlNode.Scalar(line, t == JsonToken.VALUE_NULL ? null : bounded(p.getText(), line, path));
    }

    /** {@code text}, or its first characters when it is longer than allowed (then a problem was added). */
    private String bounded(String text, int line, String path) {
        if (text == null || text.length() <= MAX_VALUE_CHARS) {
            return text;
        }
        problems.add(line, path, "value is " + text.length() + " characters long (at most " + MAX_VALUE_CHARS + ")");
        return text.substring(0, 40) + "...";
    }

    private static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : loc.getLineNr();
    }

    /**
     * The YAML library's marks give the problem's line and the line its context (e.g. "while
     * parsing a flow mapping") started on; other failures only have Jackson's location.
     */
    private static SyntaxError syntaxError(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        String problem = firstLine(e.getOriginalMessage());
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            line = m.getProblemMark().getLine() + 1;
            if (m.getProblem() != null) {
                problem = firstLine(m.getProblem());
                if (m.getContext() != null && m.getContextMark() != null) {
                    return new SyntaxError(line, problem, firstLine(m.getContext()), m.getContextMark().getLine() + 1);
                }
            }
        }
        return new SyntaxError(line, problem, null, 0);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
