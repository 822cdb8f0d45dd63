package org.vigil.ui.chart;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.vigil.alarm.Priority;

/**
 * Draws a {@link ChartState} on a canvas: the strips above the lanes (phases, events, alarms),
 * then each lane (grid, y axis, alarm and phase tints, baselines, the tracks reduced per pixel
 * column, cuff readings), the time axis and the cursor. One path per track and no allocation
 * per point: the reduced points live in a {@link PlotBuffer} per track, reused every frame.
 */
final class ChartPainter {

    static final Color BACKGROUND = Color.web("#0b1016");
    static final Color GRID = Color.web("#1e2a36");
    static final Color AXIS_TEXT = Color.web("#8896a5");
    static final Color INFUSION_TEXT = Color.web("#e0b050");
    static final Color PHASE_A = Color.web("#17222d");
    static final Color PHASE_B = Color.web("#22303e");
    static final Color PHASE_TEXT = Color.web("#c8d2dc");
    static final Color EVENT = Color.web("#c8a0ff");
    static final Color EVENT_LINE = Color.web("#c8a0ff", 0.55);
    static final Color BASELINE = Color.web("#ffb0b0");
    static final Color CUFF = Color.web("#ff5a5a");
    static final Color CUFF_MEAN = Color.web("#f2f2f2");
    static final Color CURSOR = Color.web("#ffffff");
    static final Color LANE = Color.web("#0e151d");
    static final Color HIGH = Color.web("#ff2a2a");
    static final Color MEDIUM = Color.web("#ffd400");
    static final Color LOW = Color.web("#2ad4ff");

    static final double LEFT = 48;
    static final double RIGHT = 12;
    static final double PHASE_H = 17;
    static final double EVENT_ROW_H = 15;
    static final double ALARM_H = 17;
    static final double AXIS_H = 34;
    static final double LANE_GAP = 8;
    static final double TOP = PHASE_H + 2 * EVENT_ROW_H + ALARM_H + 4;

    private final Font font = Font.font("System", 11);
    private final Font bold = Font.font("System", FontWeight.BOLD, 11);
    private final Map<String, PlotBuffer> buffers = new HashMap<>();
    private final Map<String, Color> colors = new HashMap<>();
    private double[] colTop = new double[0];
    private double[] colBottom = new double[0];

    /** Plot area width for a canvas {@code w} wide. */
    static int plotWidth(double w) {
        return (int) Math.max(1, Math.floor(w - LEFT - RIGHT));
    }

    void paint(GraphicsContext g, double w, double h, ChartState st, ChartViewport vp) {
        g.setFont(font);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineDashes();
        double plotW = plotWidth(w);
        if (!vp.hasData() || st.lanes().isEmpty()) {
            g.setFill(BACKGROUND);
            g.fillRect(0, 0, w, h);
            g.setFill(AXIS_TEXT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No data", w / 2, h / 2);
            return;
        }
        List<Lane> lanes = st.lanes();
        double lanesTop = TOP;
        double lanesH = Math.max(10, h - TOP - AXIS_H - LANE_GAP * (lanes.size() - 1));
        double weights = 0;
        for (Lane l : lanes) {
            weights += l.weight();
        }
        long step = TimeTicks.step(vp.millisPerPixel(), 70);
        List<TimeTicks.Tick> ticks = TimeTicks.ticks(vp.start(), vp.end(), step, st.zone(), st.infusionStart());

        // The background everywhere but inside the lanes (each lane fills its own rectangle): above and
        // below them and the pixel rows of the gaps between them, widened to whole pixels so a lane's
        // fractional edge blends over the background and never over the last frame. Filling the whole
        // canvas first wrote most pixels twice; in software rendering a frame's cost is mostly pixels
        // written (0.5-0.9 ms of a 7-8 ms pan frame, measured).
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, lanesTop);
        double y = lanesTop;
        for (int i = 0; i < lanes.size(); i++) {
            double lh = lanesH * lanes.get(i).weight() / weights;
            double edge = Math.floor(y + lh);
            y += lh + LANE_GAP;
            double next = i + 1 < lanes.size() ? Math.ceil(y) : h;
            g.fillRect(0, edge, w, next - edge);
        }
        drawPhases(g, st, vp, plotW);
        drawEvents(g, st, vp, plotW);
        drawAlarmStrip(g, st, vp, plotW);

        y = lanesTop;
        for (Lane lane : lanes) {
            double lh = lanesH * lane.weight() / weights;
            drawLaneData(g, st, vp, lane, LEFT, y, plotW, lh, ticks);
            y += lh + LANE_GAP;
        }
        double lanesBottom = y - LANE_GAP;
        // lines reach one sample past each edge: cover the margins instead of clipping (a clip is slow to rasterize)
        g.setFill(BACKGROUND);
        g.fillRect(0, lanesTop, LEFT, lanesBottom - lanesTop);
        g.fillRect(LEFT + plotW, lanesTop, w - LEFT - plotW, lanesBottom - lanesTop);
        y = lanesTop;
        for (int i = 0; i < lanes.size(); i++) {
            double lh = lanesH * lanes.get(i).weight() / weights;
            if (i > 0) {
                g.setFill(BACKGROUND);
                g.fillRect(0, y - LANE_GAP, w, LANE_GAP); // between lanes too
            }
            drawLaneLabels(g, st, lanes.get(i), LEFT, y, plotW, lh);
            y += lh + LANE_GAP;
        }
        drawEventLines(g, st, vp, plotW, lanesTop, lanesBottom);
        drawTimeAxis(g, st, ticks, vp, plotW, lanesBottom);
        drawCursor(g, st, vp, plotW, PHASE_H, lanesTop);
    }

