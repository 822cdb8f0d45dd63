package org.vigil.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The shared admin PIN of an older configuration ({@code station.admin_pin}): compared in constant
 * time and never printed ({@link #toString()} masks it). User accounts replaced it: at the first
 * start with accounts it becomes the first admin's quick PIN (hashed), and the station asks to
 * remove it from the file.
 */
public final class AdminPin {

    /** The shortest PIN accepted. */
    public static final int MIN_LENGTH = 4;

    private final byte[] pin;

    private AdminPin(String pin) {
        this.pin = pin.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A PIN of at least {@value #MIN_LENGTH} characters without spaces.
     *
     * @throws IllegalArgumentException with the reason otherwise
     */
    public static AdminPin of(String pin) {
        Objects.requireNonNull(pin, "pin");
        if (pin.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the admin PIN needs at least " + MIN_LENGTH + " characters");
        }
        if (pin.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the admin PIN must not contain spaces");
        }
        return new AdminPin(pin);
    }

    /** The PIN itself, only to hash it into the first admin's account (never logged or shown). */
    public String secretForMigration() {
        return new String(pin, StandardCharsets.UTF_8);
    }

    /** True when {@code attempt} is this PIN. */
    public boolean matches(String attempt) {
        if (attempt == null) {
            return false;
        }
        return MessageDigest.isEqual(pin, attempt.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdminPin p && MessageDigest.isEqual(pin, p.pin);
    }

    @Override
    public int hashCode() {
        return pin.length;
    }

    @Override
    public String toString() {
        return "AdminPin[****]";
    }
}
