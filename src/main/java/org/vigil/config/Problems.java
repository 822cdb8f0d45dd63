package org.vigil.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in one file, so they can be reported together. */
final class Problems {

    private record Problem(int line, String path, String reason) {
    }

    private final String fileName;
    private final List<Problem> list = new ArrayList<>();

    Problems(String fileName) {
        this.fileName = fileName;
    }

    void add(int line, String path, String reason) {
        list.add(new Problem(line, path, reason));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** Lines {@code file:line: key: reason}, in line order (stable for one line). */
    List<String> lines() {
        List<Problem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt(Problem::line));
        List<String> out = new ArrayList<>(sorted.size());
        for (Problem p : sorted) {
            String key = p.path().isEmpty() ? "" : p.path() + ": ";
            out.add(fileName + ":" + p.line() + ": " + key + p.reason());
        }
        return out;
    }

    void throwIfAny(Path file) throws ConfigException {
        if (!list.isEmpty()) {
            throw new ConfigException(file, lines());
        }
    }
}
