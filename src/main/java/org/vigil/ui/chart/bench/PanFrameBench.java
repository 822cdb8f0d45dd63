package org.vigil.ui.chart.bench;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.vigil.ui.chart.CuffReading;
import org.vigil.ui.chart.SyntheticSession;
import org.vigil.ui.chart.TimeSeries;
import org.vigil.ui.chart.TrendChart;

/**
 * Frame time while panning the review chart, next to stock JavaFX {@code LineChart} drawing the
 * same points, in one run on the same stage size. The data is a {@link SyntheticSession} (seeded):
 * {@code hours} of 1 Hz HR and SpO2 and a cuff reading every 5 minutes (NIBP as systolic and
 * diastolic). Both views show the same window and move by the same number of pixels per frame.
 *
 * <p>A frame is timed from the pan to the finished raster: the view moves, the chart redraws
 * (the canvas's commands; the LineChart's CSS and layout, which rebuilds its paths), and the node
 * is rendered into an image with {@code Node.snapshot}, which rasterizes what a pulse would put
 * on screen. Warm-up frames run first and are not counted. Runs on the FX thread; needs a JavaFX
 * toolkit (a display, or Monocle headless).
 */
public final class PanFrameBench {

    /** The figures: per view, the median and 95th percentile of the timed frames, in ms. */
    public record Result(int pointsPerView, long windowMillis, int width, int height, int chartFrames,
            double chartMedianMs, double chartP95Ms, int lineChartFrames, double lineChartMedianMs,
            double lineChartP95Ms) {
    }

    static final int WIDTH = 1400;
    static final int HEIGHT = 760;
    static final double PAN_PIXELS = 6;

    private PanFrameBench() {
    }

    /**
     * Runs the benchmark: {@code hours} of data, a window of {@code windowHours}, {@code frames}
     * timed frames of the review chart and {@code lineChartFrames} of LineChart (it is slow).
     * Starts the JavaFX toolkit if it is not running.
     */
    public static Result run(double hours, double windowHours, int frames, int lineChartFrames) throws Exception {
        startToolkit();
        SyntheticSession s = SyntheticSession.generate(1_767_000_000_000L, hours, 1);
        CompletableFuture<Result> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(measure(s, (long) (windowHours * 3_600_000), frames, lineChartFrames));
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        return done.get(30, TimeUnit.MINUTES);
    }

    private static void startToolkit() {
        Platform.setImplicitExit(false);
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by the caller: use it
        }
    }

    private static Result measure(SyntheticSession s, long window, int frames, int lineFrames) {
        Stage stage = new Stage();
        StackPane root = new StackPane();
        stage.setScene(new Scene(root, WIDTH, HEIGHT));
        stage.show();
        try {
            int points = s.hr.size() + s.spo2.size() + 2 * s.cuffs.size();

            TrendChart chart = new TrendChart(ZoneId.systemDefault());
            s.fill(chart.state());
            root.getChildren().setAll(chart);
            root.applyCss();
            root.layout();
            chart.setDataRange(s.start, s.end);
            chart.viewport().show(s.start, s.start + window);
            double[] chartTimes = time(frames, 60, () -> {
                pan(chart);
                chart.redrawIfDirty();
            }, chart.canvas());

            VBox lines = lineCharts(s, s.start, s.start + window);
            root.getChildren().setAll(lines);
            double[] lineTimes = time(lineFrames, Math.min(5, lineFrames), () -> {
                for (Node n : lines.getChildren()) {
                    NumberAxis x = (NumberAxis) ((LineChart<?, ?>) n).getXAxis();
                    double step = (x.getUpperBound() - x.getLowerBound()) * PAN_PIXELS / WIDTH;
                    if (x.getUpperBound() + step > s.end) { // back to the start, as the review chart does
                        x.setLowerBound(s.start);
                        x.setUpperBound(s.start + window);
                    } else {
                        x.setLowerBound(x.getLowerBound() + step);
                        x.setUpperBound(x.getUpperBound() + step);
                    }
                }
                lines.applyCss();
                lines.layout();
            }, lines);
            return new Result(points, window, WIDTH, HEIGHT, chartTimes.length, percentile(chartTimes, 50),
                    percentile(chartTimes, 95), lineTimes.length, percentile(lineTimes, 50), percentile(lineTimes, 95));
        } finally {
            stage.close();
        }
    }

    /** Moves the chart's window by {@link #PAN_PIXELS}, back to the start when it reaches the end. */
    private static void pan(TrendChart chart) {
        long end = chart.viewport().end();
        chart.viewport().panPixels(-PAN_PIXELS);
        if (chart.viewport().end() == end) {
            chart.viewport().toStart();
        }
    }

    private static double[] time(int frames, int warmup, Runnable frame, Node node) {
        SnapshotParameters params = new SnapshotParameters();
        WritableImage image = null;
        double[] ms = new double[frames];
        for (int i = -warmup; i < frames; i++) {
            long t0 = System.nanoTime();
            frame.run();
            image = node.snapshot(params, image);
            long t1 = System.nanoTime();
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
            }
        }
        return ms;
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    /** Three stock LineCharts (HR, SpO2, NIBP systolic and diastolic) with every point, no symbols, no animation. */
    private static VBox lineCharts(SyntheticSession s, long from, long to) {
        LineChart<Number, Number> hr = lineChart(from, to, 40, 180);
        hr.getData().add(series("HR", s.hr));
        LineChart<Number, Number> spo2 = lineChart(from, to, 80, 100);
        spo2.getData().add(series("SpO2", s.spo2));
        LineChart<Number, Number> nibp = lineChart(from, to, 40, 180);
        ObservableList<XYChart.Data<Number, Number>> sys = FXCollections.observableArrayList();
        ObservableList<XYChart.Data<Number, Number>> dia = FXCollections.observableArrayList();
        for (CuffReading c : s.cuffs) {
            sys.add(new XYChart.Data<>(c.time(), c.sys()));
            dia.add(new XYChart.Data<>(c.time(), c.dia()));
        }
        nibp.getData().add(new XYChart.Series<>("SYS", sys));
        nibp.getData().add(new XYChart.Series<>("DIA", dia));
        VBox box = new VBox(hr, spo2, nibp);
        for (Node n : box.getChildren()) {
            VBox.setVgrow(n, Priority.ALWAYS);
        }
        return box;
    }

    private static LineChart<Number, Number> lineChart(long from, long to, double lo, double hi) {
        NumberAxis x = new NumberAxis(from, to, 600_000);
        x.setAutoRanging(false);
        x.setAnimated(false);
        NumberAxis y = new NumberAxis(lo, hi, 20);
        y.setAutoRanging(false);
        y.setAnimated(false);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setLegendVisible(false);
        return c;
    }

    private static XYChart.Series<Number, Number> series(String name, TimeSeries t) {
        ObservableList<XYChart.Data<Number, Number>> data = FXCollections.observableArrayList();
        for (int i = 0; i < t.size(); i++) {
            double v = t.value(i);
            if (!Double.isNaN(v)) {
                data.add(new XYChart.Data<>(t.time(i), v));
            }
        }
        return new XYChart.Series<>(name, data);
    }

}
