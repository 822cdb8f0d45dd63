package org.vigil.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.vigil.chair.WaveTrace;

/**
 * The chair's pleth as a bedside monitor draws it: the trace sweeps left to right over
 * {@link WaveformSweep#SWEEP_SECONDS} and starts again at the left, overwriting the previous
 * sweep behind a dark erase bar. Drawn incrementally on one {@link Canvas} at each frame of the
 * station's loop (only the new samples and the bar), so the cost is a few line segments a frame
 * and the memory a fixed canvas and one copy buffer. The height follows the wave of the last
 * sweep (automatic gain, as monitors do); a wave silent for {@link #STALE} is cleared and says so.
 */
final class WaveformCanvas extends Region {

    static final Color TRACE = TrendCanvas.SPO2;
    /** No samples for this long: the trace is cleared and the label says there is no pleth. */
    static final Duration STALE = Duration.ofSeconds(3);
    private static final double ERASE_PX = 14;
    private static final double PAD = 6;

    private final Supplier<Optional<WaveTrace>> trace;
    private final Supplier<Instant> now;
    private final Canvas canvas = new Canvas();
    private final WaveformSweep sweep = new WaveformSweep();
    private final int[] buffer = new int[WaveTrace.CAPACITY];
    private double lastX = Double.NaN;
    private double lastY;
    private double lo;
    private double hi;
    private boolean stale = true;
    private boolean sizeChanged = true;
    private long samplesDrawn;

    /** A trace of the wave {@code trace} supplies; {@code now} is the station's clock (for staleness). */
    WaveformCanvas(Supplier<Optional<WaveTrace>> trace, Supplier<Instant> now) {
        this.trace = trace;
        this.now = now;
        getStyleClass().add("waveform");
        setId("plethWave");
        getChildren().add(canvas);
        setMinSize(100, 50);
        setPrefSize(600, 90);
        widthProperty().addListener((o, a, b) -> sizeChanged = true);
        heightProperty().addListener((o, a, b) -> sizeChanged = true);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(Math.floor(getHeight()));
    }

    /** One frame of the station's loop at {@code nanos}: draws the samples due. */
    void frame(long nanos) {
        Optional<WaveTrace> t = trace.get();
        Optional<WaveTrace.Source> source = t.flatMap(WaveTrace::source);
        boolean shown = source.isPresent();
        if (isVisible() != shown) {
            // a chair without a pleth device keeps its space for the trends
            setVisible(shown);
            setManaged(shown);
        }
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 2 || h < 2) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        Instant last = t.map(WaveTrace::lastTime).orElse(null);
        boolean silent = source.isEmpty() || last == null || !now.get().isBefore(last.plus(STALE));
        if (silent) {
            if (!stale || sizeChanged) {
                clear(g, w, h);
                label(g, t.isEmpty() ? "" : "Pleth \u2014 no signal");
                stale = true;
                sizeChanged = false;
            }
            return;
        }
        WaveTrace wave = t.get();
        WaveTrace.Source s = source.get();
        WaveformSweep.Step step = sweep.advance(nanos, wave.end(), s.sampleRate(), wave.epoch());
        int columns = WaveformSweep.columns(s.sampleRate());
        if (step.restart() || stale || sizeChanged) {
            stale = false;
            sizeChanged = false;
            clear(g, w, h);
            gain(wave, step.to(), columns, s);
            lastX = Double.NaN;
        }
        if (step.count() == 0) {
            return;
        }
        WaveTrace.Read read = wave.read(step.from(), buffer);
        int n = (int) Math.min(read.count(), step.to() - read.from());
        g.setStroke(TRACE);
        g.setLineWidth(2);
        for (int i = 0; i < n; i++) {
            long number = read.from() + i;
            int column = (int) (number % columns);
            if (column == 0) {
                gain(wave, number, columns, s);
                lastX = Double.NaN;
            }
            double x = column * (w - 1) / (columns - 1);
            double y = y(buffer[i], h);
            g.setFill(TrendCanvas.BACKGROUND);
            g.fillRect(x + 1, 0, Math.min(ERASE_PX, w - x), h);
            if (!Double.isNaN(lastX) && x >= lastX) {
                g.strokeLine(lastX, lastY, x, y);
            }
            lastX = x;
            lastY = y;
            samplesDrawn++;
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font(null, FontWeight.BOLD, 13));
        g.setFill(TRACE);
        g.fillText("Pleth", 6, 4);
    }

    /** Scales the next sweep to the wave of the last one (never flatter than 1/16 of full scale). */
    private void gain(WaveTrace wave, long upTo, int columns, WaveTrace.Source s) {
        int[] recent = new int[Math.min(columns, WaveTrace.CAPACITY)];
        WaveTrace.Read r = wave.read(Math.max(0, upTo - recent.length), recent);
        int n = (int) Math.min(r.count(), Math.max(0, upTo - r.from()));
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, recent[i]);
            max = Math.max(max, recent[i]);
        }
        double least = (s.high() - s.low()) / 16.0;
        if (n == 0) {
            min = s.low();
            max = s.high();
        }
        if (max - min < least) {
            double mid = (max + min) / 2;
            min = mid - least / 2;
            max = mid + least / 2;
        }
        lo = min;
        hi = max;
    }

    private double y(int sample, double h) {
        double f = (sample - lo) / (hi - lo);
        f = Math.max(0, Math.min(1, f));
        return h - PAD - f * (h - 2 * PAD);
    }

    private void clear(GraphicsContext g, double w, double h) {
        g.setFill(TrendCanvas.BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font(null, FontWeight.BOLD, 13));
        g.setFill(TRACE);
        g.fillText("Pleth", 6, 4);
    }

    private void label(GraphicsContext g, String text) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(null, FontWeight.NORMAL, 13));
        g.setFill(TrendCanvas.AXIS_TEXT);
        g.fillText(text, canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    /** Samples drawn so far, for tests. */
    long samplesDrawn() {
        return samplesDrawn;
    }

    /** True when the trace shows no wave (none yet, or silent), for tests. */
    boolean showsNoSignal() {
        return stale;
    }
}
