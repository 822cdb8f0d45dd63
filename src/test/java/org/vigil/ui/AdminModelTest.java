package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.chair.StationAdmin;
import org.vigil.domain.Role;

class AdminModelTest {

    private Instant now = Instant.parse("2026-01-05T09:00:00Z");
    private final InstantSource clock = () -> now;
    private final FakeSignIn accounts = new FakeSignIn();
    private final AdminModel admin = new AdminModel(new FakeStationAdmin(), accounts, clock);

    private void advance(Duration d) {
        now = now.plus(d);
        admin.tick();
    }

    @Test
    void anAdminAccountEntersAdminModeAndAdminActionsAreSentAsThatAdmin() {
        assertEquals(Optional.empty(), admin.logIn("carol", FakeStationAdmin.PIN));
        assertTrue(admin.active());
        assertEquals("carol", admin.user().name());
        assertEquals(Role.ADMIN, admin.user().role());
        assertEquals("Admin 05:00", admin.statusProperty().get());
    }

    @Test
    void aWrongSecretIsRefusedWithTheAccountsWords() {
        assertEquals(Optional.of("wrong user name, password or PIN"), admin.logIn("carol", "1234"));
        assertEquals(Optional.of("wrong user name, password or PIN"), admin.logIn("carol", null));
        assertFalse(admin.active());
        assertNull(admin.user());
    }

    @Test
    void aNurseAccountDoesNotEnterAdminMode() {
        Optional<String> why = admin.logIn("ana", FakeSignIn.NURSE_PASSWORD);
        assertEquals(Optional.of("Ana is a nurse: admin functions need an admin account"), why);
        assertFalse(admin.active());
        assertEquals(List.of("Ana not an admin"), accounts.loggedOut);
    }

    @Test
    void adminModeEndsAfterFiveMinutesWithoutUse() {
        admin.logIn("carol", FakeStationAdmin.PIN);
        advance(Duration.ofMinutes(4).plusSeconds(59));
        assertTrue(admin.active());
        assertEquals("Admin 00:01", admin.statusProperty().get());
        advance(Duration.ofSeconds(1));
        assertFalse(admin.active());
        assertNull(admin.user(), "the next login starts clean");
        assertEquals(List.of("carol admin mode left"), accounts.loggedOut);
    }

    @Test
    void useRestartsTheAutomaticLogoff() {
        admin.logIn("carol", FakeStationAdmin.PIN);
        advance(Duration.ofMinutes(4));
        admin.touch();
        advance(Duration.ofMinutes(4));
        assertTrue(admin.active());
        advance(Duration.ofMinutes(1));
        assertFalse(admin.active());
    }

    @Test
    void switchingOffEndsAdminModeAtOnce() {
        admin.logIn("carol", FakeStationAdmin.PIN);
        admin.logOff();
        assertFalse(admin.active());
        admin.touch();
        assertFalse(admin.active(), "use does not switch it back on");
    }

    @Test
    void withoutAccountsAdminModeSaysWhy() {
        AdminModel off = new AdminModel(StationAdmin.DISABLED, clock);
        assertEquals(Optional.of(AdminModel.NOT_CONFIGURED), off.logIn("carol", "4321"));
        assertFalse(off.active());
    }
}
