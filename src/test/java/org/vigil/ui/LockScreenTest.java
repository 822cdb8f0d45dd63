package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.alarm.Priority;
import org.vigil.chair.StationFeed;
import org.vigil.domain.Vital;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.testsupport.TestActors;

/**
 * The lock screen of a chair with a patient in it and a high-priority alarm: the alarm and the live
 * numbers stay on screen and can be acknowledged without a login (recorded as "at the lock screen"),
 * while the patient's name and MRN are nowhere in the scene graph; a login shows them, the Lock
 * button hides them again.
 */
@ExtendWith(ApplicationExtension.class)
class LockScreenTest {

    private final FakeChairFeed feed = new FakeChairFeed();
    private final FakeSignIn accounts = new FakeSignIn();
    private Instant now = FakeChairFeed.START.plusSeconds(60);
    private LockModel lock;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FakeClinic clinic = new FakeClinic(feed);
        clinic.checkIn(new Patient(3, "100234", "Doe, Jane", LocalDate.of(1980, 5, 2), 82.0, "penicillin"),
                new InfusionOrder(82, 0.5, 10, 40, "Dr Grey"), false, TestActors.nurse("Ana"));
        feed.push(1, Vital.SPO2, 82).push(1, Vital.HR, 104);
        feed.alarms(FakeChairFeed.alarm("spo2.desat", Priority.HIGH, "spo2", 82.0, 85.0, "SpO2 82 < 85",
                FakeChairFeed.START));
        ActingUser user = new ActingUser(() -> now);
        lock = new LockModel(user, () -> accounts, () -> now, Duration.ofMinutes(5), Runnable::run, Runnable::run);
        stage.setScene(StationWindow.createScene(List.of(feed), StationFeed.NONE, user,
                new AdminModel(new FakeStationAdmin(), accounts, () -> now), SessionContext.none(), lock));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }

    /** Every text shown anywhere in the scene graph. */
    private List<String> texts() throws Exception {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            collect(stage.getScene().getRoot(), out);
            return out;
        });
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof TextInputControl t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    private boolean showsPatient() throws Exception {
        return texts().stream().anyMatch(t -> t.contains("Doe") || t.contains("100234") || t.contains("penicillin"));
    }

    @Test
    void atTheLockScreenTheAlarmIsShownAndAcknowledgedButThePatientIsNotInTheSceneGraph(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> texts().stream().anyMatch(t -> t.contains("SpO2 82 < 85")));
        assertTrue(fx(() -> lock.locked()));
        assertTrue(texts().contains("82"), "live SpO2 stays on screen");
        List<String> shown = texts();
        assertFalse(showsPatient(), () -> "patient data on the lock screen: " + shown);
        assertTrue(fx(() -> robot.lookup("#lockPane").query().isVisible()));
        assertEquals("", fx(() -> StationWindow.shell(stage.getScene()).summaries().get(0).initialsProperty().get()),
                "no initials on the overview's card either");
        assertTrue(fx(() -> robot.lookup("#limitsButton").query().isDisabled()), "only alarm handling works");
        assertTrue(fx(() -> robot.lookup("#setBaselineButton").query().isDisabled()));

        robot.clickOn("#acknowledgeButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> !feed.acknowledgedBy.isEmpty());
        assertEquals(List.of("at the lock screen"), feed.acknowledgedBy);
        robot.clickOn("#pauseAudioButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> !feed.pausedBy.isEmpty());
        assertEquals(List.of("at the lock screen"), feed.pausedBy);

        // a login shows the patient; the Lock button hides it again
        robot.clickOn("#loginUser").write("ana");
        robot.clickOn("#loginSecret").write(FakeSignIn.NURSE_PASSWORD);
        robot.clickOn("#loginButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> showsPatient());
        assertFalse(fx(() -> robot.lookup("#limitsButton").query().isDisabled()));
        assertEquals("Ana (nurse)", fx(() -> ((Labeled) robot.lookup("#actingUser").query()).getText()));
        robot.clickOn("#lockButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> lock.locked()));
        assertFalse(showsPatient());
    }

    @Test
    void theStationLocksItselfAfterFiveMinutesWithoutUse(FxRobot robot) throws Exception {
        assertTrue(fx(() -> lock.logIn("ana", FakeSignIn.NURSE_PASSWORD).join()));
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> showsPatient());
        now = now.plus(Duration.ofMinutes(5));
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> lock.locked()));
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> !showsPatient());
        assertEquals(List.of("Ana auto-lock"), accounts.loggedOut);
    }
}
