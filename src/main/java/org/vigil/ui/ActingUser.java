package org.vigil.ui;

import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.vigil.domain.Actor;

/**
 * Who is acting at this station: the one place every screen asks for the {@link Actor} sent with a
 * command. It is the user logged in (password, quick PIN or emergency access); while the screen is
 * locked it is {@link Actor#atLockScreen} — anyone at the bedside, who may acknowledge and pause
 * audio and nothing else (the chair refuses the rest).
 */
public final class ActingUser implements Supplier<Actor> {

    private final InstantSource clock;
    /** The user logged in; null while the screen is locked. */
    private final ObjectProperty<Actor> actor = new SimpleObjectProperty<>();

    public ActingUser(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Who acts now: the user logged in, or someone at the lock screen. */
    @Override
    public Actor get() {
        Actor a = actor.get();
        return a != null ? a : Actor.atLockScreen(clock.instant());
    }

    /** The user logged in, null while locked (bound by the navigation bar and the lock screen). */
    ObjectProperty<Actor> actorProperty() {
        return actor;
    }

    boolean loggedIn() {
        return actor.get() != null;
    }
}
