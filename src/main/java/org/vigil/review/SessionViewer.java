package org.vigil.review;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.AuditSink;

/**
 * Opens past sessions for someone to read, and records that they did: every open is an
 * {@code session.viewed} audit entry (who, when, which session) written before the data is read,
 * so a look that fails half-way is still on the trail. Reads only; blocks on the disk.
 */
public final class SessionViewer {

    /** The audit action of opening a past session. */
    public static final String VIEWED = "session.viewed";

    private final SessionArchive archive;
    private final AuditSink audit;
    private final InstantSource clock;

    public SessionViewer(SessionArchive archive, AuditSink audit, InstantSource clock) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SessionArchive archive() {
        return archive;
    }

    /**
     * Records that {@code actor} opened session {@code sessionId} from {@code where} (e.g.
     * {@code review}, {@code compare}) and loads it in {@code columns} columns; empty when there is
     * no such session (the attempt is recorded too).
     */
    public Optional<ReviewedSession> open(long sessionId, Actor actor, String where, int columns) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("view", where);
        audit.record(new AuditEntry(clock.instant(), actor, VIEWED, "session:" + sessionId, detail));
        return ReviewedSession.load(archive, sessionId, columns, clock.instant());
    }
}
