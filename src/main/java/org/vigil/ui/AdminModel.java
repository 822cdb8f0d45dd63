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

/**
 * The admin role of one station window: entered with the admin PIN, left when switched off or
 * after {@link #IDLE_LOGOFF} without use (automatic logoff). Wrong PINs are counted: after
 * {@link #MAX_FAILURES} in a row, PIN entry is locked for {@link #LOCKOUT}. Shared by the chair
 * screens of a window; call {@link #tick()} often (every frame) so the logoff happens on time.
 */
final class AdminModel {

    static final Duration IDLE_LOGOFF = Duration.ofMinutes(5);
    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(1);
    static final String NOT_CONFIGURED = "Admin actions are disabled: no admin PIN is configured. To enable them, set"
            + " station.admin_pin in the station configuration (see config/README.md) and restart the station.";
    static final String WRONG_PIN = "Wrong PIN";
    static final String ADMIN_ONLY = "Admin only: press Admin and enter the PIN";
    /** The user recorded for admin actions when no name was given. */
    static final String ADMIN_USER = "admin";

    private final StationAdmin station;
    private final InstantSource clock;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private String user = ADMIN_USER;
    private Instant lastUse;
    private int failures;
    private Instant lockedUntil;

    AdminModel(StationAdmin station, InstantSource clock) {
        this.station = Objects.requireNonNull(station, "station");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True when a PIN is configured, so admin mode can be entered at all. */
    boolean configured() {
        return station.pinConfigured();
    }

    /**
     * Enters admin mode when {@code pin} is right. {@code name} is recorded with every admin action
     * (blank: {@value #ADMIN_USER}). Returns why not, or empty when admin mode is on.
     */
    Optional<String> logIn(String name, String pin) {
        if (!configured()) {
            return Optional.of(NOT_CONFIGURED);
        }
        Instant now = clock.instant();
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return Optional.of("Too many wrong PINs: try again in "
                    + Formats.countdown(Duration.between(now, lockedUntil)));
        }
        if (pin == null || !station.pinMatches(pin)) {
            failures++;
            if (failures >= MAX_FAILURES) {
                failures = 0;
                lockedUntil = now.plus(LOCKOUT);
                return Optional.of("Wrong PIN. Too many wrong PINs: PIN entry is locked for "
                        + Formats.countdown(LOCKOUT));
            }
            return Optional.of(WRONG_PIN);
        }
        failures = 0;
        lockedUntil = null;
        String n = name == null ? "" : name.strip();
        user = n.isEmpty() ? ADMIN_USER : n + " (admin)";
        lastUse = now;
        active.set(true);
        updateStatus(now);
        return Optional.empty();
    }

    /** Leaves admin mode. */
    void logOff() {
        active.set(false);
        lastUse = null;
        user = ADMIN_USER;
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

    /** Who admin actions are recorded as. */
    String user() {
        return user;
    }

    StationAdmin station() {
        return station;
    }

    /**
     * Who acts on admin screens: the admin while admin mode is on (role ADMIN), otherwise a nurse
     * (the core refuses admin-only actions from anyone else).
     */
    org.vigil.domain.Actor actor() {
        java.time.Instant now = clock.instant();
        return active()
                ? new org.vigil.domain.Actor("admin", user(), org.vigil.domain.Role.ADMIN, now, "admin-pin")
                : new org.vigil.domain.Actor("nurse", "nurse", org.vigil.domain.Role.NURSE, now, "screen");
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
