package org.vigil.sim.scenario;

import org.vigil.yaml.Problems;
import org.vigil.yaml.SyntaxError;
import org.vigil.yaml.Wording;
import org.vigil.yaml.YamlNode;

/**
 * The words of the scenario files' generic problems, e.g.
 * {@code bp.yaml:3: duplicate key 'duration' (first given on line 1)} or
 * {@code ... must be a mapping ({ key: value, ... }), not an empty value}.
 */
final class ScenarioWording implements Wording {

    static final ScenarioWording INSTANCE = new ScenarioWording();

    private ScenarioWording() {
    }

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
        return "an empty value";
    }

    @Override
    public void duplicateKey(Problems problems, String path, YamlNode.Entry again, int firstLine) {
        problems.add(again.line(), "duplicate key '" + again.key() + "' (first given on line " + firstLine + ")");
    }

    /** The problem, and where the construct it broke started: {@code (while parsing a flow mapping started on line 2)}. */
    @Override
    public void syntaxError(Problems problems, SyntaxError error) {
        String context = error.context() == null ? ""
                : " (" + error.context() + " started on line " + error.contextLine() + ")";
        problems.add(error.line(), "not valid YAML: " + error.problem() + context);
    }
}
