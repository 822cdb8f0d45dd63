package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.alarm.Priority;

/** Several chairs: one tab each; an alarm on a chair not in view shows on its tab. */
@ExtendWith(ApplicationExtension.class)
class StationWindowTest {

    private final FakeChairFeed quiet = new FakeChairFeed();
    private final FakeChairFeed alarming = new FakeChairFeed();
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        alarming.alarms(FakeChairFeed.alarm("spo2.desat", Priority.HIGH, "spo2", 82.0, 85.0, "SpO2 82 < 85",
                FakeChairFeed.START));
        stage.setScene(StationWindow.createScene(List.of(quiet, alarming)));
        tabs = (TabPane) stage.getScene().lookup("#chairTabs");
        stage.show();
    }

    @Test
    void alarmOnAChairNotInViewColoursItsTab(FxRobot robot) throws Exception {
        assertEquals(2, fx(() -> tabs.getTabs().size()));
        assertEquals(0, fx(() -> tabs.getSelectionModel().getSelectedIndex()));
        Node second = fx(() -> tabs.getTabs().get(1).getGraphic());
        Node first = fx(() -> tabs.getTabs().get(0).getGraphic());
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> second.getPseudoClassStates().contains(AlarmStyles.HIGH)));
        assertFalse(fx(() -> first.getPseudoClassStates().contains(AlarmStyles.HIGH)));
    }

    @Test
    void removingAChairsScreenFromTheSceneStopsItsFrameLoop(FxRobot robot) throws Exception {
        AtomicInteger frames = new AtomicInteger();
        fx(() -> {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frames.incrementAndGet();
                }
            }.start();
            return null;
        });
        int start = alarming.connectionStatesReads.get();
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> alarming.connectionStatesReads.get() > start + 3);

        Tab tab = fx(() -> tabs.getTabs().get(1));
        fx(() -> tabs.getTabs().remove(tab));
        int f1 = frames.get();
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> frames.get() > f1 + 3);
        int reads = alarming.connectionStatesReads.get();
        int f2 = frames.get();
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> frames.get() > f2 + 10);
        assertEquals(reads, alarming.connectionStatesReads.get(), "a removed screen no longer reads its feed");
        assertTrue(quiet.connectionStatesReads.get() > 0);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }
}
