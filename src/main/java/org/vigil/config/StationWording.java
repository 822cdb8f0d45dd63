package org.vigil.config;

import org.vigil.yaml.Problems;
import org.vigil.yaml.SyntaxError;
import org.vigil.yaml.Wording;
import org.vigil.yaml.YamlNode;
import org.vigil.yaml.YamlTree;

/**
 * The words of the station files' generic problems, e.g.
 * {@code station.yaml:3: station.data_dir: key given twice (first on line 2)} or
 * {@code expected a map with keys ..., got nothing}.
 */
final class StationWording implements Wording {

    static final StationWording INSTANCE = new StationWording();

    /**
     * In station files {@code key:} with nothing after it is an empty text, as it always was there:
     * e.g. an empty {@code alarms.limits:} is refused ({@code expected a map, got ''}), not taken as absent.
     */
    static final YamlTree.EmptyValue EMPTY_VALUE = YamlTree.EmptyValue.EMPTY_TEXT;

    private StationWording() {
    }

    @Override
    public String mapping() {
        return "a map";
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
        problems.add(again.line(), path, "key given twice (first on line " + firstLine + ")");
    }

    @Override
    public void syntaxError(Problems problems, SyntaxError error) {
        problems.add(Math.max(1, error.line()), "not valid YAML: " + error.problem());
    }
}
