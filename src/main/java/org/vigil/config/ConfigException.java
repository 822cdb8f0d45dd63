package org.vigil.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A station configuration file could not be used. The message holds every problem found, one
 * per line, each as {@code file:line: key: reason}, e.g.
 * {@code station.yaml:14: chairs[0].devices[1].protocol: unknown protocol 'masimoo' (expected one of masimo, ivy)}.
 */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final List<String> problems;

    /** @param file the file that was read; @param problems one line each, in file order */
    public ConfigException(Path file, List<String> problems) {
        super(String.join("\n", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** @param cause why the file could not be read at all */
    public ConfigException(Path file, String problem, Throwable cause) {
        super(problem, cause);
        this.file = file;
        this.problems = List.of(problem);
    }

    /** The file as it was given (the problem lines name only its file name). */
    public Path file() {
        return file;
    }

    /** The problems, one line each. */
    public List<String> problems() {
        return problems;
    }
}
