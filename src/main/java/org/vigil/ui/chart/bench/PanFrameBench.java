package org.vigil.ui.chart.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
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
 * <p>Two ways, each after warm-up frames that are not counted:
 * <ul>
 * <li><b>timed frames</b>: a frame is timed from the pan to the finished raster: the view moves,
 *     the chart redraws ("draw": the review chart's canvas commands; the LineChart's CSS and
 *     layout, which rebuild its paths), and the node is rendered into an image with
 *     {@code Node.snapshot}, which rasterizes what a pulse would put on screen and reads it back.
 *     Besides the wall time, the CPU time of the FX thread and of the render thread over the
 *     frame: it does not grow when other processes take the cores. The garbage collector's
 *     threads are not in it, which flatters LineChart (it makes garbage every frame).</li>
 * <li><b>pulse frames</b>: the view moves once per JavaFX pulse (an {@code AnimationTimer}) and
 *     the station draws it on screen as it would while a nurse drags the chart; the figures are
 *     the frames per second and the CPU time of the FX and render threads per frame (the window
 *     system's own copy of the pixels, in another process, is not in it).</li>
 * </ul>
 * Runs on the FX thread; needs a running JavaFX toolkit (a display, or Monocle headless).
 */
public final class PanFrameBench {

    /**
     * The figures of one view; times in ms.
     *
     * @param cpuMedianMs the CPU time of the FX and render threads per timed frame, the median
     * @param pulseCpuMs  the CPU time of the FX and render threads per pulse frame, the mean
     */
    public record Figures(int frames, double medianMs, double p95Ms, double cpuMedianMs, double drawMedianMs,
            int pulses, double pulseFps, double pulseCpuMs) {
    }

    /**
     * Both views' figures, and the floor: a canvas of the chart's size filled with one colour per
     * frame, measured the same two ways (what copying, reading back and presenting that many pixels
     * costs whatever is drawn).
     */
    public record Result(int pointsPerView, long windowMillis, int width, int height, Figures chart,
            Figures lineChart, Figures blank) {
    }

    static final int WIDTH = 1400;
    static final int HEIGHT = 760;
    static final double PAN_PIXELS = 6;

    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private Thread renderer;

    private PanFrameBench() {
    }

    /**
     * Runs the benchmark: {@code hours} of data, a window of {@code windowHours}, {@code frames}
     * timed frames and {@code pulseSeconds} of pulse frames of the review chart, and
     * {@code lineChartFrames} timed and half as many pulse frames of LineChart (it is slow).
     * Needs the JavaFX toolkit running; call it off the FX thread.
     */
    public static Result run(double hours, double windowHours, int frames, double pulseSeconds, int lineChartFrames)
            throws Exception {
        SyntheticSession s = SyntheticSession.generate(1_767_000_000_000L, hours, 1);
        PanFrameBench bench = new PanFrameBench();
        long window = (long) (windowHours * 3_600_000);
        Stage stage = onFx(() -> {
            bench.renderer = renderThread();
            Stage st = new Stage();
            st.setTitle("Vigil pan bench");
            st.setScene(new Scene(new StackPane(), WIDTH, HEIGHT));
            st.show();
            return st;
        });
        try {
            StackPane root = (StackPane) stage.getScene().getRoot();
            TrendChart chart = onFx(() -> {
                TrendChart c = new TrendChart(ZoneId.systemDefault());
                s.fill(c.state());
                root.getChildren().setAll(c);
                root.applyCss();
                root.layout();
                c.setDataRange(s.start, s.end);
                c.viewport().show(s.start, s.start + window);
                return c;
            });
            Runnable chartPan = () -> {
                pan(chart);
                chart.redrawIfDirty();
            };
            double[][] chartTimed = onFx(() -> bench.timed(frames, 60, chartPan, chart.canvas()));
            double[] chartPulse = bench.pulses(() -> pan(chart), pulseSeconds, Integer.MAX_VALUE);

            VBox lines = onFx(() -> {
                VBox v = lineCharts(s, s.start, s.start + window);
                root.getChildren().setAll(v);
                return v;
            });
            Runnable linePan = () -> {
                panLineCharts(lines, s, window);
                lines.applyCss();
                lines.layout();
            };
            double[][] lineTimed = onFx(() -> bench.timed(lineChartFrames, Math.min(5, lineChartFrames), linePan, lines));
            double[] linePulse = bench.pulses(() -> panLineCharts(lines, s, window), pulseSeconds,
                    Math.max(1, lineChartFrames / 2));
            // the floor: a canvas of the chart's size filled with one colour per frame, the same two ways
            Canvas blank = onFx(() -> {
                Canvas c = new Canvas(chart.canvas().getWidth(), chart.canvas().getHeight());
                root.getChildren().setAll(c);
                return c;
            });
            int[] n = {0};
            Runnable fill = () -> {
                GraphicsContext g = blank.getGraphicsContext2D();
                g.setFill(n[0]++ % 2 == 0 ? Color.BLACK : Color.gray(0.05));
                g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
            };
            double[][] blankTimed = onFx(() -> bench.timed(frames, 60, fill, blank));
            double[] blankPulse = bench.pulses(fill, pulseSeconds, Integer.MAX_VALUE);
            int points = s.hr.size() + s.spo2.size() + 2 * s.cuffs.size();
            return new Result(points, window, WIDTH, HEIGHT, figures(chartTimed, chartPulse),
                    figures(lineTimed, linePulse), figures(blankTimed, blankPulse));
        } finally {
            onFx(() -> {
                stage.close();
                return null;
            });
        }
    }

    private static Figures figures(double[][] timed, double[] pulse) {
        return new Figures(timed[0].length, percentile(timed[0], 50), percentile(timed[0], 95),
                percentile(timed[1], 50), percentile(timed[2], 50), (int) pulse[0], pulse[1], pulse[2]);
    }

    /** Moves the chart's window by {@link #PAN_PIXELS}, back to the start when it reaches the end. */
    private static void pan(TrendChart chart) {
        long end = chart.viewport().end();
        chart.viewport().panPixels(-PAN_PIXELS);
        if (chart.viewport().end() == end) {
            chart.viewport().toStart();
        }
    }

    /** Moves every LineChart's x axis by {@link #PAN_PIXELS}, back to the start at the end, as the review chart does. */
    private static void panLineCharts(VBox lines, SyntheticSession s, long window) {
        for (Node n : lines.getChildren()) {
            NumberAxis x = (NumberAxis) ((LineChart<?, ?>) n).getXAxis();
            double step = (x.getUpperBound() - x.getLowerBound()) * PAN_PIXELS / WIDTH;
            if (x.getUpperBound() + step > s.end) {
                x.setLowerBound(s.start);
                x.setUpperBound(s.start + window);
            } else {
                x.setLowerBound(x.getLowerBound() + step);
                x.setUpperBound(x.getUpperBound() + step);
            }
        }
    }

    /** On the FX thread: {wall ms per frame, FX + render thread CPU ms per frame, draw (FX) ms per frame}. */
    private double[][] timed(int frames, int warmup, Runnable frame, Node node) {
        SnapshotParameters params = new SnapshotParameters();
        WritableImage image = null;
        double[] ms = new double[frames];
        double[] cpuMs = new double[frames];
        double[] drawMs = new double[frames];
        for (int i = -warmup; i < frames; i++) {
            long c0 = cpuNow();
            long t0 = System.nanoTime();
            frame.run();
            long t1 = System.nanoTime();
            image = node.snapshot(params, image);
            long t2 = System.nanoTime();
            long c1 = cpuNow();
            if (i >= 0) {
                ms[i] = (t2 - t0) / 1e6;
                drawMs[i] = (t1 - t0) / 1e6;
                cpuMs[i] = (c1 - c0) / 1e6;
            }
        }
        return new double[][] {ms, cpuMs, drawMs};
    }

    /**
     * Pans once per pulse for {@code seconds} (or {@code maxFrames} frames) after up to 30
     * warm-up pulses (a quarter of {@code maxFrames} when that is less): {frames, frames per
     * second, FX + render thread CPU ms per frame}.
     */
    private double[] pulses(Runnable pan, double seconds, int maxFrames) throws Exception {
        CompletableFuture<double[]> done = new CompletableFuture<>();
        long span = (long) (seconds * 1e9);
        Platform.runLater(() -> new AnimationTimer() {
            private int n = -Math.min(30, Math.max(3, maxFrames / 4));
            private long t0;
            private long c0;

            @Override
            public void handle(long now) {
                if (n == 0) {
                    t0 = System.nanoTime();
                    c0 = cpuNow();
                } else if (n > 0 && (System.nanoTime() - t0 >= span || n >= maxFrames)) {
                    // n frames were drawn (the pulse that ran frame n-1 has rendered by now)
                    double secs = (System.nanoTime() - t0) / 1e9;
                    stop();
                    done.complete(new double[] {n, n / secs, (cpuNow() - c0) / 1e6 / n});
                    return;
                }
                pan.run();
                n++;
            }
        }.start());
        return done.get(10, TimeUnit.MINUTES);
    }

    /** CPU time of the FX thread (the caller) and the render thread, ns. */
    private long cpuNow() {
        long fx = cpu.getCurrentThreadCpuTime();
        long r = renderer == null ? 0 : Math.max(0, cpu.getThreadCpuTime(renderer.getId()));
        return fx + r;
    }

    private static Thread renderThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t;
            }
        }
        return null;
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

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.MINUTES);
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
