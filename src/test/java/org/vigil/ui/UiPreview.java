package org.vigil.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.vigil.chair.ChairFeed;

/**
 * Manual preview: opens the chair screen on a moving demo feed 38 minutes into a session.
 * Arguments: {@code [--chairs N] [--size WxH] [--rr] [--png FILE]} ({@code --rr} adds respiration); with {@code --png} it saves a
 * screenshot after three seconds and exits. Run from the test classpath, e.g. under Xvfb with
 * {@code -Dprism.order=sw}.
 */
public final class UiPreview {

    private UiPreview() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The preview application; nested so that {@code main} runs from a plain classpath. */
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            int chairs = Integer.parseInt(option(args, "--chairs", "1"));
            String[] size = option(args, "--size", "1280x800").split("x");
            String png = option(args, "--png", null);
            List<ChairFeed> feeds = new ArrayList<>();
            for (int i = 0; i < chairs; i++) {
                feeds.add(new DemoFeed(Clock.systemUTC(), Duration.ofMinutes(38).plusSeconds(20), args.contains("--rr")));
            }
            Scene scene = StationWindow.createScene(feeds, () -> ChairScreen.DEFAULT_USER);
            stage.setTitle("Vigil preview");
            stage.setScene(scene);
            stage.setWidth(Double.parseDouble(size[0]));
            stage.setHeight(Double.parseDouble(size[1]));
            stage.show();
            if (png != null) {
                PauseTransition wait = new PauseTransition(javafx.util.Duration.seconds(3));
                wait.setOnFinished(e -> {
                    try {
                        SceneSnapshot.save(scene, Path.of(png));
                    } catch (IOException ex) {
                        ex.printStackTrace();
                    }
                    Platform.exit();
                });
                wait.play();
            }
        }

        private static String option(List<String> args, String name, String fallback) {
            int i = args.indexOf(name);
            return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
        }
    }
}
