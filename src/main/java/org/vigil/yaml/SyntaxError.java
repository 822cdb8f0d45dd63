package org.vigil.yaml;

/**
 * Why a document is not valid YAML, as the YAML library put it.
 *
 * @param line 1-based line of the problem, 0 when unknown
 * @param problem the problem, e.g. {@code expected ',' or '}', but got <scalar>}
 * @param context what was being read when it happened, e.g. {@code while parsing a flow mapping};
 *     null when the library gave none
 * @param contextLine 1-based line where {@code context} started (0 without a context)
 */
public record SyntaxError(int line, String problem, String context, int contextLine) {
}