    private void drawPhases(GraphicsContext g, ChartState st, ChartViewport vp, double plotW) {
        int k = 0;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (PhaseBand p : st.phases()) {
            double x0 = clampX(vp.xOf(p.start()), plotW);
            double x1 = clampX(vp.xOf(p.end()), plotW);
            k++;
            if (x1 <= x0) {
                continue;
            }
            g.setFill(k % 2 == 0 ? PHASE_B : PHASE_A);
            g.fillRect(LEFT + x0, 0, x1 - x0, PHASE_H);
            g.setFill(GRID);
            g.fillRect(Math.floor(LEFT + x0), 0, 1, PHASE_H);
            fitText(g, p.label(), LEFT + x0 + 4, PHASE_H / 2, x1 - x0 - 6, PHASE_TEXT);
        }
    }

    private void drawEvents(GraphicsContext g, ChartState st, ChartViewport vp, double plotW) {
        double[] rowEnd = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (EventMarker e : st.events()) {
            double x = vp.xOf(e.time());
            if (x < 0 || x > plotW) {
                continue;
            }
            double px = LEFT + x;
            double textW = textWidth(e.text());
            int row = px > rowEnd[0] ? 0 : px > rowEnd[1] ? 1 : -1;
            double top = PHASE_H + (row < 0 ? 0 : row) * EVENT_ROW_H;
            g.setFill(EVENT);
            g.fillPolygon(new double[] {px - 4, px + 4, px}, new double[] {top + 3, top + 3, top + 11}, 3);
            if (row >= 0) {
                double room = Math.min(textW, LEFT + plotW - px - 8);
                if (room > 12) {
                    fitText(g, e.text(), px + 6, top + EVENT_ROW_H / 2, room, EVENT);
                    rowEnd[row] = px + 6 + room + 4;
                }
            }
        }
    }

    private void drawEventLines(GraphicsContext g, ChartState st, ChartViewport vp, double plotW, double top,
            double bottom) {
        g.setFill(EVENT_LINE);
        for (EventMarker e : st.events()) {
            double x = vp.xOf(e.time());
            if (x >= 0 && x <= plotW) {
                g.fillRect(Math.floor(LEFT + x), PHASE_H + 2 * EVENT_ROW_H, 1, bottom - PHASE_H - 2 * EVENT_ROW_H);
            }
        }
    }

    private void drawAlarmStrip(GraphicsContext g, ChartState st, ChartViewport vp, double plotW) {
        double top = PHASE_H + 2 * EVENT_ROW_H;
        g.setFill(GRID);
        g.fillRect(LEFT, top, plotW, ALARM_H);
        for (Priority p : Priority.values()) { // low first, so a higher priority is drawn over it
            for (AlarmBand a : st.alarms()) {
                if (a.priority() != p) {
                    continue;
                }
                double x0 = clampX(vp.xOf(a.start()), plotW);
                double x1 = clampX(vp.xOf(a.end()), plotW);
                if (x1 - x0 < 2) {
                    if (vp.xOf(a.end()) < 0 || vp.xOf(a.start()) > plotW) {
                        continue;
                    }
                    x1 = x0 + 2; // a short alarm stays visible at any zoom
                }
                g.setFill(color(p));
                g.fillRect(LEFT + x0, top, x1 - x0, ALARM_H);
                hatch(g, p, LEFT + x0, top, x1 - x0, ALARM_H);
                if (x1 - x0 > 24) {
                    g.setTextBaseline(VPos.CENTER);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setFont(bold);
                    fitText(g, a.marker() + " " + a.text(), LEFT + x0 + 3, top + ALARM_H / 2, x1 - x0 - 5, Color.BLACK);
                    g.setFont(font);
                }
            }
        }
    }

