package org.vigil.chair;

import org.vigil.session.CuffReading;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The session's cuff measurements, for "set baseline": kept apart from the once-per-second
 * numerics so that a cuff every 5 min stays available for the whole session. Bounded to
 * {@link #LIMIT} measurements (a day at one cuff a minute; a session lasts a few hours), the
 * oldest leaving first. Written by the core thread, read by any thread.
 */
final class CuffHistory {

    static final int LIMIT = 1440;

    private final Deque<CuffReading> readings = new ArrayDeque<>();
    private final int limit;

    CuffHistory() {
        this(LIMIT);
    }

    CuffHistory(int limit) {
        this.limit = limit;
    }

    synchronized void add(CuffReading r) {
        readings.addLast(r);
        while (readings.size() > limit) {
            readings.removeFirst();
        }
    }

    /** Every kept measurement, oldest first. */
    synchronized List<CuffReading> all() {
        return new ArrayList<>(readings);
    }

    /** The last {@code n} measurements, oldest first (fewer when fewer were made). */
    synchronized List<CuffReading> last(int n) {
        List<CuffReading> all = new ArrayList<>(readings);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }
}
