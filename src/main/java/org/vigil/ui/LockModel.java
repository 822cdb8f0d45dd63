package org.vigil.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vigil.domain.Actor;
import org.vigil.security.AccountResult;
import org.vigil.security.LoginResult;
import org.vigil.security.SignIn;

/**
 * The station window's lock: locked at start, unlocked by a login (password or quick PIN) or
 * emergency access, locked again by the Lock button or after {@code idle} without a click or a key
 * (automatic logoff; default {@link #DEFAULT_IDLE}). While locked the chairs' numerics, trends and
 * alarms stay on screen and audible, patient names and MRNs are not shown, and Acknowledge and Pause
 * audio still work (sent as {@link Actor#atLockScreen}); everything else needs a login. On a new
 * station (no account yet) it asks for the first admin. Logins run on {@code background} (the hash
 * takes 0.1-0.8 s); their results come back on {@code fx}. No scene-graph types.
 */
final class LockModel {

    static final Duration DEFAULT_IDLE = Duration.ofMinutes(5);

    private final ActingUser user;
    private final Supplier<SignIn> signIn;
    private final InstantSource clock;
    private final Duration idle;
    private final Executor background;
    private final Executor fx;
    private final BooleanProperty locked = new SimpleBooleanProperty(true);
    private final BooleanProperty firstRun = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty who = new SimpleStringProperty("");
    private Instant lastUse;
    /** When the accounts were last asked whether this is a new station (the database may open late). */
    private Instant firstRunAsked;
    private boolean asking;
    static final Duration FIRST_RUN_RECHECK = Duration.ofSeconds(5);

    LockModel(ActingUser user, Supplier<SignIn> signIn, InstantSource clock, Duration idle, Executor background, Executor fx) {
        this.user = Objects.requireNonNull(user, "user");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idle = idle == null || idle.isZero() || idle.isNegative() ? DEFAULT_IDLE : idle;
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** Asks the accounts whether this is a new station (no account yet); off the FX thread. */
    CompletableFuture<Boolean> refreshFirstRun() {
        firstRunAsked = clock.instant();
        asking = true;
        return CompletableFuture.supplyAsync(() -> signIn.get().firstRun(), background)
                .exceptionally(e -> false)
                .thenApplyAsync(f -> {
                    asking = false;
                    firstRun.set(f);
                    if (f) {
                        message.set("New station: create the first admin account.");
                    }
                    return f;
                }, fx);
    }

    /** A click or a key: the automatic lock starts again from now. */
    void touch() {
        if (!locked.get()) {
            lastUse = clock.instant();
        }
    }

    /**
     * Locks after {@code idle} without use; while locked, asks again every {@link #FIRST_RUN_RECHECK}
     * whether this is a new station (the database may open after the window). Call every frame.
     */
    void tick() {
        if (locked.get() && !firstRun.get() && !asking
                && (firstRunAsked == null || !clock.instant().isBefore(firstRunAsked.plus(FIRST_RUN_RECHECK)))) {
            refreshFirstRun();
        }
        if (!locked.get() && lastUse != null && !clock.instant().isBefore(lastUse.plus(idle))) {
            lock("auto-lock");
        }
    }

    /** Locks now; {@code why} is recorded ("lock", "auto-lock"). */
    void lock(String why) {
        Actor was = user.actorProperty().get();
        user.actorProperty().set(null);
        locked.set(true);
        who.set("");
        message.set(why.equals("auto-lock") ? "Locked after " + idle.toMinutes() + " min without use" : "");
        if (was != null) {
            background.execute(() -> signIn.get().loggedOut(was, why));
        }
    }

    CompletableFuture<Boolean> logIn(String login, String secret) {
        return attempt(() -> signIn.get().logIn(login, secret));
    }

    /** Emergency access with the user's name and a reason; loudly recorded. */
    CompletableFuture<Boolean> breakGlass(String name, String reason) {
        return attempt(() -> signIn.get().breakGlass(name, reason));
    }

    /** Creates the first admin of a new station, then logs them in. */
    CompletableFuture<Boolean> createFirstAdmin(String login, String name, String password, String pin) {
        busy.set(true);
        return CompletableFuture.supplyAsync(() -> {
            AccountResult r = signIn.get().createFirstAdmin(login, name, password, pin);
            return r.done() ? signIn.get().logIn(login, password != null ? password : pin)
                    : new LoginResult(null, r.message(), null);
        }, background).exceptionally(e -> new LoginResult(null, String.valueOf(e.getMessage()), null))
                .thenApplyAsync(r -> {
                    busy.set(false);
                    if (r.ok()) {
                        firstRun.set(false);
                    }
                    return apply(r);
                }, fx);
    }

    private CompletableFuture<Boolean> attempt(Supplier<LoginResult> how) {
        busy.set(true);
        return CompletableFuture.supplyAsync(how, background)
                .exceptionally(e -> new LoginResult(null, String.valueOf(e.getMessage()), null))
                .thenApplyAsync(r -> {
                    busy.set(false);
                    return apply(r);
                }, fx);
    }

    private boolean apply(LoginResult r) {
        if (!r.ok()) {
            message.set(r.refusal());
            return false;
        }
        Actor a = r.actor();
        user.actorProperty().set(a);
        lastUse = clock.instant();
        locked.set(false);
        who.set(a.name() + " (" + ("break-glass".equals(a.how()) ? "EMERGENCY ACCESS" : a.role().label()) + ")");
        message.set("");
        return true;
    }

    BooleanProperty lockedProperty() {
        return locked;
    }

    boolean locked() {
        return locked.get();
    }

    BooleanProperty firstRunProperty() {
        return firstRun;
    }

    BooleanProperty busyProperty() {
        return busy;
    }

    StringProperty messageProperty() {
        return message;
    }

    /** "Name (role)" of the user logged in; empty while locked. */
    StringProperty whoProperty() {
        return who;
    }

    Duration idle() {
        return idle;
    }
}
