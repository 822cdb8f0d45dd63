package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.alarm.Priority;
import org.vigil.chair.AlarmLogEntry;

/** The Limits, Alarm log and Admin panels opened from the chair screen. */
@ExtendWith(ApplicationExtension.class)
class LimitsScreenTest {

    private final FakeChairFeed feed = new FakeChairFeed();
    private final FakeStationAdmin station = new FakeStationAdmin();
    private volatile Instant now = Instant.parse("2026-01-05T09:00:00Z");

    @Start
    void start(Stage stage) {
        InstantSource clock = () -> now;
        stage.setScene(StationWindow.createScene(List.of(feed), () -> org.vigil.testsupport.TestActors.nurse("carol"), new AdminModel(station, new FakeSignIn(), clock)));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return fx(() -> ((Labeled) robot.lookup(query).query()).getText());
    }

    /** True when {@code n} and every parent up to the scene root are visible. */
    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static boolean showing(FxRobot robot, String query) throws Exception {
        return fx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup(query).query().getScene() != null);
    }

    @Test
    void editingAThresholdInTheLimitsPanelAsksTheChair(FxRobot robot) throws Exception {
        robot.clickOn("#limitsButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> showing(robot, "#threshold-hr-low"));
        assertTrue(fx(() -> robot.lookup("#set-hr-low").query().isDisabled()), "nothing to set yet");

        robot.doubleClickOn("#threshold-hr-low").eraseText(2).write("45");
        robot.clickOn("#set-hr-low");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("hr.low=45 by carol"), feed.limitChanges);
        assertEquals("Changed 50 \u2192 45 by carol", text(robot, "#message-hr-low"));
    }

    @Test
    void aRefusalIsShownUnderTheThreshold(FxRobot robot) throws Exception {
        feed.refusals.put("hr.low", "25 is outside the clinic bounds 30..60");
        robot.clickOn("#limitsButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> showing(robot, "#threshold-hr-low"));

        robot.doubleClickOn("#threshold-hr-low").eraseText(2).write("25").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Not changed: 25 is outside the clinic bounds 30..60", text(robot, "#message-hr-low"));
        assertEquals("25", fx(() -> ((TextInputControl) robot.lookup("#threshold-hr-low").query()).getText()));
    }

    @Test
    void alarmSwitchesAreDisabledUntilTheAdminPinIsEntered(FxRobot robot) throws Exception {
        robot.clickOn("#limitsButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> showing(robot, "#enabled-hr-low"));
        assertTrue(fx(() -> robot.lookup("#enabled-hr-low").query().isDisabled()));
        assertTrue(fx(() -> robot.lookup("#saveClinicDefaultsButton").query().isDisabled()));

        robot.clickOn("#adminButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> showing(robot, "#adminPin"));
        robot.clickOn("#adminPin").write("1111").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> "wrong user name, password or PIN".equals(text(robot, "#adminMessage")));

        robot.clickOn("#adminName").write("carol");
        robot.clickOn("#adminPin").write(FakeStationAdmin.PIN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> showing(robot, "#enabled-hr-low"));
        assertEquals("Admin 05:00", text(robot, "#adminButton"));

        robot.clickOn("#enabled-hr-low");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("hr.low off by carol"), feed.enabledChanges);
        assertEquals("OFF", text(robot, "#enabled-hr-low"));

        robot.clickOn("#saveClinicDefaultsButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("chair1 by carol"), station.saves);

        robot.clickOn("#adminButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Admin", text(robot, "#adminButton"));
        assertTrue(fx(() -> robot.lookup("#enabled-hr-low").query().isDisabled()));
    }

    @Test
    void theAlarmLogShowsTheChairsEntriesNewestFirstAndUpdatesLive(FxRobot robot) throws Exception {
        feed.log.add(new AlarmLogEntry(FakeChairFeed.START.plusSeconds(5), "raised", "spo2.desat", Priority.HIGH, "spo2",
                84.0, 85.0, null, null, "SpO2 desaturation 84 < 85"));
        robot.clickOn("#alarmLogButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> showing(robot, "#alarmLogTable"));
        TableView<?> table = robot.lookup("#alarmLogTable").queryAs(TableView.class);
        assertEquals(1, fx(() -> table.getItems().size()));
        assertTrue(fx(() -> treeVisible(robot.lookup("#spo2Tile").query())), "the numerics stay visible beside the log");

        feed.log.add(new AlarmLogEntry(FakeChairFeed.START.plusSeconds(9), "acknowledged", "spo2.desat", Priority.HIGH,
                "spo2", 84.0, 85.0, "carol", null, ""));
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> table.getItems().size()) == 2);
        assertEquals("acknowledged", fx(() -> ((AlarmLogRow) table.getItems().get(0)).event()));
        assertEquals("2 entries", text(robot, "#alarmLogCount"));

        robot.clickOn("#closeAlarmLogButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> treeVisible(robot.lookup("#spo2Tile").query())));
    }
}
