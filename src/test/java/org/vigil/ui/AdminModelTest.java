package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.chair.StationAdmin;

class AdminModelTest {

    private Instant now = Instant.parse("2026-01-05T09:00:00Z");
    private final InstantSource clock = () -> now;
    private final AdminModel admin = new AdminModel(new FakeStationAdmin(), clock);

    private void advance(Duration d) {
        now = now.plus(d);
        admin.tick();
    }

    @Test
    void theRightPinEntersAdminModeWithTheAdminsName() {
        assertEquals(Optional.empty(), admin.logIn(" Carol ", FakeStationAdmin.PIN));
        assertTrue(admin.active());
        assertEquals("Carol (admin)", admin.user());
        assertEquals("Admin 05:00", admin.statusProperty().get());
    }

    @Test
    void withoutANameAdminActionsAreRecordedAsAdmin() {
        admin.logIn("", FakeStationAdmin.PIN);
        assertEquals(AdminModel.ADMIN_USER, admin.user());
    }

    @Test
    void aWrongPinIsRefused() {
        assertEquals(Optional.of(AdminModel.WRONG_PIN), admin.logIn("Carol", "1234"));
        assertEquals(Optional.of(AdminModel.WRONG_PIN), admin.logIn("Carol", null));
        assertFalse(admin.active());
    }

    @Test
    void adminModeEndsAfterFiveMinutesWithoutUse() {
        admin.logIn("Carol", FakeStationAdmin.PIN);
        advance(Duration.ofMinutes(4).plusSeconds(59));
        assertTrue(admin.active());
        assertEquals("Admin 00:01", admin.statusProperty().get());
        advance(Duration.ofSeconds(1));
        assertFalse(admin.active());
        assertEquals(AdminModel.ADMIN_USER, admin.user(), "the next login starts clean");
    }

    @Test
    void useRestartsTheAutomaticLogoff() {
        admin.logIn("Carol", FakeStationAdmin.PIN);
        advance(Duration.ofMinutes(4));
        admin.touch();
        advance(Duration.ofMinutes(4));
        assertTrue(admin.active());
        advance(Duration.ofMinutes(1));
        assertFalse(admin.active());
    }

    @Test
    void switchingOffEndsAdminModeAtOnce() {
        admin.logIn("Carol", FakeStationAdmin.PIN);
        admin.logOff();
        assertFalse(admin.active());
        admin.touch();
        assertFalse(admin.active(), "use does not switch it back on");
    }

    @Test
    void fiveWrongPinsLockPinEntryForAMinute() {
        for (int i = 0; i < AdminModel.MAX_FAILURES - 1; i++) {
            assertEquals(Optional.of(AdminModel.WRONG_PIN), admin.logIn("x", "0000"));
        }
        assertTrue(admin.logIn("x", "0000").orElseThrow().contains("locked for 01:00"));
        assertTrue(admin.logIn("x", FakeStationAdmin.PIN).orElseThrow().startsWith("Too many wrong PINs"),
                "even the right PIN waits");
        now = now.plus(AdminModel.LOCKOUT);
        assertEquals(Optional.empty(), admin.logIn("x", FakeStationAdmin.PIN));
    }

    @Test
    void withoutAConfiguredPinAdminModeSaysHowToEnableIt() {
        AdminModel off = new AdminModel(StationAdmin.DISABLED, clock);
        assertFalse(off.configured());
        assertEquals(Optional.of(AdminModel.NOT_CONFIGURED), off.logIn("Carol", "4321"));
        assertTrue(AdminModel.NOT_CONFIGURED.contains("station.admin_pin"));
        assertFalse(off.active());
    }
}
