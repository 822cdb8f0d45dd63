package org.vigil.ui.review;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vigil.review.SessionArchive;
import org.vigil.review.SessionFilter;
import org.vigil.review.SessionRow;

/**
 * The session list's reads, on the review's query thread (never the FX thread; no JavaFX here, an
 * architecture test keeps it so): the first page with the number of sessions and the chairs, then
 * the next pages read on from the last row (keyset), every row with its column texts.
 */
final class SessionListQuery {

    /** The first page: its rows, how many sessions the filter keeps in all, the chairs known. */
    record FirstPage(List<ListedSession> rows, int total, List<String> chairs) {
    }

    private final SessionArchive archive;
    private final ZoneId zone;
    private final Instant now;

    SessionListQuery(SessionArchive archive, ZoneId zone, Instant now) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.now = Objects.requireNonNull(now, "now");
    }

    /** The first {@code size} sessions of {@code filter}, the count (a query only when there are more) and the chairs. */
    FirstPage first(SessionFilter filter, int size) {
        List<SessionRow> rows = archive.list(filter.withLimit(size));
        int total = rows.size() < size ? rows.size() : archive.count(filter.withLimit(0));
        return new FirstPage(listed(rows), total, archive.chairs());
    }

    /** The next {@code size} sessions of {@code filter} after {@code last}. */
    List<ListedSession> after(SessionFilter filter, SessionRow last, int size) {
        return listed(archive.listAfter(filter.withLimit(size), last));
    }

    private List<ListedSession> listed(List<SessionRow> rows) {
        List<ListedSession> out = new ArrayList<>(rows.size());
        for (SessionRow r : rows) {
            out.add(SessionListTexts.listed(r, zone, now));
        }
        return out;
    }
}
