package org.vigil.ui;

import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.vigil.domain.Vital;

/**
 * A trend chart drawn on a {@link Canvas}: no node per point, and at most one redraw per frame,
 * only after the data, the time span or the size changed ({@link #redrawIfDirty()} is called by
 * the frame loop). Continuous series are reduced to one min/max column per pixel, so a long
 * session costs the same to draw as a short one. The time axis is minutes since session start.
 */
final class TrendCanvas extends Region {

    static final Color BACKGROUND = Color.web("#0b1016");
    static final Color GRID = Color.web("#1e2a36");
    static final Color AXIS_TEXT = Color.web("#8896a5");
    static final Color HR = Color.web("#33e06a");
    static final Color PR = Color.web("#9be8b4");
    static final Color SPO2 = Color.web("#27d3f2");
    static final Color NIBP = Color.web("#ff5a5a");
    static final Color MEAN = Color.web("#f2f2f2");
    static final Color BASELINE = Color.web("#ffb0b0");
    /** A gap longer than this between points breaks the line. */
    static final double GAP_SECONDS = 5;

    private static final double RIGHT = 10;

    private final TrendKind kind;
    private final TrendStore store;
    private final ObservableValue<Number> spanMinutes;
    private final ObservableValue<Number> fontPx;
    private final Canvas canvas = new Canvas();
    private boolean dirty = true;
    private int redraws;

    /**
     * A chart of {@code kind} over {@code store}; redraws after {@code version}, {@code spanMinutes}
     * (time axis length) or {@code fontPx} (the screen's base font size) change.
     */
    TrendCanvas(TrendKind kind, TrendStore store, ObservableValue<Number> version, ObservableValue<Number> spanMinutes,
            ObservableValue<Number> fontPx) {
        this.kind = kind;
        this.store = store;
        this.spanMinutes = spanMinutes;
        this.fontPx = fontPx;
        fontPx.addListener((o, a, b) -> dirty = true);
        getStyleClass().add("trend");
        setId("trend" + kind.name());
        getChildren().add(canvas);
        setMinSize(100, 60);
        setPrefSize(600, 160);
        version.addListener((o, a, b) -> dirty = true);
        spanMinutes.addListener((o, a, b) -> dirty = true);
        widthProperty().addListener((o, a, b) -> dirty = true);
        heightProperty().addListener((o, a, b) -> dirty = true);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(Math.floor(getHeight()));
    }

    /** Redraws when something changed since the last draw; returns whether it drew. */
    boolean redrawIfDirty() {
        if (!dirty || canvas.getWidth() < 2 || canvas.getHeight() < 2) {
            return false;
        }
        dirty = false;
        redraws++;
        draw(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
        return true;
    }

    /** How many times this chart drew, for tests. */
    int redraws() {
        return redraws;
    }

    TrendStore trendsForTest() {
        return store;
    }

    private void draw(GraphicsContext g, double w, double h) {
        Axes ax = axes(w, h);
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        drawGrid(g, ax);
        switch (kind) {
            case HEART -> {
                drawLine(g, ax, store.series(Vital.PR), PR, 1.5);
                drawLine(g, ax, store.series(Vital.HR), HR, 2.2);
            }
            case SPO2 -> drawLine(g, ax, store.series(Vital.SPO2), SPO2, 2.2);
            case NIBP -> drawNibp(g, ax);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, ax.font * 14 / 12));
        g.setFill(kind == TrendKind.HEART ? HR : kind == TrendKind.SPO2 ? SPO2 : NIBP);
        g.fillText(kind.title + "  " + kind.unit, ax.left, 4);
    }

    /** Plot area and value range; the range widens to show values beyond the default. */
    private Axes axes(double w, double h) {
        double lo = kind.min;
        double hi = kind.max;
        double[] range = dataRange();
        if (range != null) {
            lo = Math.min(lo, Math.floor(range[0] / kind.step) * kind.step);
            hi = Math.max(hi, Math.ceil(range[1] / kind.step) * kind.step);
        }
        double span = Math.max(1, spanMinutes.getValue().doubleValue()) * 60.0;
        double font = fontPx.getValue().doubleValue() * 12 / 15;
        double left = font * 3.8;
        double top = font * 2;
        double bottom = font * 1.7;
        return new Axes(left, top, w - left - RIGHT, h - top - bottom, lo, hi, span, font);
    }

