package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.Priority;
import org.vigil.chair.ClinicDefaultsResult;
import org.vigil.chair.StationAdmin;

class LimitsViewModelTest {

    private final FakeChairFeed feed = new FakeChairFeed();
    private final FakeStationAdmin station = new FakeStationAdmin();
    private Instant now = Instant.parse("2026-01-05T09:00:00Z");
    private final AdminModel admin = new AdminModel(station, new FakeSignIn(), () -> now);
    private final LimitsViewModel vm = new LimitsViewModel(feed, admin, () -> org.vigil.testsupport.TestActors.nurse("alice"));

    private LimitRowModel row(String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void listsEveryRuleWithItsConditionBoundsDelayAndLatching() {
        vm.refresh();
        assertEquals(feed.config.rules().size(), vm.rows().size());
        LimitRowModel desat = row("spo2.desat");
        assertEquals("SpO2", desat.description().parameter());
        assertEquals("%", desat.description().unit());
        assertEquals("<", desat.description().condition());
        assertEquals(Priority.HIGH, desat.description().priority());
        assertEquals("80\u201395", desat.allowedText());
        assertEquals("0 s", desat.description().delay());
        assertTrue(desat.description().latching());
        assertEquals("85", desat.editedProperty().get());
        assertEquals("\u2265", row("hr.very_high").description().condition());
        assertEquals("rise \u2265", row("nibp_sys.rise").description().condition());
        assertEquals("per cuff", row("nibp_sys.high").description().delay());
        assertEquals("fixed", row("hr.high").allowedText(), "no range: not changeable here");
        assertFalse(row("rr.low").description().measured(), "no device of the chair measures RR");
    }

    @Test
    void anAcceptedChangeGoesToTheFeedAsTheCurrentUser() {
        vm.refresh();
        LimitRowModel r = row("spo2.low");
        r.editedProperty().set("92");
        assertTrue(r.dirtyBinding().get());

        assertTrue(vm.apply(r));

        assertEquals(List.of("spo2.low=92 by alice"), feed.limitChanges);
        assertEquals(92, r.thresholdProperty().get());
        assertFalse(r.dirtyBinding().get());
        assertFalse(r.errorProperty().get());
        assertEquals("Changed 90 \u2192 92 by alice", r.messageProperty().get());
    }

    @Test
    void aRefusedChangeShowsTheReasonOnItsRowAndKeepsTheTypedValue() {
        vm.refresh();
        feed.refusals.put("spo2.low", "97 is outside the clinic bounds 80..95");
        LimitRowModel r = row("spo2.low");
        r.editedProperty().set("97");

        assertFalse(vm.apply(r));

        assertEquals("Not changed: 97 is outside the clinic bounds 80..95", r.messageProperty().get());
        assertTrue(r.errorProperty().get());
        assertEquals("97", r.editedProperty().get());
        assertEquals(90, r.thresholdProperty().get());
    }

    @Test
    void textThatIsNotANumberIsRefusedWithoutAskingTheChair() {
        vm.refresh();
        LimitRowModel r = row("spo2.low");
        r.editedProperty().set("9o");
        assertFalse(vm.apply(r));
        assertEquals("Not a number: '9o'", r.messageProperty().get());
        assertTrue(feed.limitChanges.isEmpty());
        r.editedProperty().set("92,5");
        assertTrue(vm.apply(r), "a decimal comma is a number");
        assertEquals(List.of("spo2.low=92.5 by alice"), feed.limitChanges);
    }

    @Test
    void stepsStayInsideTheClinicBounds() {
        vm.refresh();
        LimitRowModel r = row("spo2.low");
        vm.step(r, +1);
        assertEquals("91", r.editedProperty().get());
        r.editedProperty().set("95");
        vm.step(r, +1);
        assertEquals("95", r.editedProperty().get());
        assertTrue(feed.limitChanges.isEmpty(), "steps only edit; Set sends");
    }

    @Test
    void switchingAnAlarmOffNeedsAdminMode() {
        vm.refresh();
        LimitRowModel r = row("spo2.low");

        assertFalse(vm.setEnabled(r, false));

        assertEquals(AdminModel.ADMIN_ONLY, r.messageProperty().get());
        assertTrue(feed.enabledChanges.isEmpty());
        assertTrue(r.enabledProperty().get());
    }

    @Test
    void inAdminModeAlarmsSwitchOffAndOnAsTheAdmin() {
        vm.refresh();
        admin.logIn("carol", FakeStationAdmin.PIN);
        LimitRowModel r = row("spo2.low");

        assertTrue(vm.setEnabled(r, false));
        assertFalse(r.enabledProperty().get());
        assertTrue(r.errorProperty().get(), "an alarm off is shown as a warning");
        assertTrue(vm.setEnabled(r, true));

        assertEquals(List.of("spo2.low off by carol", "spo2.low on by carol"), feed.enabledChanges);
    }

    @Test
    void limitChangesInAdminModeAreRecordedAsTheAdmin() {
        vm.refresh();
        admin.logIn("carol", FakeStationAdmin.PIN);
        LimitRowModel r = row("spo2.low");
        r.editedProperty().set("93");
        vm.apply(r);
        assertEquals(List.of("spo2.low=93 by carol"), feed.limitChanges);
    }

    @Test
    void saveAsClinicDefaultsNeedsAdminModeAndShowsTheResult() {
        vm.refresh();
        assertFalse(vm.saveClinicDefaults());
        assertEquals(AdminModel.ADMIN_ONLY, vm.messageProperty().get());
        assertTrue(station.saves.isEmpty());

        admin.logIn("carol", FakeStationAdmin.PIN);
        assertTrue(vm.saveClinicDefaults());
        assertEquals(List.of("chair1 by carol"), station.saves);
        assertEquals("Saved as clinic defaults", vm.messageProperty().get());
        assertFalse(vm.messageErrorProperty().get());

        station.answer = new ClinicDefaultsResult(false, "could not write /x");
        assertFalse(vm.saveClinicDefaults());
        assertTrue(vm.messageErrorProperty().get());
    }

    @Test
    void adminActionsAreRefusedAgainAfterTheAutomaticLogoff() {
        vm.refresh();
        admin.logIn("carol", FakeStationAdmin.PIN);
        now = now.plus(Duration.ofMinutes(5));
        admin.tick();
        assertFalse(vm.setEnabled(row("spo2.low"), false));
        assertTrue(feed.enabledChanges.isEmpty());
    }

    @Test
    void withoutAnAdminLoggedInTheRefusalSaysHowToEnterAdminMode() {
        LimitsViewModel noPin = new LimitsViewModel(feed, new AdminModel(StationAdmin.DISABLED, InstantSource.system()),
                () -> org.vigil.testsupport.TestActors.nurse("alice"));
        noPin.refresh();
        assertFalse(noPin.saveClinicDefaults());
        assertEquals(AdminModel.ADMIN_ONLY, noPin.messageProperty().get());
    }

    @Test
    void refreshFollowsChangesMadeElsewhereButKeepsWhatIsBeingTyped() {
        vm.refresh();
        LimitRowModel low = row("spo2.low");
        LimitRowModel desat = row("spo2.desat");
        desat.editedProperty().set("83");
        feed.config = feed.config.withRule(feed.config.rule("spo2.low").orElseThrow().withThreshold(93))
                .withRule(feed.config.rule("spo2.desat").orElseThrow().withThreshold(84));
        feed.alarms = new AlarmSnapshot(feed.now, List.of(), null, Set.of("spo2.low"));

        vm.refresh();

        assertEquals("93", low.editedProperty().get());
        assertFalse(low.enabledProperty().get(), "off in the alarm picture");
        assertEquals(84, desat.thresholdProperty().get());
        assertEquals("83", desat.editedProperty().get());
    }
}
