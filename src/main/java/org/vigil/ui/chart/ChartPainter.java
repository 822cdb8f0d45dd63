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
    static final Color BASELINE = Color.web("#ffb0b0");
    static final Color CUFF = Color.web("#ff5a5a");
    static final Color CUFF_MEAN = Color.web("#f2f2f2");
    static final Color CURSOR = Color.web("#ffffff");
    static final Color HIGH = Color.web("#ff2a2a");
    static final Color MEDIUM = Color.web("#ffd400");
    static final Color LOW = Color.web("#2ad4ff");

    static final double LEFT = 62;
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

    /** Plot area width for a canvas {@code w} wide. */
    static int plotWidth(double w) {
        return (int) Math.max(1, Math.floor(w - LEFT - RIGHT));
    }

    void paint(GraphicsContext g, double w, double h, ChartState st, ChartViewport vp) {
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.setFont(font);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineDashes();
        double plotW = plotWidth(w);
        if (!vp.hasData() || st.lanes().isEmpty()) {
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

        drawPhases(g, st, vp, plotW);
        drawEvents(g, st, vp, plotW);
        drawAlarmStrip(g, st, vp, plotW);

        double y = lanesTop;
        for (Lane lane : lanes) {
            double lh = lanesH * lane.weight() / weights;
            drawLane(g, st, vp, lane, LEFT, y, plotW, lh, ticks);
            y += lh + LANE_GAP;
        }
        double lanesBottom = y - LANE_GAP;
        drawEventLines(g, st, vp, plotW, lanesTop, lanesBottom);
        drawTimeAxis(g, st, ticks, vp, plotW, lanesBottom);
        drawCursor(g, st, vp, plotW, PHASE_H, lanesBottom);
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
            g.setStroke(GRID);
            g.setLineWidth(1);
            g.strokeLine(LEFT + x0 + 0.5, 0, LEFT + x0 + 0.5, PHASE_H);
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
        g.setStroke(EVENT);
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        for (EventMarker e : st.events()) {
            double x = vp.xOf(e.time());
            if (x >= 0 && x <= plotW) {
                double px = Math.floor(LEFT + x) + 0.5;
                g.strokeLine(px, PHASE_H + 2 * EVENT_ROW_H, px, bottom);
            }
        }
        g.setLineDashes();
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
        double dir = p == Priority.HIGH ? 1 : -1;
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.setStroke(Color.rgb(0, 0, 0, 0.55));
        g.setLineWidth(1.5);
        for (double s = x - h; s < x + w + h; s += spacing) {
            if (dir > 0) {
                g.strokeLine(s, y + h, s + h, y);
            } else {
                g.strokeLine(s, y, s + h, y + h);
            }
        }
        g.restore();
    }

    private void drawLane(GraphicsContext g, ChartState st, ChartViewport vp, Lane lane, double x, double y,
            double w, double h, List<TimeTicks.Tick> ticks) {
        double[] range = st.valueRange(lane);
        double lo = range[0];
        double hi = range[1];
        g.setFill(Color.web("#0e151d"));
        g.fillRect(x, y, w, h);
        // phase boundaries and alarm tints
        for (AlarmBand a : st.alarms()) {
            if (a.laneId() != null && !a.laneId().equals(lane.id())) {
                continue;
            }
            double x0 = clampX(vp.xOf(a.start()), w);
            double x1 = clampX(vp.xOf(a.end()), w);
            if (x1 > x0 || (vp.xOf(a.end()) >= 0 && vp.xOf(a.start()) <= w)) {
                Color c = color(a.priority());
                g.setFill(Color.color(c.getRed(), c.getGreen(), c.getBlue(), 0.16));
                g.fillRect(x + x0, y, Math.max(2, x1 - x0), h);
            }
        }
        // grid
        g.setStroke(GRID);
        g.setLineWidth(1);
        for (TimeTicks.Tick t : ticks) {
            double px = Math.floor(x + vp.xOf(t.time())) + 0.5;
            g.strokeLine(px, y, px, y + h);
        }
        double vstep = niceStep((hi - lo) / Math.max(1, h / 28));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(lo / vstep) * vstep; v <= hi + 1e-9; v += vstep) {
            double py = Math.floor(yOf(v, lo, hi, y, h)) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(x, py, x + w, py);
            g.setFill(AXIS_TEXT);
            g.fillText(format(v, vstep), x - 5, py);
        }
        g.setFill(AXIS_TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(lane.unit(), 4, y + 1);

        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        for (BaselineLine b : st.baselines()) {
            if (b.laneId().equals(lane.id())) {
                double py = yOf(b.value(), lo, hi, y, h);
                g.setStroke(BASELINE);
                g.setLineWidth(1);
                g.setLineDashes(8, 5);
                g.strokeLine(x, py, x + w, py);
                g.setLineDashes();
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.BOTTOM);
                g.setFill(BASELINE);
                g.fillText(b.label(), x + w - 4, py - 1);
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
            drawLine(g, buf, color(t.color()), x, y, h, lo, hi);
        }
        if (lane.id().equals(st.cuffLaneId())) {
            drawCuffs(g, st, vp, x, y, w, h, lo, hi);
        }
        // lane title over the data, top left
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(bold);
        double tx = x + 6;
        for (Track t : lane.tracks()) {
            g.setFill(color(t.color()));
            g.fillText(t.label(), tx, y + 3);
            tx += textWidth(t.label()) + 12;
        }
        if (lane.tracks().isEmpty()) {
            g.setFill(PHASE_TEXT);
            g.fillText(lane.title(), tx, y + 3);
        }
        g.setFont(font);
        g.restore();
    }

    private static void drawLine(GraphicsContext g, PlotBuffer buf, Color c, double x, double y, double h, double lo,
            double hi) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(1.6);
        g.beginPath();
        boolean pen = false;
        int n = buf.size();
        for (int i = 0; i < n; i++) {
            if (buf.isBreak(i)) {
                pen = false;
                continue;
            }
            double px = x + buf.x(i);
            double py = yOf(buf.y(i), lo, hi, y, h);
            boolean alone = !pen && (i + 1 >= n || buf.isBreak(i + 1));
            if (alone) {
                g.fillRect(px - 1.5, py - 1.5, 3, 3); // a lone sample between gaps is still drawn
            }
            if (pen) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                pen = true;
            }
        }
        g.stroke();
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
            g.setStroke(CUFF);
            g.strokeLine(px, ys, px, yd);
            g.strokeLine(px - 4, ys, px + 4, ys);
            g.strokeLine(px - 4, yd, px + 4, yd);
            if (!Double.isNaN(r.mean())) {
                double ym = yOf(r.mean(), lo, hi, y, h);
                g.setFill(CUFF_MEAN);
                g.fillOval(px - 2.5, ym - 2.5, 5, 5);
            }
        }
    }

    private void drawTimeAxis(GraphicsContext g, ChartState st, List<TimeTicks.Tick> ticks, ChartViewport vp,
            double plotW, double bottom) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (TimeTicks.Tick t : ticks) {
            double px = LEFT + vp.xOf(t.time());
            g.setStroke(AXIS_TEXT);
            g.setLineWidth(1);
            g.strokeLine(Math.floor(px) + 0.5, bottom, Math.floor(px) + 0.5, bottom + 4);
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
                g.setStroke(INFUSION_TEXT);
                g.setLineWidth(1.5);
                g.strokeLine(LEFT + x, PHASE_H, LEFT + x, bottom);
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
        double px = Math.floor(LEFT + x) + 0.5;
        g.setStroke(CURSOR);
        g.setLineWidth(1);
        g.strokeLine(px, top, px, bottom);
    }

    private static double yOf(double v, double lo, double hi, double y, double h) {
        return y + h - (v - lo) / (hi - lo) * h;
    }

    private static double clampX(double x, double w) {
        return Math.max(0, Math.min(w, x));
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
