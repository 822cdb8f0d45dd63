package org.vigil.security;

import java.time.Instant;
import java.util.Optional;
import org.vigil.domain.Actor;

/**
 * What became of a login: the {@link Actor} who is now logged in, or why not (in words for the
 * screen, the same for an unknown user and a wrong secret) and, when locked out, until when.
 */
public record LoginResult(Actor actor, String refusal, Instant lockedUntil) {

    static LoginResult ok(Actor a) {
        return new LoginResult(a, null, null);
    }

    static LoginResult refused(String why) {
        return new LoginResult(null, why, null);
    }

    static LoginResult locked(String why, Instant until) {
        return new LoginResult(null, why, until);
    }

    public boolean ok() {
        return actor != null;
    }

    public Optional<Actor> user() {
        return Optional.ofNullable(actor);
    }
}
