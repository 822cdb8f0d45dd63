package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Role;

/** The lock without a window: login, automatic lock on the injected clock, emergency access, first run. */
class LockModelTest {

    private Instant now = Instant.parse("2026-03-02T08:00:00Z");
    private final FakeSignIn accounts = new FakeSignIn();
    private final ActingUser user = new ActingUser(() -> now);
    private final LockModel lock = new LockModel(user, () -> accounts, () -> now, Duration.ofMinutes(5), Runnable::run,
            Runnable::run);

    @Test
    void theStationStartsLockedAndActsAsSomeoneAtTheLockScreen() {
        assertTrue(lock.locked());
        assertEquals("lock-screen", user.get().how());
        assertEquals("at the lock screen", user.get().name());
        assertEquals(now, user.get().authenticatedAt());
    }

    @Test
    void aLoginUnlocksAndCommandsAreSentAsThatUser() {
        assertFalse(lock.logIn("ana", "wrong").join());
        assertTrue(lock.locked());
        assertEquals("wrong user name, password or PIN", lock.messageProperty().get());
        assertTrue(lock.logIn("ana", FakeSignIn.NURSE_PASSWORD).join());
        assertFalse(lock.locked());
        assertEquals("Ana", user.get().name());
        assertEquals(Role.NURSE, user.get().role());
        assertEquals("Ana (nurse)", lock.whoProperty().get());
        assertEquals("", lock.messageProperty().get());
    }

    @Test
    void theStationLocksItselfAfterTheIdleTimeAndUseRestartsIt() {
        lock.logIn("ana", FakeSignIn.NURSE_PASSWORD).join();
        now = now.plus(Duration.ofMinutes(4));
        lock.touch();
        now = now.plus(Duration.ofMinutes(4).plusSeconds(59));
        lock.tick();
        assertFalse(lock.locked(), "4:59 after the last click");
        now = now.plusSeconds(1);
        lock.tick();
        assertTrue(lock.locked());
        assertEquals("lock-screen", user.get().how());
        assertEquals("Locked after 5 min without use", lock.messageProperty().get());
        assertEquals(List.of("Ana auto-lock"), accounts.loggedOut);
    }

    @Test
    void theLockButtonLocksAtOnce() {
        lock.logIn("carol", FakeSignIn.ADMIN_PIN).join();
        lock.lock("lock");
        assertTrue(lock.locked());
        assertEquals("", lock.whoProperty().get());
        assertEquals(List.of("carol lock"), accounts.loggedOut);
    }

    @Test
    void emergencyAccessUnlocksAsANurseAndSaysSoOnScreen() {
        assertFalse(lock.breakGlass("Jo", "now").join());
        assertTrue(lock.breakGlass("Jo", "patient apnoeic, no login").join());
        assertEquals("break-glass", user.get().how());
        assertEquals("Jo (emergency access) (EMERGENCY ACCESS)", lock.whoProperty().get());
    }

    @Test
    void aNewStationAsksForTheFirstAdmin() {
        accounts.firstRun = true;
        assertTrue(lock.refreshFirstRun().join());
        assertTrue(lock.firstRunProperty().get());
        assertEquals("New station: create the first admin account.", lock.messageProperty().get());
    }
}
