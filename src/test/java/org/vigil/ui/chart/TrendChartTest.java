package org.vigil.ui.chart;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.alarm.Priority;

/** The chart on a real (headless) stage: keys pan and zoom, and a one-sample spike is painted at every zoom. */
@ExtendWith(ApplicationExtension.class)
class TrendChartTest {

    static final long T0 = 1_767_000_000_000L;
    static final int N = 8 * 3600;
    static final int SPIKE = 4 * 3600 + 123;
    static final String HR_COLOR = "#33e06a";

    private TrendChart chart;
    private final List<long[]> windows = new CopyOnWriteArrayList<>();
    private final AtomicReference<CursorReadout> readout = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        long[] t = new long[N];
        double[] hr = new double[N];
        double[] spo2 = new double[N];
        for (int i = 0; i < N; i++) {
            t[i] = T0 + i * 1000L;
            hr[i] = 70 + 10 * Math.sin(i / 600.0);
            spo2[i] = 97;
        }
        hr[SPIKE] = 190;
        chart = new TrendChart(ZoneId.of("UTC"));
        chart.setLanes(List.of(Lane.of("heart", "Heart rate", "/min", 40, 140, Track.of("hr", "HR", "/min", HR_COLOR)),
                Lane.of("ox", "SpO2", "%", 80, 100, Track.of("spo2", "SpO2", "%", "#27d3f2"))));
        chart.setData("hr", TimeSeries.wrap(t, hr));
        chart.setData("spo2", TimeSeries.wrap(t.clone(), spo2));
        chart.state().setAlarms(List.of(AlarmBand.of(T0 + 3_600_000, T0 + 3_700_000, Priority.HIGH, "HR high")));
        chart.state().setPhases(List.of(new PhaseBand(T0, T0 + 1_800_000, "baseline"),
                new PhaseBand(T0 + 1_800_000, T0 + N * 1000L, "infusion")));
        chart.state().setInfusionStart(T0 + 1_800_000);
        chart.setDataRange(T0, T0 + (N - 1) * 1000L);
        chart.setOnViewportChanged((s, e, w) -> windows.add(new long[] {s, e, w}));
        chart.setOnCursor(readout::set);
        stage.setScene(new Scene(new StackPane(chart), 1000, 500));
        stage.show();
    }

    @Test
    void keysPanAndZoomAndTheSpikeIsPaintedAtEveryZoom(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(() -> chart.redraws() > 0));
        assertEquals(T0, fx(() -> chart.viewport().start()));
        assertSpikePainted("full zoom-out, 8 h on " + fx(() -> chart.viewport().widthPx()) + " px");

        robot.clickOn(chart);
        long span = fx(() -> chart.viewport().span());
        robot.type(KeyCode.PLUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(span / TrendChart.KEY_ZOOM, fx(() -> chart.viewport().span()), 2, "+ zooms in");
        robot.type(KeyCode.PLUS, 3);
        WaitForAsyncUtils.waitForFxEvents();
        long zoomed = fx(() -> chart.viewport().span());
        assertTrue(zoomed < span / 5, "zoomed to " + zoomed);
        long before = fx(() -> chart.viewport().start());
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + Math.round(zoomed * TrendChart.KEY_PAN), fx(() -> chart.viewport().start()), "→ pans later");
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(T0, fx(() -> chart.viewport().start()));
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(T0 + (N - 1) * 1000L, fx(() -> chart.viewport().end()));
        robot.type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(zoomed * TrendChart.KEY_ZOOM, fx(() -> chart.viewport().span()), 2, "− zooms out");

        WaitForAsyncUtils.waitFor(5, SECONDS, () -> !windows.isEmpty()
                && windows.get(windows.size() - 1)[1] == T0 + (N - 1) * 1000L);
        int heard = windows.size();
        long last = fx(() -> {
            for (int i = 0; i < 10; i++) {
                chart.viewport().panFraction(-0.05);
            }
            return chart.viewport().start();
        });
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> windows.get(windows.size() - 1)[0] == last);
        assertEquals(heard + 1, windows.size(), "ten moves in one pulse: the loader hears of the last one only");

        long spikeTime = T0 + SPIKE * 1000L;
        fx(() -> {
            chart.jumpTo(spikeTime);
            return null;
        });
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> readout.get() != null && readout.get().time() == spikeTime);
        assertEquals(190, readout.get().value("hr").orElseThrow().value());
        assertEquals("infusion", readout.get().phase().orElseThrow());
        assertSpikePainted("zoomed in around the spike");
    }

    @Test
    void redrawsOnlyWhenSomethingChanged(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> fx(() -> chart.redraws() > 0));
        int drawn = fx(chart::redraws);
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS); // pulses pass
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(drawn, fx(chart::redraws), "nothing changed, nothing drawn");
        // a new window of data from another thread: drawn on the next pulse
        Thread loader = new Thread(() -> chart.setData("spo2",
                TimeSeries.wrap(new long[] {T0, T0 + 1000}, new double[] {90, 91})));
        loader.start();
        loader.join(5_000);
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(chart::redraws) > drawn);
    }

    /** Pixels of the HR colour in the spike's column stand far above those of the columns around it. */
    private void assertSpikePainted(String when) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = fx(() -> {
            chart.redrawIfDirty();
            return chart.canvas().snapshot(null, null);
        });
        int x = (int) Math.round(fx(() -> chart.xOf(T0 + SPIKE * 1000L)));
        PixelReader px = img.getPixelReader();
        Color hr = Color.web(HR_COLOR);
        int spikeTop = topmost(px, img, hr, x - 2, x + 2);
        int aroundTop = Math.min(topmost(px, img, hr, x - 60, x - 30), topmost(px, img, hr, x + 30, x + 60));
        assertTrue(spikeTop < Integer.MAX_VALUE, when + ": HR drawn in the spike's column");
        assertTrue(spikeTop + 25 < aroundTop, when + ": the spike reaches y " + spikeTop + ", its neighbours " + aroundTop);
    }

    private static int topmost(PixelReader px, WritableImage img, Color c, int x0, int x1) {
        int best = Integer.MAX_VALUE;
        for (int x = Math.max(0, x0); x <= Math.min((int) img.getWidth() - 1, x1); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                Color p = px.getColor(x, y);
                if (Math.abs(p.getRed() - c.getRed()) < 0.2 && Math.abs(p.getGreen() - c.getGreen()) < 0.2
                        && Math.abs(p.getBlue() - c.getBlue()) < 0.2) {
                    best = Math.min(best, y);
                    break;
                }
            }
        }
        return best;
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, SECONDS);
    }
}
