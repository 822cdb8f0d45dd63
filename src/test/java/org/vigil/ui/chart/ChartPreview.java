package org.vigil.ui.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.vigil.ui.SceneSnapshot;

/**
 * Manual preview of the review chart on a generated 8-hour session. Arguments:
 * {@code [--hours 8] [--zoom FACTOR] [--png FILE]}; with {@code --png} it saves a screenshot after
 * two seconds and exits. Run from the test classpath, e.g. under Xvfb with {@code -Dprism.order=sw}.
 */
public final class ChartPreview {

    private ChartPreview() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The preview application. */
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            double hours = Double.parseDouble(option(args, "--hours", "8"));
            double zoom = Double.parseDouble(option(args, "--zoom", "1"));
            String png = option(args, "--png", null);
            SyntheticSession s = SyntheticSession.generate(1_767_000_000_000L, hours, 1);
            TrendChart chart = new TrendChart(ZoneId.of("America/Denver"));
            s.fill(chart.state());
            chart.setDataRange(s.start, s.end);
            Label readout = new Label("move the pointer over the chart");
            readout.setStyle("-fx-text-fill: #c8d2dc; -fx-padding: 6; -fx-font-size: 13px");
            chart.setOnCursor(r -> readout.setText(describe(r)));
            BorderPane root = new BorderPane(chart);
            root.setBottom(readout);
            root.setStyle("-fx-background-color: #0b1016");
            Scene scene = new Scene(root, 1400, 760);
            stage.setScene(scene);
            stage.setTitle("Review chart preview");
            stage.show();
            if (zoom != 1) {
                chart.viewport().zoom(zoom, s.desatTime);
                chart.setCursor(s.desatTime);
            }
            if (png != null) {
                PauseTransition wait = new PauseTransition(javafx.util.Duration.seconds(2));
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

        private static String describe(CursorReadout r) {
            StringBuilder b = new StringBuilder(java.time.Instant.ofEpochMilli(r.time()).toString());
            r.phase().ifPresent(p -> b.append("  ").append(p));
            for (CursorReadout.Value v : r.values()) {
                b.append("  ").append(v.label()).append(' ').append(Math.round(v.value())).append(' ').append(v.unit());
            }
            r.lastCuff().ifPresent(c -> b.append("  NIBP ").append(Math.round(c.sys())).append('/').append(Math.round(c.dia())));
            for (AlarmBand a : r.alarms()) {
                b.append("  ").append(a.marker()).append(' ').append(a.text());
            }
            return b.toString();
        }

        private static String option(List<String> args, String name, String def) {
            int i = args.indexOf(name);
            return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : def;
        }
    }
}
