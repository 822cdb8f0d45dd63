package org.vigil.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Collects every problem found in one file, so a reader can go on after the first and the author
 * sees them all at once, in line order.
 */
public final class Problems {

    private final String file;
    private final List<Problem> list = new ArrayList<>();

    /** @param file the file name every problem line starts with */
    public Problems(String file) {
        this.file = file;
    }

    /** Adds a problem at {@code line} of the value at key path {@code path} (empty for none). */
    public void add(int line, String path, String reason) {
        list.add(new Problem(file, line, path, reason));
    }

    /** Adds a problem whose reason names its key itself. */
    public void add(int line, String reason) {
        add(line, "", reason);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** The problems in line order (stable for one line). */
    public List<Problem> sorted() {
        List<Problem> out = new ArrayList<>(list);
        out.sort(Comparator.comparingInt(Problem::line));
        return List.copyOf(out);
    }

    /** The problems in line order, one {@code file:line: path: reason} text each. */
    public List<String> lines() {
        return sorted().stream().map(Problem::toString).toList();
    }

    /** Throws the exception {@code refusal} makes of these problems when there is any. */
    public <E extends Exception> void throwIfAny(Function<Problems, E> refusal) throws E {
        if (!list.isEmpty()) {
            throw refusal.apply(this);
        }
    }
}
