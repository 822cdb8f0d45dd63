package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

/** Renders the chair screen on the demo feed to {@code target/screenshots/chair-screen.png}. */
@ExtendWith(ApplicationExtension.class)
class SceneSnapshotTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:38:20Z"), ZoneOffset.UTC);
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = StationWindow.createScene(List.of(new DemoFeed(CLOCK, Duration.ofMinutes(38).plusSeconds(20))));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void savesTheScreenAsPngWithTheSimulatedBannerOnTop(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !Formats.DASHES.equals(((Labeled) robot.lookup("#hrValue").query()).getText())).get());
        WaitForAsyncUtils.waitForFxEvents();
        Path png = Path.of("target", "screenshots", "chair-screen.png");
        Files.deleteIfExists(png);

        SceneSnapshot.save(scene, png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(800, image.getHeight());
        javafx.geometry.Bounds bannerBounds = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Node n = robot.lookup("#simulatedBanner").query();
            return n.localToScene(n.getBoundsInLocal());
        }).get();
        assertTrue(bannerBounds.getMinY() < 120, "the banner is near the top: " + bannerBounds);
        int banner = image.getRGB(640, (int) (bannerBounds.getMinY() + 6));
        int r = (banner >> 16) & 0xff;
        int g = (banner >> 8) & 0xff;
        int b = banner & 0xff;
        assertTrue(r > 140 && g < 90 && b > 60, String.format("banner pixel #%06x is not the magenta banner", banner & 0xffffff));
    }
}
