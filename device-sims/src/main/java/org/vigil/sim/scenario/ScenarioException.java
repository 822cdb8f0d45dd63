package org.vigil.sim.scenario;

import java.util.List;
import java.util.stream.Collectors;
import org.vigil.yaml.Problems;

/**
 * A scenario file was refused. The message lists every problem, one per line, each as
 * {@code file:line: reason}, e.g. {@code bp.yaml:7: unknown vital 'spo' (expected one of hr, pr, spo2, pi, rr, nibp)}.
 */
public final class ScenarioException extends Exception {

    /** One error: the file name, the 1-based line (0 for the whole file, then not printed) and the reason. */
    public record Problem(String source, int line, String reason) {
        @Override
        public String toString() {
            return source + (line > 0 ? ":" + line : "") + ": " + reason;
        }
    }

    private final transient List<Problem> problems;

    /** The problems collected while reading one file (at least one), in line order. */
    ScenarioException(Problems found) {
        this(found.sorted().stream().map(p -> new Problem(p.file(), p.line(), p.reason())).toList());
    }

    private ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    /** The problems in line order; never empty. */
    public List<Problem> problems() {
        return problems;
    }
}
