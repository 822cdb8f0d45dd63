package org.vigil.ui.chart;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;

/**
 * A trend chart for reviewing hours of 1 Hz data, drawn on one {@link Canvas}: several lanes of
 * tracks on a shared time axis (clock time, and minutes since the infusion start when one is
 * given), with phase bands, event markers, alarm bands by priority, baselines, cuff readings
 * and a cursor. No node per point: each track is reduced per pixel column ({@link M4} by
 * default) and drawn as one path.
 *
 * <p>Data, lanes and overlays go to {@link #state()} from any thread; the view (zoom, pan,
 * cursor) lives in {@link #viewport()} and changes on the FX thread. The chart redraws on the
 * FX pulse only when one of them changed. A caller that loads each window from a database
 * listens with {@link #setOnViewportChanged}: it is told at most once per pulse, on the FX
 * thread, and meanwhile the chart draws what it has.
 *
 * <p>Input: mouse wheel zooms around the pointer, drag pans, a horizontal scroll or a touch
 * scroll pans, a pinch zooms; keys ←/→ pan a tenth of the window (with Shift half), +/−
 * zoom, Home/End go to the start/end; moving the pointer or clicking places the cursor.
 */
public final class TrendChart extends Region {

    /** The wheel zooms by this factor per notch (40 scroll units). */
    static final double WHEEL_ZOOM_PER_NOTCH = 1.25;
    /** + and − zoom by this factor. */
    static final double KEY_ZOOM = 1.5;
    /** ← and → pan by this fraction of the window (with Shift: {@link #KEY_PAN_SHIFT}). */
    static final double KEY_PAN = 0.1;
    static final double KEY_PAN_SHIFT = 0.5;

    private final Canvas canvas = new Canvas();
    private final ChartState state;
    private final ChartViewport viewport;
    private final ChartPainter painter = new ChartPainter();
    private final AnimationTimer pulse;
    private boolean explicitRange;
    private boolean viewDirty = true;
    private boolean viewportMoved;
    private long drawnVersion = -1;
    private long readoutVersion = -1;
    private int redraws;
    private ViewportListener onViewport = (s, e, w) -> { };
    private Consumer<CursorReadout> onCursor = r -> { };
    private double dragX = Double.NaN;
    private long dragStart;
    private long dragEnd;
    private boolean dragged;

    /** An empty chart showing clock times in {@code zone}. */
    public TrendChart(ZoneId zone) {
        this(new ChartState(zone), new ChartViewport());
    }

