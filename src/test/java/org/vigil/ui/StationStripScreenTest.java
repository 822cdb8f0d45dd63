package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.Priority;
import org.vigil.chair.StationFeed;

/** The station window with a station fault: one strip above both chairs' tabs, one acknowledge. */
@ExtendWith(ApplicationExtension.class)
class StationStripScreenTest {

    private final FakeChairFeed quiet = new FakeChairFeed();
    private final FakeChairFeed hypertensive = new FakeChairFeed();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private volatile boolean acked;
    private Node nav;

    private final StationFeed station = new StationFeed() {
        @Override
        public AlarmSnapshot alarms() {
            ActiveAlarm audio = new ActiveAlarm("station.audio_unavailable", Priority.HIGH, AlarmKind.TECHNICAL, "station",
                    null, null, "Station: alarm audio unavailable (no sound output device)",
                    FakeChairFeed.START.minusSeconds(300), true, acked, true, !acked);
            return new AlarmSnapshot(FakeChairFeed.START, List.of(audio), null, java.util.Set.of());
        }

        @Override
        public void acknowledge(org.vigil.domain.Actor user) {
            acknowledged.incrementAndGet();
            acked = true;
        }
    };

    @Start
    void start(Stage stage) {
        quiet.id = "quiet";
        hypertensive.id = "hypertensive";
        hypertensive.alarms(FakeChairFeed.alarm("nibp_sys.very_high", Priority.HIGH, "nibp_sys", 188.0, 180.0,
                "NIBP sys 188 \u2265 180", FakeChairFeed.START));
        stage.setScene(StationWindow.createScene(List.of(quiet, hypertensive), station, () -> org.vigil.testsupport.TestActors.nurse("carol"),
                org.vigil.chair.StationAdmin.DISABLED, java.time.InstantSource.system()));
        nav = stage.getScene().lookup("#nav-quiet");
        stage.show();
    }

    @Test
    void theStationFaultShowsOnceAboveTheTabsAndLeavesTheQuietChairsTabAlone(FxRobot robot) throws Exception {
        Node strip = fx(() -> robot.lookup("#stationStrip").query());
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(strip::isVisible));
        Label text = fx(() -> robot.lookup("#stationStripText").queryAs(Label.class));
        assertEquals("HIGH ESCALATED  Station: alarm audio unavailable (no sound output device)", fx(text::getText));
        assertTrue(fx(() -> strip.localToScene(0, 0).getY() < nav.localToScene(0, 0).getY()), "above the chairs' navigation");
        Node quietTab = fx(() -> robot.lookup("#nav-quiet").query());
        Node alarmTab = fx(() -> robot.lookup("#nav-hypertensive").query());
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> alarmTab.getPseudoClassStates().contains(AlarmStyles.HIGH)));
        assertFalse(fx(() -> quietTab.getPseudoClassStates().contains(AlarmStyles.HIGH)
                || quietTab.getPseudoClassStates().contains(AlarmStyles.MEDIUM)), "no chair's tab takes the station's colour");

        robot.clickOn("#stationAcknowledgeButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> text.getText().contains("ACK")));
        assertEquals(1, acknowledged.get(), "one acknowledge for the station");
        assertTrue(fx(() -> robot.lookup("#stationAcknowledgeButton").query().isDisabled()));
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }
}
