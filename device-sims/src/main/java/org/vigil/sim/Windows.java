package org.vigil.sim;

import java.util.ArrayList;
import java.util.List;

/** A set of half-open time windows [start, end) in nanoseconds from t = 0. */
final class Windows {

    private final List<long[]> spans = new ArrayList<>();

    void add(long start, long end) {
        if (end > start) {
            spans.add(new long[] {start, end});
        }
    }

    /** True when {@code t} lies in some window: start ≤ t < end. */
    boolean covers(long t) {
        for (long[] s : spans) {
            if (s[0] <= t && t < s[1]) {
                return true;
            }
        }
        return false;
    }
}