    /** A chart over {@code state} and {@code viewport} (shared with a view model, or set up by a test). */
    public TrendChart(ChartState state, ChartViewport viewport) {
        this.state = Objects.requireNonNull(state, "state");
        this.viewport = Objects.requireNonNull(viewport, "viewport");
        getStyleClass().add("trend-chart");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(200, 150);
        setPrefSize(1000, 600);
        viewport.addListener((s, e, w) -> {
            viewDirty = true;
            viewportMoved = true;
        });
        widthProperty().addListener((o, a, b) -> viewDirty = true);
        heightProperty().addListener((o, a, b) -> viewDirty = true);
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                onPulse();
            }
        };
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                pulse.stop();
            } else {
                pulse.start();
            }
        });
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(ZoomEvent.ZOOM, this::onZoom);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setCursorAtPixel(e.getX()));
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** Data, lanes and overlays: settable from any thread. */
    public ChartState state() {
        return state;
    }

    /** The visible window and its zoom/pan arithmetic (FX thread). */
    public ChartViewport viewport() {
        return viewport;
    }

    /** Shortcut for {@code state().setLanes(lanes)}. */
    public void setLanes(List<Lane> lanes) {
        state.setLanes(lanes);
    }

    /** Shortcut for {@code state().setData(trackId, s)}; any thread. */
    public void setData(String trackId, TimeSeries s) {
        state.setData(trackId, s);
    }

    /** Shortcut for {@code state().setData(all)}; any thread. */
    public void setData(Map<String, TimeSeries> all) {
        state.setData(all);
    }

    /**
     * The time bounds the view may move in (a session's start and end), FX thread. Without it
     * the bounds follow the data set so far.
     */
    public void setDataRange(long startMillis, long endMillis) {
        explicitRange = true;
        viewport.setDataRange(startMillis, endMillis);
    }

    /** Centres the view on {@code t} (FX thread) and puts the cursor there. */
    public void jumpTo(long t) {
        viewport.jumpTo(t);
        state.setCursor(t);
    }

    /** Places the cursor at {@code t}; its read-out follows on the next pulse. */
    public void setCursor(long t) {
        state.setCursor(t);
    }

    /** Told (FX thread, at most once per pulse) when the visible window or the plot width changed. */
    public void setOnViewportChanged(ViewportListener l) {
        onViewport = Objects.requireNonNull(l, "listener");
    }

    /** Told (FX thread) the read-out under the cursor whenever the cursor or the data under it changed. */
    public void setOnCursor(Consumer<CursorReadout> c) {
        onCursor = Objects.requireNonNull(c, "consumer");
    }

    /** How many times the chart drew, for tests and benchmarks. */
    public int redraws() {
        return redraws;
    }

    /** The canvas the chart draws on (for snapshots in tests). */
    public Canvas canvas() {
        return canvas;
    }

    /** Pixel x in this chart of time {@code t}. */
    public double xOf(long t) {
        return ChartPainter.LEFT + viewport.xOf(t);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            viewport.setWidth(ChartPainter.plotWidth(w));
            viewDirty = true;
        }
    }

    /** One pulse: bounds from data if needed, listeners, read-out, redraw when something changed. */
    void onPulse() {
        long v = state.version();
        if (!explicitRange && v != drawnVersion) {
            boundsFromData();
        }
        if (viewportMoved) {
            viewportMoved = false;
            onViewport.viewportChanged(viewport.start(), viewport.end(), viewport.widthPx());
        }
        if (state.cursor() != Long.MIN_VALUE && v != readoutVersion) {
            readoutVersion = v;
            onCursor.accept(state.readoutAt(state.cursor()));
        }
        redrawIfDirty();
    }

    /** Redraws if the data, the view or the size changed since the last draw; returns whether it drew. */
    public boolean redrawIfDirty() {
        long v = state.version();
        if (!viewDirty && v == drawnVersion) {
            return false;
        }
        if (canvas.getWidth() < 2 || canvas.getHeight() < 2) {
            return false;
        }
        viewDirty = false;
        drawnVersion = v;
        redraws++;
        painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), state, viewport);
        return true;
    }

    private void boundsFromData() {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (TimeSeries s : state.data().values()) {
            if (!s.isEmpty()) {
                lo = Math.min(lo, s.firstTime());
                hi = Math.max(hi, s.lastTime());
            }
        }
        if (lo <= hi && (!viewport.hasData() || lo != viewport.dataStart() || hi != viewport.dataEnd())) {
            viewport.setDataRange(lo, hi);
        }
    }

    private void onScroll(ScrollEvent e) {
        if (!viewport.hasData()) {
            return;
        }
        boolean touch = e.getTouchCount() > 0 || e.isDirect();
        if (touch || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            viewport.panPixels(e.getDeltaX());
        } else if (e.getDeltaY() != 0) {
            double notches = e.getDeltaY() / 40.0;
            viewport.zoomAtPixel(Math.pow(WHEEL_ZOOM_PER_NOTCH, notches), e.getX() - ChartPainter.LEFT);
        }
        e.consume();
    }

    private void onZoom(ZoomEvent e) {
        if (viewport.hasData() && e.getZoomFactor() > 0) {
            viewport.zoomAtPixel(e.getZoomFactor(), e.getX() - ChartPainter.LEFT);
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        dragX = e.getX();
        dragStart = viewport.start();
        dragEnd = viewport.end();
        dragged = false;
    }

    private void onDragged(MouseEvent e) {
        if (Double.isNaN(dragX) || !viewport.hasData()) {
            return;
        }
        double dx = e.getX() - dragX;
        if (Math.abs(dx) >= 2) {
            dragged = true;
        }
        long shift = Math.round(dx * (dragEnd - dragStart) / (double) viewport.widthPx());
        viewport.show(dragStart - shift, dragEnd - shift);
    }

    private void onReleased(MouseEvent e) {
        if (!dragged) {
            setCursorAtPixel(e.getX());
        }
        dragX = Double.NaN;
    }

    private void setCursorAtPixel(double x) {
        if (!viewport.hasData()) {
            return;
        }
        double px = x - ChartPainter.LEFT;
        if (px >= 0 && px <= viewport.widthPx()) {
            state.setCursor(viewport.timeAt(px));
        }
    }

    private void onKey(KeyEvent e) {
        if (!viewport.hasData()) {
            return;
        }
        switch (e.getCode()) {
            case LEFT -> viewport.panFraction(-(e.isShiftDown() ? KEY_PAN_SHIFT : KEY_PAN));
            case RIGHT -> viewport.panFraction(e.isShiftDown() ? KEY_PAN_SHIFT : KEY_PAN);
            case PLUS, ADD, EQUALS -> viewport.zoomCentre(KEY_ZOOM);
            case MINUS, SUBTRACT -> viewport.zoomCentre(1 / KEY_ZOOM);
            case HOME -> viewport.toStart();
            case END -> viewport.toEnd();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
