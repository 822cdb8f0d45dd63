package org.vigil.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows a {@link RecordingWriter} had to refuse because its queue was full, per session, so that
 * the loss is written into the session itself as a {@link SessionEvent#RECORDING_GAP} event once
 * the disk accepts rows again. Only touched on that rare path; the lock is held for a map update.
 */
final class Gaps {

    /** Refused rows of one session: how many and the time span they covered. */
    record Gap(long sessionId, long rows, Instant from, Instant to) {

        Gap merge(Gap other) {
            return new Gap(sessionId, rows + other.rows,
                    from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
        }

        Row toRow() {
            return new Row.EventRow(sessionId, SessionEvent.of(from, SessionEvent.RECORDING_GAP,
                    Map.of("rows", Long.toString(rows), "from", from.toString(), "to", to.toString(),
                            "cause", "recording queue full"), null));
        }
    }

    private final Map<Long, Gap> open = new LinkedHashMap<>();

    synchronized void record(Row refused) {
        Gap g = new Gap(refused.sessionId(), 1, refused.time(), refused.time());
        open.merge(refused.sessionId(), g, Gap::merge);
    }

    /** Takes every gap recorded so far. */
    synchronized List<Gap> drain() {
        List<Gap> out = new ArrayList<>(open.values());
        open.clear();
        return out;
    }

    /** Puts back gaps whose event could not be written, merging with any recorded since. */
    synchronized void restore(List<Gap> gaps) {
        for (Gap g : gaps) {
            open.merge(g.sessionId(), g, Gap::merge);
        }
    }
}
