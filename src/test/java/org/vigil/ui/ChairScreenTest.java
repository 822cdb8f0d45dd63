package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.ui.FakeChairFeed.START;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
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

@ExtendWith(ApplicationExtension.class)
class ChairScreenTest {

    private final FakeChairFeed feed = new FakeChairFeed();
    private Scene scene;

    @Start
    void start(Stage stage) {
        feed.push(100, Vital.HR, 72).push(100, Vital.SPO2, 84).push(100, Vital.PI, 1.8)
                .push(60, Vital.NIBP_SYS, 131).push(60, Vital.NIBP_DIA, 84).push(60, Vital.NIBP_MEAN, 99).at(101);
        feed.alarms(FakeChairFeed.alarm("spo2.desat", Priority.HIGH, "spo2", 84.0, 85.0, "SpO2 desaturation 84 < 85",
                START.plusSeconds(95)));
        scene = StationWindow.createScene(List.of(feed), () -> org.vigil.testsupport.TestActors.nurse("carol"));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsNumericsAlarmBannerAndSimulatedBanner(FxRobot robot) throws Exception {
        awaitText(robot, "#hrValue", "72");
        assertEquals("131/84", text(robot, "#nibpValue"));
        assertEquals("(99)", text(robot, "#nibpDetail"));
        assertEquals("84", text(robot, "#spo2Value"));
        assertEquals("PI 1.8", text(robot, "#spo2Detail"));
        assertEquals("SpO2 desaturation 84 < 85", text(robot, "#alarmBannerText"));
        assertTrue(fx(() -> robot.lookup("#simulatedBanner").query().isVisible()));
        assertEquals(ChairScreen.SIMULATED_TEXT, text(robot, "#simulatedBanner"));
        assertEquals("OK", text(robot, "#deviceState-ox"));
    }

    @Test
    void highAlarmColoursTheFrameAndTheTileAndFlashes(FxRobot robot) throws Exception {
        awaitText(robot, "#alarmBannerText", "SpO2 desaturation 84 < 85");
        Node frame = robot.lookup("#chairScreen").query();
        Node tile = robot.lookup("#spo2Tile").query();
        assertTrue(fx(() -> frame.getPseudoClassStates().contains(AlarmStyles.HIGH)));
        assertTrue(fx(() -> tile.getPseudoClassStates().contains(AlarmStyles.HIGH)));
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> frame.getPseudoClassStates().contains(AlarmStyles.FLASH_ON)));
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> !frame.getPseudoClassStates().contains(AlarmStyles.FLASH_ON)));
    }

    @Test
    void acknowledgeButtonAcknowledgesAsTheCurrentUser(FxRobot robot) throws Exception {
        awaitText(robot, "#alarmBannerText", "SpO2 desaturation 84 < 85");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> !robot.lookup("#acknowledgeButton").query().isDisabled()));
        robot.clickOn("#acknowledgeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("carol"), feed.acknowledgedBy);
    }

    @Test
    void pauseAudioButtonPausesAndShowsTheCountdown(FxRobot robot) throws Exception {
        awaitText(robot, "#pauseAudioButton", AlarmAreaModel.PAUSE_AUDIO);
        robot.clickOn("#pauseAudioButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("carol"), feed.pausedBy);
        feed.alarms(feed.now.plusSeconds(120), java.util.Set.of(), feed.alarms.alarms().toArray(new org.vigil.alarm.ActiveAlarm[0]));
        awaitText(robot, "#pauseAudioButton", "Audio paused 02:00");
    }

    @Test
    void setBaselineButtonShowsTheResultAndTheNibpTileTheBaseline(FxRobot robot) throws Exception {
        awaitText(robot, "#hrValue", "72");
        robot.clickOn("#setBaselineButton");
        awaitText(robot, "#baselineResult", "Needs 2 cuff readings (none so far)");
        feed.cuff(30, 127, 80);
        feed.cuff(60, 131, 84);
        robot.clickOn("#setBaselineButton");
        awaitText(robot, "#baselineResult", "Baseline 129/82 set (last 2 cuffs)");
        awaitText(robot, "#nibpBaseline", "BL 129/82");
        assertTrue(fx(() -> robot.lookup("#nibpBaseline").query().isVisible()));
        assertTrue(fx(() -> !robot.lookup("#hrBaseline").query().isVisible()));
        assertEquals(List.of("carol", "carol"), feed.baselineBy);
    }

    @Test
    void theNurseTypesABaselineAndIsToldWhatIsWrong(FxRobot robot) throws Exception {
        feed.cuff(30, 127, 80);
        awaitText(robot, "#hrValue", "72");
        robot.clickOn("#enterBaselineButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> robot.lookup("#baselinePane").tryQuery().isPresent()));
        robot.clickOn("#baselineSys").write("78");
        robot.clickOn("#baselineDia").write("124");
        robot.clickOn("#useTypedBaselineButton");
        awaitText(robot, "#baselineMessage", "Diastolic 124 must be below systolic 78");
        assertTrue(feed.baseline == null);
        fx(() -> {
            robot.lookup("#baselineSys").<javafx.scene.control.TextField>query().setText("124");
            robot.lookup("#baselineDia").<javafx.scene.control.TextField>query().setText("78");
            return null;
        });
        robot.clickOn("#useTypedBaselineButton");
        awaitText(robot, "#baselineResult", "Baseline 124/78 set (typed)");
        awaitText(robot, "#nibpBaseline", "BL 124/78");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> robot.lookup("#baselinePane").tryQuery().isEmpty()));
        assertEquals(List.of("typed"), feed.baselineSources);
    }

    @Test
    void anAlarmOffACuffArtifactAndAMissingPortAreShownInWords(FxRobot robot) throws Exception {
        // A cuff measurement under way on the oximeter's arm, hr.high switched off, the oximeter's port missing.
        for (int t = 102; t <= 110; t++) {
            feed.push(t, Vital.HR, 72).push(t, Vital.SPO2, 95, org.vigil.domain.ReadingFlag.QUESTIONABLE)
                    .push(t, Vital.NIBP_SYS, Double.NaN, org.vigil.domain.ReadingFlag.INVALID,
                            org.vigil.domain.ReadingFlag.CUFF_INFLATING);
        }
        feed.alarms(null, java.util.Set.of("hr.high"));
        feed.disconnected("mon", "/dev/ttyUSB7 not found: check the adapter's cable and the port name in the configuration");
        feed.identity("ox", org.vigil.domain.DeviceIdentity.serialOnly("0000056661"));
        feed.at(110.5);
        awaitText(robot, "#hrAlarmsOff", "HR > 120 alarm OFF (\u2265 130 still on)");
        assertTrue(fx(() -> robot.lookup("#hrAlarmsOff").query().isVisible()));
        assertTrue(fx(() -> !robot.lookup("#spo2AlarmsOff").query().isVisible()), "no alarm off on SpO2: nothing shown");
        assertEquals("1 alarm off: HR > 120", text(robot, "#alarmsOff"));
        assertTrue(fx(() -> robot.lookup("#alarmsOff").query().isVisible()));
        assertEquals("\u25B2 130 (120 OFF)", text(robot, "#hrLimitHigh"));
        assertEquals("? artifact: cuff inflating on the same arm", text(robot, "#spo2Flag"));
        assertEquals("/dev/ttyUSB7 not found: check the adapter's cable and the port name in the configuration",
                text(robot, "#deviceDetail-mon"));
        assertEquals("DISCONNECTED", text(robot, "#deviceState-mon"));
        awaitText(robot, "#deviceIdentity-ox", "SN 0000056661");
        assertTrue(fx(() -> robot.lookup("#deviceIdentity-mon").tryQuery().isEmpty()), "the monitor told nothing: no line");
        SceneSnapshot.save(scene, java.nio.file.Path.of("target", "screens", "alarm-off-artifact-missing-port.png"));
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return fx(() -> ((Labeled) robot.lookup(query).query()).getText());
    }

    private static void awaitText(FxRobot robot, String query, String expected) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(5, SECONDS, () -> expected.equals(text(robot, query)));
        } catch (TimeoutException e) {
            String actual;
            try {
                actual = text(robot, query);
            } catch (Exception ex) {
                actual = ex.toString();
            }
            throw new TimeoutException(query + " expected '" + expected + "' but was '" + actual + "'");
        }
    }

    /** Runs {@code c} on the FX thread and returns its result. */
    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }
}
