package org.vigil.ui.review;

import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditSink;
import org.vigil.review.SessionArchive;

/**
 * What the review screens need: the archive of past sessions (empty while the session database
 * cannot be read), where opening one is recorded, who is looking, the clock, the thread that
 * runs the queries (never the FX thread) and the time zone of the clock times shown.
 */
public record ReviewContext(Supplier<Optional<SessionArchive>> archive, AuditSink audit, Supplier<Actor> actor,
        InstantSource clock, Executor background, ZoneId zone) {

    public ReviewContext {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(zone, "zone");
    }

    private static final ReviewContext NONE = new ReviewContext(Optional::empty, AuditSink.NONE, () -> Actor.SYSTEM,
            InstantSource.system(), Runnable::run, ZoneId.systemDefault());

    /** No session database: the Review button is disabled. */
    public static ReviewContext none() {
        return NONE;
    }

    /** The same context with {@code who} as the acting user. */
    public ReviewContext withActor(Supplier<Actor> who) {
        return this == NONE ? NONE : new ReviewContext(archive, audit, who, clock, background, zone);
    }

    /** False for {@link #none()}. */
    public boolean enabled() {
        return this != NONE;
    }

    /** {@code archive} with its queries on one daemon thread ({@code vigil-review}). */
    public static ReviewContext of(Supplier<Optional<SessionArchive>> archive, AuditSink audit, Supplier<Actor> actor,
            InstantSource clock, ZoneId zone) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigil-review");
            t.setDaemon(true);
            return t;
        });
        return new ReviewContext(archive, audit, actor, clock, one, zone);
    }

    /**
     * An actor for a name typed at the station (until accounts come, the name is all the station
     * knows): a nurse, identified by that name, "typed" as how.
     */
    public static Actor typedName(String name, java.time.Instant at) {
        String n = name == null || name.isBlank() ? "nurse" : name.trim();
        return new Actor("name:" + n, n, org.vigil.domain.Role.NURSE, at, "typed-name");
    }
}