    private double[] dataRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (kind == TrendKind.NIBP) {
            for (double v : new double[] {store.baselineSys(), store.baselineDia()}) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            NibpTrend n = store.nibp();
            for (int i = 0; i < n.size(); i++) {
                for (double v : new double[] {n.sys(i), n.dia(i), n.mean(i)}) {
                    if (!Double.isNaN(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        } else {
            for (Vital v : kind == TrendKind.HEART ? new Vital[] {Vital.HR, Vital.PR} : new Vital[] {Vital.SPO2}) {
                TrendSeries s = store.series(v);
                for (int i = 0; i < s.size(); i++) {
                    lo = Math.min(lo, s.value(i));
                    hi = Math.max(hi, s.value(i));
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    private void drawGrid(GraphicsContext g, Axes ax) {
        g.setStroke(GRID);
        g.setLineWidth(1);
        g.setFill(AXIS_TEXT);
        g.setFont(Font.font(ax.font));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        int maxLabels = (int) Math.max(2, Math.min(7, ax.height / (ax.font * 1.6)));
        double step = kind.step * Math.max(1, Math.ceil((ax.hi - ax.lo) / kind.step / maxLabels));
        for (double v = Math.ceil(ax.lo / step) * step; v <= ax.hi + 1e-9; v += step) {
            double y = Math.round(ax.y(v)) + 0.5;
            g.strokeLine(ax.left, y, ax.left + ax.width, y);
            g.fillText(Formats.threshold(v), ax.left - 6, y);
        }
        double spanMin = ax.spanSeconds / 60;
        int tick = spanMin <= 15 ? 1 : spanMin <= 30 ? 5 : spanMin <= 90 ? 10 : spanMin <= 180 ? 15 : 30;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int label = spanMin <= 15 ? 2 : 1;
        for (int m = 0, n = 0; m <= spanMin + 1e-9; m += tick, n++) {
            double x = Math.round(ax.x(m * 60.0)) + 0.5;
            g.strokeLine(x, ax.top, x, ax.top + ax.height);
            if (n % label == 0) {
                g.fillText(m + (m == 0 ? " min" : ""), Math.max(x, ax.left + ax.font * 1.2), ax.top + ax.height + 3);
            }
        }
    }

    /** One min/max column per pixel; where the series has a gap ({@link TrendSeries#gapBefore}) the pen lifts. */
    private static void drawLine(GraphicsContext g, Axes ax, TrendSeries s, Color color, double width) {
        if (s.size() == 0) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(ax.left, ax.top, ax.width, ax.height);
        g.clip();
        g.setStroke(color);
        g.setLineWidth(width);
        g.beginPath();
        Column col = new Column();
        for (int i = 0; i < s.size(); i++) {
            double t = s.time(i);
            double y = ax.y(s.value(i));
            int px = (int) Math.floor(ax.x(t));
            boolean gap = i > 0 && s.gapBefore(i);
            if (col.open && (px != col.px || gap)) {
                col.flush(g);
            }
            if (gap) {
                col.penDown = false;
            }
            col.add(px, y);
        }
        col.flush(g);
        g.stroke();
        g.restore();
    }

    private void drawNibp(GraphicsContext g, Axes ax) {
        drawBaseline(g, ax, store.baselineSys(), "BL sys");
        drawBaseline(g, ax, store.baselineDia(), "BL dia");
        NibpTrend n = store.nibp();
        g.setLineWidth(3);
        for (int i = 0; i < n.size(); i++) {
            double x = Math.round(ax.x(n.time(i))) + 0.5;
            double sys = n.sys(i);
            double dia = n.dia(i);
            g.setStroke(NIBP);
            if (!Double.isNaN(sys) && !Double.isNaN(dia)) {
                g.strokeLine(x, ax.y(sys), x, ax.y(dia));
            }
            for (double v : new double[] {sys, dia}) {
                if (!Double.isNaN(v)) {
                    g.strokeLine(x - 5, ax.y(v), x + 5, ax.y(v));
                }
            }
            if (!Double.isNaN(n.mean(i))) {
                g.setFill(MEAN);
                g.fillOval(x - 3.5, ax.y(n.mean(i)) - 3.5, 7, 7);
            }
        }
    }

    /** The session baseline as a dashed line across the plot, labelled at its right end. */
    private static void drawBaseline(GraphicsContext g, Axes ax, double v, String label) {
        if (Double.isNaN(v)) {
            return;
        }
        double y = Math.round(ax.y(v)) + 0.5;
        g.save();
        g.setStroke(BASELINE);
        g.setLineWidth(1.5);
        g.setLineDashes(8, 6);
        g.strokeLine(ax.left, y, ax.left + ax.width, y);
        g.setLineDashes((double[]) null);
        g.setFill(BASELINE);
        g.setFont(Font.font(ax.font));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(label + " " + Formats.threshold(v), ax.left + ax.width - 4, y - 2);
        g.restore();
    }

    /** Plot rectangle and scales. */
    private record Axes(double left, double top, double width, double height, double lo, double hi, double spanSeconds,
            double font) {
        double x(double seconds) {
            return left + Math.min(1, Math.max(0, seconds / spanSeconds)) * width;
        }

        double y(double v) {
            return top + (hi - v) / (hi - lo) * height;
        }
    }

    /** The points falling on one pixel column. */
    private static final class Column {
        int px;
        double first;
        double last;
        double min;
        double max;
        boolean open;
        boolean penDown;

        void add(int x, double y) {
            if (!open) {
                px = x;
                first = y;
                min = y;
                max = y;
                open = true;
            }
            last = y;
            min = Math.min(min, y);
            max = Math.max(max, y);
        }

        void flush(GraphicsContext g) {
            if (!open) {
                return;
            }
            double x = px + 0.5;
            if (penDown) {
                g.lineTo(x, first);
            } else {
                g.moveTo(x - 1, first);
                g.lineTo(x, first);
            }
            if (max > min) {
                g.lineTo(x, min);
                g.lineTo(x, max);
            }
            g.lineTo(x, last);
            penDown = true;
            open = false;
        }
    }
}
