package org.vigil.sim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every error found in one file, so the author sees them all at once. */
final class Problems {

    private final String source;
    private final List<ScenarioException.Problem> list = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void add(int line, String reason) {
        list.add(new ScenarioException.Problem(source, line, reason));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int size() {
        return list.size();
    }

    /** Throws when any problem was recorded, in line order (stable for one line). */
    void throwIfAny() throws ScenarioException {
        if (!list.isEmpty()) {
            List<ScenarioException.Problem> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt(ScenarioException.Problem::line));
            throw new ScenarioException(sorted);
        }
    }
}
