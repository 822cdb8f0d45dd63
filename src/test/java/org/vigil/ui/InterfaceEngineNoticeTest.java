package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.chair.StationFeed;

/** What the interface engine refused is shown to an admin (never to a nurse), with the engine's words. */
@ExtendWith(ApplicationExtension.class)
class InterfaceEngineNoticeTest {

    private final List<String> notices = new CopyOnWriteArrayList<>();
    private AdminModel admin;

    @Start
    void start(Stage stage) {
        FakeChairFeed feed = new FakeChairFeed();
        feed.id = "c1";
        feed.label = "Chair 1";
        FakeStationAdmin station = new FakeStationAdmin() {
            @Override
            public List<String> interfaceEngineNotices() {
                return List.copyOf(notices);
            }
        };
        admin = new AdminModel(station, new FakeSignIn(), InstantSource.system());
        stage.setScene(StationWindow.createScene(List.of(feed), StationFeed.NONE,
                () -> org.vigil.testsupport.TestActors.nurse("Ann"), admin, SessionContext.none()));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }

    @Test
    void anAdminSeesHowManyMessagesTheEngineRefusedANurseDoesNot(FxRobot robot) throws Exception {
        notices.add("Interface engine mirth:6661 refused session 7 (VIG-7): AE unknown patient");
        Button notice = robot.lookup("#engineNotice").queryAs(Button.class);
        // the station's frame loop looks once a second while admin mode is on; never for a nurse
        assertFalse(fx(notice::isVisible), "not for the nurse");
        assertTrue(fx(() -> admin.logIn("carol", FakeSignIn.ADMIN_PIN).isEmpty()));
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(notice::isVisible));
        assertEquals("Interface engine refused 1 message", fx(notice::getText));
        notices.add("Interface engine mirth:6661 refused session 8 (VIG-8): AR");
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> "Interface engine refused 2 messages".equals(fx(notice::getText)));
        assertTrue(fx(notice::isVisible));
    }
}
