package org.vigil.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.vigil.chair.StationAdmin;
import org.vigil.domain.Actor;
import org.vigil.domain.Role;
import org.vigil.security.LoginResult;
import org.vigil.security.SignIn;

/**
 * The admin role of one station window: entered by an admin account (user name with password or
 * quick PIN; the accounts count failures and lock out with backoff), left when switched off, when
 * the screen locks, or after {@link #IDLE_LOGOFF} without use (automatic logoff). Admin actions
 * are sent as that admin; the chair and the station refuse them for anyone else, so this model
 * only decides what the screen offers. Call {@link #tick()} often (every frame).
 */
final class AdminModel {

    static final Duration IDLE_LOGOFF = Duration.ofMinutes(5);
    static final String NOT_CONFIGURED = "Admin actions are unavailable: the user accounts cannot be used now"
            + " (the session database is not open).";
    static final String ADMIN_ONLY = "Admin only: press Admin and log in with an admin account";

    private final StationAdmin station;
    private final SignIn signIn;
    private final InstantSource clock;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private Actor user;
    private Instant lastUse;
    /** The users panel of admin mode, or null when this window has none. */
    private final org.vigil.security.UserAdmin users;

    AdminModel(StationAdmin station, SignIn signIn, InstantSource clock) {
        this(station, signIn, null, clock);
    }

    AdminModel(StationAdmin station, SignIn signIn, org.vigil.security.UserAdmin users, InstantSource clock) {
        this.users = users;
        this.station = Objects.requireNonNull(station, "station");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A window without accounts (tests, tools): admin mode cannot be entered. */
    AdminModel(StationAdmin station, InstantSource clock) {
        this(station, SignIn.unavailable(NOT_CONFIGURED), clock);
    }

    /** True when admin mode can be entered at all (accounts are available). */
    boolean configured() {
        return true;
    }

    /**
     * Enters admin mode when {@code login} is an admin account and {@code secret} its password or
     * quick PIN. Returns why not, or empty when admin mode is on.
     */
    Optional<String> logIn(String login, String secret) {
        return accept(signIn.logIn(login, secret));
    }

    /**
     * As {@link #logIn}, checking the secret on {@code background} (an Argon2id hash takes a good
     * fraction of a second on a busy machine) and entering admin mode on {@code fx}.
     */
    java.util.concurrent.CompletableFuture<Optional<String>> logIn(String login, String secret,
            java.util.concurrent.Executor background, java.util.concurrent.Executor fx) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> signIn.logIn(login, secret), background)
                .exceptionally(e -> new LoginResult(null, String.valueOf(e.getMessage()), null))
                .thenApplyAsync(this::accept, fx);
    }

    private Optional<String> accept(LoginResult r) {
        if (!r.ok()) {
            return Optional.of(r.refusal());
        }
        if (r.actor().role() != Role.ADMIN) {
            signIn.loggedOut(r.actor(), "not an admin");
            return Optional.of(r.actor().name() + " is a " + r.actor().role().label()
                    + ": admin functions need an admin account");
        }
        user = r.actor();
        lastUse = clock.instant();
        active.set(true);
        updateStatus(lastUse);
        return Optional.empty();
    }

    /** Leaves admin mode. */
    void logOff() {
        if (active.get() && user != null) {
            signIn.loggedOut(user, "admin mode left");
        }
        active.set(false);
        lastUse = null;
        user = null;
        status.set("");
    }

    /** Counts as use: the automatic logoff starts again from now. */
    void touch() {
        if (active.get()) {
            lastUse = clock.instant();
            updateStatus(lastUse);
        }
    }

    /** Logs off after {@link #IDLE_LOGOFF} without use; refreshes the countdown. */
    void tick() {
        if (!active.get()) {
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(lastUse.plus(IDLE_LOGOFF))) {
            logOff();
        } else {
            updateStatus(now);
        }
    }

    private void updateStatus(Instant now) {
        String left = Formats.countdown(Duration.between(now, lastUse.plus(IDLE_LOGOFF)));
        String text = "Admin " + left;
        if (!text.equals(status.get())) {
            status.set(text);
        }
    }

    /** The admin logged in to admin mode; null when not active. */
    Actor user() {
        return user;
    }

    /** The accounts for the users panel, if this window has one. */
    Optional<org.vigil.security.UserAdmin> users() {
        return Optional.ofNullable(users);
    }

    StationAdmin station() {
        return station;
    }

    /**
     * Who acts on admin screens: the admin logged in to admin mode, otherwise nobody with admin
     * rights (a nurse; the core refuses admin-only actions from anyone else).
     */
    Actor actor() {
        Actor u = user;
        return active() && u != null ? u
                : new Actor("nurse", "nurse", org.vigil.domain.Role.NURSE, clock.instant(), "screen");
    }

    ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    boolean active() {
        return active.get();
    }

    /** {@code Admin 04:59} while in admin mode (time to automatic logoff), else empty. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
