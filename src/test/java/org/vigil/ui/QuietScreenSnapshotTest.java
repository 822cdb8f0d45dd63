package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;
import org.vigil.chair.ConnectionState;

/**
 * A real-device chair with no alarm, a sensor off and a monitor gone: no banner on top, a neutral
 * frame, dimmed numerics. Saved to {@code target/screenshots/chair-screen-quiet.png}.
 */
@ExtendWith(ApplicationExtension.class)
class QuietScreenSnapshotTest {

    private final FakeChairFeed feed = new FakeChairFeed();
    private Scene scene;

    @Start
    void start(Stage stage) {
        feed.simulated = false;
        feed.state("mon", ConnectionState.DISCONNECTED);
        feed.state("ox", ConnectionState.NO_DATA);
        for (int s = 0; s < 600; s++) {
            feed.addHistory(FakeChairFeed.reading(s, Vital.PR, 66 + (s / 30) % 5));
            feed.addHistory(FakeChairFeed.reading(s, Vital.SPO2, 97 - (s / 45) % 2));
        }
        feed.push(600, Vital.PR, Double.NaN, ReadingFlag.INVALID, ReadingFlag.SENSOR_OFF)
                .push(600, Vital.SPO2, Double.NaN, ReadingFlag.INVALID, ReadingFlag.SENSOR_OFF).at(601);
        scene = StationWindow.createScene(List.of(feed));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void quietScreenHasNeutralFrameNoSimulatedBannerAndDimmedDashes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> "SENSOR OFF".equals(((Labeled) robot.lookup("#spo2Flag").query()).getText())).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#simulatedBanner").query().isVisible()).get());
        assertEquals("PR", WaitForAsyncUtils.asyncFx(() -> ((Labeled) robot.lookup("#hrLabel").query()).getText()).get());
        assertEquals("DISCONNECTED", WaitForAsyncUtils.asyncFx(
                () -> ((Labeled) robot.lookup("#deviceState-mon").query()).getText()).get());

        Path png = Path.of("target", "screenshots", "chair-screen-quiet.png");
        SceneSnapshot.save(scene, png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(0x1a232d, image.getRGB(4, 400) & 0xffffff, "frame colour without alarms");
    }
}
