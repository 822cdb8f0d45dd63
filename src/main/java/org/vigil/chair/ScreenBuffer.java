package org.vigil.chair;

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
 * {@link ScreenHistory}). Cuff readings for "set baseline" are kept apart ({@link CuffHistory}).
 */
final class ScreenBuffer {

    static final int QUEUE = 8192;
    private final ArrayBlockingQueue<Reading> queue = new ArrayBlockingQueue<>(QUEUE);
    private final ScreenHistory history = new ScreenHistory();
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

    long drops() {
        return drops.get();
    }
}
