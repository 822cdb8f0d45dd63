package org.vigil.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.vigil.domain.Actor;

/**
 * The audit trail as the auditor's screen reads it (the app adapts the security layer's reader to
 * it). The source checks the actor's role again and records each read and export; the screen only
 * hides itself from other roles.
 */
public interface AuditTrailSource {

    /** One row as shown. */
    record Row(long seq, Instant at, String user, String role, String how, String action, String target, String detail) {
    }

    /** What to show: a user (id or part of the name), an action prefix, a time range {@code [from, to)}; blank or null is any. */
    record Query(String user, String action, Instant from, Instant to) {
    }

    List<Row> read(Actor actor, Query query) throws Exception;

    /** Writes the rows of {@code query} as CSV to {@code file}; returns how many. */
    int exportCsv(Actor actor, Query query, Path file) throws Exception;

    /** No trail (tests, tools): nothing to show. */
    AuditTrailSource NONE = new AuditTrailSource() {
        @Override
        public List<Row> read(Actor actor, Query query) {
            return List.of();
        }

        @Override
        public int exportCsv(Actor actor, Query query, Path file) {
            throw new IllegalStateException("no audit trail at this station");
        }
    };
}
