package org.vigil.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.vigil.domain.Reading;

/**
 * What a chair keeps for its screen, filled by the core thread and read by any thread without
 * blocking the core: a bounded hand-over queue drained once per frame (when the screen falls
 * behind, the oldest readings are dropped for the screen only and counted), the session's
 * history for charts opened mid-session (decimated to a fixed size per series, extremes kept:
 * {@link ScreenHistory}), and the latest cuff and heart-rate readings for "set baseline".
 */
final class ScreenBuffer {

    static final int QUEUE = 8192;
    private static final int RECENT_FOR_BASELINE = 64;

    private final ArrayBlockingQueue<Reading> queue = new ArrayBlockingQueue<>(QUEUE);
    private final ScreenHistory history = new ScreenHistory();
    private final Deque<Reading> recentForBaseline = new ArrayDeque<>();
    private final AtomicLong drops = new AtomicLong();

    /** Core thread: one reading the screen should show. */
    void add(Reading r) {
        if (!queue.offer(r)) {
            queue.poll();
            queue.offer(r);
            drops.incrementAndGet();
        }
        synchronized (history) {
            history.add(r);
        }
        if (r.isValid() && switch (r.vital()) {
            case NIBP_SYS, NIBP_DIA, NIBP_MEAN, HR, PR -> true;
            default -> false;
        }) {
            synchronized (recentForBaseline) {
                recentForBaseline.addLast(r);
                while (recentForBaseline.size() > RECENT_FOR_BASELINE) {
                    recentForBaseline.removeFirst();
                }
            }
        }
    }

    /** Moves up to {@code max} queued readings, oldest first, into {@code sink}. */
    int drain(Consumer<Reading> sink, int max) {
        int n = 0;
        Reading r;
        while (n < max && (r = queue.poll()) != null) {
            sink.accept(r);
            n++;
        }
        return n;
    }

    List<Reading> history() {
        synchronized (history) {
            return history.readings();
        }
    }

    /** How many readings the history holds, for the memory bound's test and the benchmark. */
    int historyRetained() {
        synchronized (history) {
            return history.retained();
        }
    }

    /** The latest valid NIBP, HR and PR readings, oldest first. */
    List<Reading> recentCuffAndHeart() {
        synchronized (recentForBaseline) {
            return new ArrayList<>(recentForBaseline);
        }
    }

    long drops() {
        return drops.get();
    }
}
