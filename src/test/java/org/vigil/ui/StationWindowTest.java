package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.alarm.Priority;
import org.vigil.domain.Vital;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;

/**
 * Several chairs: the station opens on the overview; alarms on two chairs show on their cards and
 * navigation buttons in their priority colours; clicking a card opens its chair, whose navigation
 * line names the other chair's alarm; one frame loop keeps every chair current.
 */
@ExtendWith(ApplicationExtension.class)
class StationWindowTest {

    private final FakeChairFeed quiet = new FakeChairFeed();
    private final FakeChairFeed desaturating = new FakeChairFeed();
    private final FakeChairFeed hypertensive = new FakeChairFeed();
    private StationShell shell;

    @Start
    void start(Stage stage) {
        quiet.id = "c1";
        quiet.label = "Chair 1";
        desaturating.id = "c2";
        desaturating.label = "Chair 2";
        hypertensive.id = "c3";
        hypertensive.label = "Chair 3";
        FakeClinic clinic = new FakeClinic(desaturating);
        clinic.checkIn(new Patient(3, "100234", "Doe, Jane", LocalDate.of(1980, 5, 2), 82.0, ""),
                new InfusionOrder(82, 0.5, 10, 40, "Dr Grey"), false, org.vigil.testsupport.TestActors.nurse("Ana"));
        desaturating.push(1, Vital.SPO2, 82).push(1, Vital.HR, 104);
        desaturating.alarms(FakeChairFeed.alarm("spo2.desat", Priority.HIGH, "spo2", 82.0, 85.0, "SpO2 82 < 85",
                FakeChairFeed.START));
        hypertensive.alarms(FakeChairFeed.alarm("nibp_sys.high", Priority.MEDIUM, "nibp_sys", 166.0, 160.0,
                "NIBP sys 166 > 160", FakeChairFeed.START));
        stage.setScene(StationWindow.createScene(List.of(quiet, desaturating, hypertensive)));
        shell = StationWindow.shell(stage.getScene());
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }

    private static boolean has(Node n, javafx.css.PseudoClass p) throws Exception {
        return fx(() -> n.getPseudoClassStates().contains(p));
    }

    @Test
    void theOverviewShowsAlarmsOnTwoChairsInTheirColoursAndAClickOpensTheChair(FxRobot robot) throws Exception {
        assertEquals(StationShell.OVERVIEW, fx(() -> shell.shownProperty().get()), "opens on the overview");
        assertTrue(fx(() -> robot.lookup("#overview").query().isVisible()));
        Node card1 = robot.lookup("#card-c1").query();
        Node card2 = robot.lookup("#card-c2").query();
        Node card3 = robot.lookup("#card-c3").query();
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> has(card2, AlarmStyles.HIGH) && has(card3, AlarmStyles.MEDIUM));
        assertFalse(has(card1, AlarmStyles.HIGH) || has(card1, AlarmStyles.MEDIUM));
        assertTrue(has(robot.lookup("#nav-c2").query(), AlarmStyles.HIGH));
        assertTrue(has(robot.lookup("#nav-c3").query(), AlarmStyles.MEDIUM));
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> "82".equals(fx(() -> ((Labeled) robot.lookup("#card-c2-spo2").query()).getText())));
        assertEquals("104", fx(() -> ((Labeled) robot.lookup("#card-c2-hr").query()).getText()));
        ChairSummaryModel c2 = shell.summaries().get(1);
        assertEquals("JD", fx(() -> c2.initialsProperty().get()));
        assertTrue(fx(() -> c2.phaseProperty().get()).startsWith("Baseline  "));
        assertEquals("HIGH  SpO2 82 < 85", fx(() -> c2.alarmTextProperty().get()));
        assertEquals("Free", fx(() -> shell.summaries().get(0).phaseProperty().get()));

        robot.clickOn(card2);
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> shell.shownProperty().get()) == 1);
        assertFalse(fx(() -> robot.lookup("#overview").query().isVisible()));
        assertTrue(fx(() -> shell.screens().get(1).root().isVisible()));
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> ((Labeled) robot.lookup("#alarmsElsewhere").query()).getText())
                .equals("Chair 3: MEDIUM  NIBP sys 166 > 160"));
        assertTrue(has(robot.lookup("#alarmsElsewhere").query(), AlarmStyles.MEDIUM));

        robot.clickOn("#navOverview");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> shell.shownProperty().get()) == StationShell.OVERVIEW);
    }

    @Test
    void oneFrameLoopKeepsEveryChairCurrentWhicheverIsShown(FxRobot robot) throws Exception {
        fx(() -> {
            shell.show(0);
            return null;
        });
        int q = quiet.connectionStatesReads.get();
        int h = hypertensive.connectionStatesReads.get();
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> quiet.connectionStatesReads.get() > q + 3
                && hypertensive.connectionStatesReads.get() > h + 3);
        hypertensive.push(2, Vital.HR, 77);
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> hypertensive.buffered() == 0);
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> "77".equals(fx(() -> shell.summaries().get(2).heartProperty().get())));

        // the shell leaves the scene: its loop stops reading the feeds
        fx(() -> {
            shell.root().getScene().setRoot(new javafx.scene.layout.Pane());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int reads = hypertensive.connectionStatesReads.get();
        java.util.concurrent.atomic.AtomicInteger frames = new java.util.concurrent.atomic.AtomicInteger();
        fx(() -> {
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (frames.incrementAndGet() > 20) {
                        stop();
                    }
                }
            }.start();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> frames.get() > 10);
        assertEquals(reads, hypertensive.connectionStatesReads.get(), "a shell out of the scene no longer reads its feeds");
    }

    @Test
    void closingWhileSessionsRunSaysWhatHappensToThem() {
        assertEquals("1 session is running: Chair 2 (JD, baseline).\n\nIt stays open and resumes when the station starts"
                + " again. While the station is closed nothing is monitored or recorded and no alarm sounds.",
                StationShell.closeWarning(List.of(quiet, desaturating, hypertensive)).orElseThrow());
        assertTrue(StationShell.closeWarning(List.of(quiet, hypertensive)).isEmpty());
    }
}