    /** High: dense hatch one way; medium: sparse hatch the other way; low: none (solid). Tells them apart in grey. */
    private static void hatch(GraphicsContext g, Priority p, double x, double y, double w, double h) {
        if (p == Priority.LOW) {
            return;
        }
        double spacing = p == Priority.HIGH ? 5 : 9;
        boolean up = p == Priority.HIGH;
        g.setStroke(Color.rgb(0, 0, 0, 0.55));
        g.setLineWidth(1.5);
        for (double s = x - h; s < x + w; s += spacing) { // 45° lines, cut to the rectangle by hand (no clip)
            double u0 = Math.max(0, x - s);
            double u1 = Math.min(h, x + w - s);
            if (u1 <= u0) {
                continue;
            }
            if (up) {
                g.strokeLine(s + u0, y + h - u0, s + u1, y + h - u1);
            } else {
                g.strokeLine(s + u0, y + u0, s + u1, y + u1);
            }
        }
    }

    /** The lane's background, alarm tints, grid, baselines, tracks and cuff readings (may overflow left and right). */
    private void drawLaneData(GraphicsContext g, ChartState st, ChartViewport vp, Lane lane, double x, double y,
            double w, double h, List<TimeTicks.Tick> ticks) {
        double[] range = st.valueRange(lane);
        double lo = range[0];
        double hi = range[1];
        g.setFill(LANE);
        g.fillRect(x, y, w, h);
        for (AlarmBand a : st.alarms()) {
            if (a.laneId() != null && !a.laneId().equals(lane.id())) {
                continue;
            }
            double x0 = clampX(vp.xOf(a.start()), w);
            double x1 = clampX(vp.xOf(a.end()), w);
            if (x1 > x0 || (vp.xOf(a.end()) >= 0 && vp.xOf(a.start()) <= w)) {
                g.setFill(tint(a.priority()));
                g.fillRect(x + x0, y, Math.max(2, x1 - x0), h);
            }
        }
        g.setFill(GRID);
        for (TimeTicks.Tick t : ticks) {
            g.fillRect(Math.floor(x + vp.xOf(t.time())), y, 1, h);
        }
        double vstep = valueStep(lo, hi, h);
        for (double v = Math.ceil(lo / vstep) * vstep; v <= hi + 1e-9; v += vstep) {
            g.fillRect(x, Math.floor(yOf(v, lo, hi, y, h)), w, 1);
        }
        if (st.cursor() != Long.MIN_VALUE) { // under the data, so the cursor never hides the sample it reads
            double cx = vp.xOf(st.cursor());
            if (cx >= 0 && cx <= w) {
                g.setFill(CURSOR);
                g.fillRect(Math.floor(x + cx), y, 1, h);
            }
        }
        for (BaselineLine b : st.baselines()) {
            if (b.laneId().equals(lane.id())) {
                double py = Math.floor(yOf(b.value(), lo, hi, y, h));
                g.setFill(BASELINE);
                for (double dx = 0; dx < w; dx += 16) {
                    g.fillRect(x + dx, py, Math.min(10, w - dx), 1);
                }
            }
        }
        for (Track t : lane.tracks()) {
            TimeSeries s = st.data(t.id());
            if (s == null || s.isEmpty()) {
                continue;
            }
            PlotBuffer buf = buffers.computeIfAbsent(t.id(), k -> new PlotBuffer());
            buf.clear();
            st.downsampling().reduce(s, vp.start(), vp.end(), (int) w, t.maxGapMillis(), buf);
            drawTrack(g, buf, color(t.color()), x, w, y, h, lo, hi);
        }
        if (lane.id().equals(st.cuffLaneId())) {
            drawCuffs(g, st, vp, x, y, w, h, lo, hi);
        }
    }

