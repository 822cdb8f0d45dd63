package org.vigil.yaml;

/**
 * How one file format words the problems {@link YamlTree} finds and the values it describes, so
 * each format keeps the messages its users know while the parsing is shared.
 */
public interface Wording {

    /** How a mapping is called in messages, e.g. {@code a map}. */
    String mapping();

    /** How a list is called in messages, e.g. {@code a list}. */
    String list();

    /** How a YAML null (an empty value) is called in messages, e.g. {@code nothing}. */
    String empty();

    /** Adds the problem of a key given a second time ({@code again}) in one mapping. */
    void duplicateKey(Problems problems, String path, YamlNode.Entry again, int firstLine);

    /** Adds the problem of a document that is not valid YAML. */
    void syntaxError(Problems problems, SyntaxError error);

    /** What {@code node} is, for "expected ..., got ..." messages: a scalar is quoted. */
    default String describe(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            return s.text() == null ? empty() : "'" + s.text() + "'";
        }
        return node instanceof YamlNode.Mapping ? mapping() : list();
    }
}
