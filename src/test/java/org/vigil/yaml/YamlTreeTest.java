package org.vigil.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTreeTest {

    /** Words every generic problem with its key path, so the tests see what the tree passes on. */
    private static final Wording WORDING = new Wording() {
        @Override
        public String mapping() {
            return "a mapping";
        }

        @Override
        public String list() {
            return "a list";
        }

        @Override
        public String empty() {
            return "nothing";
        }

        @Override
        public void duplicateKey(Problems problems, String path, YamlNode.Entry again, int firstLine) {
            problems.add(again.line(), path, "again (first on line " + firstLine + ")");
        }

        @Override
        public void syntaxError(Problems problems, SyntaxError e) {
            problems.add(e.line(), e.problem() + (e.context() == null ? "" : " / " + e.context() + " @" + e.contextLine()));
        }
    };

    private final Problems problems = new Problems("f.yaml");

    private YamlNode read(String yaml, YamlTree.EmptyValue empty) throws IOException {
        return new YamlTree(problems, WORDING, empty).read(new StringReader(yaml));
    }

    @Test
    void everyValueKnowsItsLine() throws IOException {
        YamlNode.Mapping root = (YamlNode.Mapping) read("a: 1\nb:\n  - x\n  - { c: 2 }\n", YamlTree.EmptyValue.NULL);
        assertEquals(1, root.entry("a").line());
        assertEquals(2, root.entry("b").line());
        YamlNode.Sequence b = assertInstanceOf(YamlNode.Sequence.class, root.get("b"));
        assertEquals(List.of(3, 4), b.items().stream().map(YamlNode::line).toList());
        assertEquals("x", ((YamlNode.Scalar) b.items().get(0)).text());
        assertTrue(problems.isEmpty());
    }

    @Test
    void aRepeatedKeyIsReportedWithItsPathAndTheFirstValueKept() throws IOException {
        YamlNode.Mapping root = (YamlNode.Mapping) read("a:\n  - { k: 1, k: 2 }\nb: 1\nb: 2\n", YamlTree.EmptyValue.NULL);
        assertEquals(List.of("f.yaml:2: a[0].k: again (first on line 2)", "f.yaml:4: b: again (first on line 3)"),
                problems.lines());
        assertEquals("1", ((YamlNode.Scalar) root.get("b")).text());
        assertEquals(List.of("a", "b"), root.entries().stream().map(YamlNode.Entry::key).toList());
    }

    @Test
    void aSyntaxErrorIsReportedAtTheProblemsLineWithItsContext() throws IOException {
        assertNull(read("a: 1\nb: { c: { d: [1] }\ne: {}\n", YamlTree.EmptyValue.NULL));
        assertEquals(List.of("f.yaml:3: expected ',' or '}', but got <scalar> / while parsing a flow mapping @2"),
                problems.lines());
    }

    @Test
    void anEmptyDocumentIsReported() throws IOException {
        assertNull(read("# only a comment\n", YamlTree.EmptyValue.NULL));
        assertEquals(List.of("f.yaml:1: the file is empty"), problems.lines());
    }

    @Test
    void anEmptyValueIsANullOrAnEmptyTextAsAsked() throws IOException {
        YamlNode asNull = ((YamlNode.Mapping) read("a:\nb: ~\n", YamlTree.EmptyValue.NULL)).get("a");
        assertTrue(asNull.isNull());
        assertEquals("nothing", WORDING.describe(asNull));
        YamlNode.Mapping text = (YamlNode.Mapping) read("a:\nb: ~\n", YamlTree.EmptyValue.EMPTY_TEXT);
        assertEquals("''", WORDING.describe(text.get("a")));
        assertTrue(text.get("b").isNull());
    }

    @Test
    void problemsComeInLineOrderStableWithinALine() {
        problems.add(5, "x", "late");
        problems.add(2, "first on 2");
        problems.add(2, "y", "second on 2");
        assertEquals(List.of("f.yaml:2: first on 2", "f.yaml:2: y: second on 2", "f.yaml:5: x: late"), problems.lines());
    }

    @Test
    void unknownKeysAreThoseOutsideTheAllowedOnes() throws IOException {
        YamlNode.Mapping root = (YamlNode.Mapping) read("a: 1\nzz: 2\nb: 3\nyy: 4\n", YamlTree.EmptyValue.NULL);
        assertEquals(List.of("zz", "yy"),
                root.unknownKeys(List.of("a", "b")).stream().map(YamlNode.Entry::key).toList());
    }
}