    /** The lane's value labels, its title and unit in the margin, the tracks' names and the baselines' labels. */
    private void drawLaneLabels(GraphicsContext g, ChartState st, Lane lane, double x, double y, double w, double h) {
        double[] range = st.valueRange(lane);
        double lo = range[0];
        double hi = range[1];
        double vstep = valueStep(lo, hi, h);
        g.setFill(AXIS_TEXT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(lo / vstep) * vstep; v <= hi + 1e-9; v += vstep) {
            g.fillText(format(v, vstep), x - 5, Math.floor(yOf(v, lo, hi, y, h)) + 0.5);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFill(BASELINE);
        for (BaselineLine b : st.baselines()) {
            if (b.laneId().equals(lane.id())) {
                g.fillText(b.label(), x + w - 4, yOf(b.value(), lo, hi, y, h) - 1);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(bold);
        double tx = x + 6;
        for (Track t : lane.tracks()) {
            String label = t.label() + " " + t.unit();
            g.setFill(color(t.color()));
            g.fillText(label, tx, y + 3);
            tx += textWidth(label) + 12;
        }
        if (lane.tracks().isEmpty()) { // no line of its own (cuff readings): its title
            g.setFill(PHASE_TEXT);
            g.fillText(lane.title() + " " + lane.unit(), tx, y + 3);
        }
        g.setFont(font);
    }

    private static double valueStep(double lo, double hi, double h) {
        return niceStep((hi - lo) / Math.max(1, h / 28));
    }

    /**
     * Draws the reduced points as a line, rasterized here, column by column: each pixel column
     * is filled from the lowest to the highest y the line takes inside it (segments between
     * points interpolated, gaps left empty), and runs of equal columns become one rectangle.
     * Axis-aligned rectangles are the one primitive the software renderer draws fast; a stroked
     * path of thousands of segments costs tens of milliseconds there. A lone sample between gaps
     * gets a 3-pixel dot.
     */
    private void drawTrack(GraphicsContext g, PlotBuffer buf, Color c, double x, double w, double y, double h,
            double lo, double hi) {
        int cols = (int) w;
        if (colTop.length < cols) {
            colTop = new double[cols];
            colBottom = new double[cols];
        }
        java.util.Arrays.fill(colTop, 0, cols, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(colBottom, 0, cols, Double.NEGATIVE_INFINITY);
        g.setFill(c);
        int n = buf.size();
        double px0 = Double.NaN;
        double py0 = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (buf.isBreak(i)) {
                px0 = Double.NaN;
                continue;
            }
            double px = buf.x(i);
            double py = yOf(buf.y(i), lo, hi, y, h);
            if (Double.isNaN(px0)) {
                if (i + 1 >= n || buf.isBreak(i + 1)) {
                    if (px >= 0 && px < cols) {
                        g.fillRect(x + px - 1.5, py - 1.5, 3, 3);
                    }
                } else {
                    mark((long) Math.floor(px), py, py, cols);
                }
            } else {
                segment(px0, py0, px, py, cols);
            }
            px0 = px;
            py0 = py;
        }
        int cIdx = 0;
        while (cIdx < cols) {
            if (colTop[cIdx] > colBottom[cIdx]) {
                cIdx++;
                continue;
            }
            double top = Math.floor(colTop[cIdx] - 0.8);
            double height = Math.max(2, Math.ceil(colBottom[cIdx] + 0.8) - top);
            int end = cIdx + 1;
            while (end < cols && colTop[end] <= colBottom[end] && Math.floor(colTop[end] - 0.8) == top
                    && Math.max(2, Math.ceil(colBottom[end] + 0.8) - top) == height) {
                end++;
            }
            g.fillRect(x + cIdx, top, end - cIdx, height);
            cIdx = end;
        }
    }

    private void segment(double x0, double y0, double x1, double y1, int cols) {
        long c0 = (long) Math.floor(x0);
        long c1 = (long) Math.floor(x1);
        if (c0 == c1 || x1 <= x0) {
            mark(c1, Math.min(y0, y1), Math.max(y0, y1), cols);
            return;
        }
        double slope = (y1 - y0) / (x1 - x0);
        for (long c = Math.max(c0, 0); c <= Math.min(c1, cols - 1L); c++) {
            double xa = Math.max(x0, c);
            double xb = Math.min(x1, c + 1);
            double ya = y0 + (xa - x0) * slope;
            double yb = y0 + (xb - x0) * slope;
            mark(c, Math.min(ya, yb), Math.max(ya, yb), cols);
        }
    }

    private void mark(long c, double top, double bottom, int cols) {
        if (c < 0 || c >= cols) {
            return;
        }
        int i = (int) c;
        if (top < colTop[i]) {
            colTop[i] = top;
        }
        if (bottom > colBottom[i]) {
            colBottom[i] = bottom;
        }
    }

    private static void drawCuffs(GraphicsContext g, ChartState st, ChartViewport vp, double x, double y, double w,
            double h, double lo, double hi) {
        g.setLineWidth(2);
        for (CuffReading r : st.cuffs()) {
            double cx = vp.xOf(r.time());
            if (cx < -6 || cx > w + 6) {
                continue;
            }
            double px = x + cx;
            double ys = yOf(r.sys(), lo, hi, y, h);
            double yd = yOf(r.dia(), lo, hi, y, h);
            double bx = Math.floor(px);
            g.setFill(CUFF);
            g.fillRect(bx - 1, Math.floor(ys), 2, Math.max(2, Math.ceil(yd - ys)));
            g.fillRect(bx - 4, Math.floor(ys) - 1, 8, 2);
            g.fillRect(bx - 4, Math.floor(yd) - 1, 8, 2);
            if (!Double.isNaN(r.mean())) {
                double ym = Math.floor(yOf(r.mean(), lo, hi, y, h));
                g.setFill(CUFF_MEAN);
                g.fillRect(bx - 2, ym - 2, 4, 4);
            }
        }
    }

    private void drawTimeAxis(GraphicsContext g, ChartState st, List<TimeTicks.Tick> ticks, ChartViewport vp,
            double plotW, double bottom) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (TimeTicks.Tick t : ticks) {
            double px = LEFT + vp.xOf(t.time());
            g.setFill(AXIS_TEXT);
            g.fillRect(Math.floor(px), bottom, 1, 4);
            g.setFill(AXIS_TEXT);
            g.fillText(t.clock(), px, bottom + 5);
            if (!t.sinceInfusion().isEmpty()) {
                g.setFill(INFUSION_TEXT);
                g.fillText(t.sinceInfusion(), px, bottom + 19);
            }
        }
        if (st.infusionStart() != Long.MIN_VALUE) {
            double x = vp.xOf(st.infusionStart());
            if (x >= 0 && x <= plotW) {
                g.setFill(INFUSION_TEXT);
                g.fillRect(Math.floor(LEFT + x), PHASE_H, 2, bottom - PHASE_H);
            }
        }
    }

    private void drawCursor(GraphicsContext g, ChartState st, ChartViewport vp, double plotW, double top,
            double bottom) {
        if (st.cursor() == Long.MIN_VALUE) {
            return;
        }
        double x = vp.xOf(st.cursor());
        if (x < 0 || x > plotW) {
            return;
        }
        g.setFill(CURSOR);
        g.fillRect(Math.floor(LEFT + x), top, 1, bottom - top);
    }

    private static double yOf(double v, double lo, double hi, double y, double h) {
        return y + h - (v - lo) / (hi - lo) * h;
    }

    private static double clampX(double x, double w) {
        return Math.max(0, Math.min(w, x));
    }

    static final Color HIGH_TINT = Color.color(HIGH.getRed(), HIGH.getGreen(), HIGH.getBlue(), 0.16);
    static final Color MEDIUM_TINT = Color.color(MEDIUM.getRed(), MEDIUM.getGreen(), MEDIUM.getBlue(), 0.16);
    static final Color LOW_TINT = Color.color(LOW.getRed(), LOW.getGreen(), LOW.getBlue(), 0.16);

    /** The priority's colour at 16 % over a lane. */
    private static Color tint(Priority p) {
        return switch (p) {
            case HIGH -> HIGH_TINT;
            case MEDIUM -> MEDIUM_TINT;
            case LOW -> LOW_TINT;
        };
    }

    private Color color(Priority p) {
        return switch (p) {
            case HIGH -> HIGH;
            case MEDIUM -> MEDIUM;
            case LOW -> LOW;
        };
    }

    private Color color(String css) {
        return colors.computeIfAbsent(css, Color::web);
    }

    private static double textWidth(String s) {
        return s.length() * 6.2; // an estimate, for placing labels only (11 px system font)
    }

    private static void fitText(GraphicsContext g, String s, double x, double y, double maxW, Color c) {
        if (maxW < 8) {
            return;
        }
        int chars = (int) (maxW / 6.2);
        String t = s.length() <= chars ? s : s.substring(0, Math.max(1, chars - 1)) + "\u2026";
        g.setFill(c);
        g.fillText(t, x, y);
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double m = raw / p;
        double n = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
        return n * p;
    }

    private static String format(double v, double step) {
        if (step >= 1) {
            return Long.toString(Math.round(v));
        }
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
