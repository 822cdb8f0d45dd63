package org.vigil.export;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import org.vigil.domain.Vital;

/**
 * The report's trend charts drawn as PDF vector paths, readable in black and white: each column
 * is one vertical stroke from the lowest to the highest value in its time slice (extremes kept),
 * the second series of a panel in grey; phases as alternating light grey bands with their names;
 * alarms as dashed verticals marked H, M or L at the top; cuff readings as ticks (systolic,
 * diastolic) joined by a line, the mean as a dot.
 */
final class PdfCharts {

    static final float PANEL_HEIGHT = 92;
    private static final float AXIS = 34;
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final PdfPages pages;
    private final SessionLog log;
    private final TrendPass trend;
    private final List<AlarmEpisode> alarms;

    PdfCharts(PdfPages pages, SessionLog log, TrendPass trend, List<AlarmEpisode> alarms) {
        this.pages = pages;
        this.log = log;
        this.trend = trend;
        this.alarms = alarms;
    }

    static float plotWidth() {
        return PdfPages.WIDTH - AXIS;
    }

    void draw() throws IOException {
        panel("HR (black) and PR (grey), /min", new Vital[] {Vital.HR, Vital.PR}, 30, 160, true);
        panel("SpO2, %", new Vital[] {Vital.SPO2}, 80, 100, false);
        cuffPanel();
        panel("RR, /min", new Vital[] {Vital.RR}, 0, 40, false);
    }

    private void panel(String title, Vital[] vitals, double lo, double hi, boolean phaseNames) throws IOException {
        double[] range = range(vitals, lo, hi);
        Frame f = frame(title, range, phaseNames);
        PDPageContentStream cs = pages.content();
        float colW = plotWidth() / trend.columns;
        for (int i = 0; i < vitals.length; i++) {
            double[] mn = trend.min.get(vitals[i]);
            double[] mx = trend.max.get(vitals[i]);
            cs.setStrokingColor(i == 0 ? 0f : 0.55f);
            cs.setLineWidth(i == 0 ? Math.max(0.6f, colW) : Math.max(0.4f, colW * 0.6f));
            for (int c = 0; c < trend.columns; c++) {
                if (Double.isNaN(mn[c])) {
                    continue;
                }
                float x = f.x0 + (c + 0.5f) * colW + (i == 0 ? 0 : colW * 0.25f);
                float y1 = f.y(mn[c]);
                float y2 = f.y(mx[c]);
                cs.moveTo(x, y1 - 0.4f);
                cs.lineTo(x, Math.max(y2, y1) + 0.4f);
            }
            cs.stroke();
        }
        cs.setStrokingColor(0f);
        f.alarms(vitals);
    }

    private void cuffPanel() throws IOException {
        double lo = 40;
        double hi = 180;
        for (TrendPass.CuffRow r : trend.cuffs) {
            if (!Double.isNaN(r.sys())) {
                hi = Math.max(hi, Math.ceil(r.sys() / 20) * 20);
            }
            if (!Double.isNaN(r.dia())) {
                lo = Math.min(lo, Math.floor(r.dia() / 20) * 20);
            }
        }
        Frame f = frame("NIBP, mmHg (systolic and diastolic ticks, mean dot)", new double[] {lo, hi}, false);
        PDPageContentStream cs = pages.content();
        cs.setLineWidth(0.8f);
        for (TrendPass.CuffRow r : trend.cuffs) {
            if (Double.isNaN(r.sys()) || Double.isNaN(r.dia())) {
                continue;
            }
            float x = f.x(r.time());
            cs.moveTo(x, f.y(r.dia()));
            cs.lineTo(x, f.y(r.sys()));
            cs.moveTo(x - 2.5f, f.y(r.sys()));
            cs.lineTo(x + 2.5f, f.y(r.sys()));
            cs.moveTo(x - 2.5f, f.y(r.dia()));
            cs.lineTo(x + 2.5f, f.y(r.dia()));
            cs.stroke();
            if (!Double.isNaN(r.mean())) {
                cs.addRect(x - 1.2f, f.y(r.mean()) - 1.2f, 2.4f, 2.4f);
                cs.fill();
            }
        }
        f.alarms(new Vital[] {Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN});
    }

    private double[] range(Vital[] vitals, double lo, double hi) {
        for (Vital v : vitals) {
            for (int c = 0; c < trend.columns; c++) {
                double mn = trend.min.get(v)[c];
                double mx = trend.max.get(v)[c];
                if (!Double.isNaN(mn)) {
                    lo = Math.min(lo, Math.floor(mn / 10) * 10);
                    hi = Math.max(hi, Math.ceil(mx / 10) * 10);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /** A panel's frame: title, bands, grid, axes; returns the mapping from values and times to points. */
    private Frame frame(String title, double[] range, boolean phaseNames) throws IOException {
        pages.need(PANEL_HEIGHT + 30);
        pages.text(pages.bold, 8, PdfPages.MARGIN, pages.y() - 8, title);
        pages.down(12);
        float top = pages.y();
        float bottom = top - PANEL_HEIGHT;
        Frame f = new Frame(PdfPages.MARGIN + AXIS, bottom, plotWidth(), PANEL_HEIGHT, range[0], range[1]);
        PDPageContentStream cs = pages.content();
        // phase bands
        List<RecordedEvent> phases = new ArrayList<>();
        for (RecordedEvent e : log.events()) {
            if (e.type() == SessionEventType.PHASE) {
                phases.add(e);
            }
        }
        for (int i = 0; i < phases.size(); i++) {
            Instant a = phases.get(i).time();
            Instant b = i + 1 < phases.size() ? phases.get(i + 1).time() : trend.to;
            float xa = f.x(a);
            float xb = Math.max(xa, f.x(b));
            cs.setNonStrokingColor(i % 2 == 0 ? 0.93f : 0.84f);
            cs.addRect(xa, bottom, xb - xa, PANEL_HEIGHT);
            cs.fill();
            if (phaseNames && xb - xa > 20) {
                cs.setNonStrokingColor(0.25f);
                pages.text(pages.regular, 6, xa + 2, top - 7, phases.get(i).detail().getOrDefault("phase", ""));
            }
        }
        cs.setNonStrokingColor(0f);
        // grid and value labels
        cs.setStrokingColor(0.7f);
        cs.setLineWidth(0.3f);
        double step = niceStep(range[1] - range[0]);
        for (double v = Math.ceil(range[0] / step) * step; v <= range[1] + 1e-9; v += step) {
            cs.moveTo(f.x0, f.y(v));
            cs.lineTo(f.x0 + f.w, f.y(v));
            cs.stroke();
            pages.text(pages.regular, 6, PdfPages.MARGIN, f.y(v) - 2, ExportText.number(v));
        }
        // time axis
        Duration span = Duration.between(trend.from, trend.to);
        long tick = tickMinutes(span.toMinutes());
        ZoneId z = log.zone();
        Instant first = trend.from.atZone(z).withSecond(0).withNano(0).toInstant();
        long firstMin = first.getEpochSecond() / 60;
        Instant t = Instant.ofEpochSecond(((firstMin + tick - 1) / tick) * tick * 60);
        for (; !t.isAfter(trend.to); t = t.plus(Duration.ofMinutes(tick))) {
            if (t.isBefore(trend.from)) {
                continue;
            }
            float x = f.x(t);
            cs.moveTo(x, bottom);
            cs.lineTo(x, bottom - 2);
            cs.stroke();
            pages.text(pages.regular, 6, x - 7, bottom - 8, HHMM.format(t.atZone(z)));
        }
        cs.setStrokingColor(0f);
        cs.setLineWidth(0.6f);
        cs.addRect(f.x0, bottom, f.w, PANEL_HEIGHT);
        cs.stroke();
        pages.down(PANEL_HEIGHT + 12);
        return f;
    }

    private static double niceStep(double span) {
        for (double s : new double[] {5, 10, 20, 25, 50, 100}) {
            if (span / s <= 6) {
                return s;
            }
        }
        return 200;
    }

    static long tickMinutes(long spanMinutes) {
        for (long s : new long[] {5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720}) {
            if (spanMinutes / s <= 9) {
                return s;
            }
        }
        return 1440;
    }

    private final class Frame {
        final float x0;
        final float y0;
        final float w;
        final float h;
        final double lo;
        final double hi;

        Frame(float x0, float y0, float w, float h, double lo, double hi) {
            this.x0 = x0;
            this.y0 = y0;
            this.w = w;
            this.h = h;
            this.lo = lo;
            this.hi = hi == lo ? lo + 1 : hi;
        }

        float y(double v) {
            double c = Math.max(lo, Math.min(hi, v));
            return (float) (y0 + (c - lo) / (hi - lo) * h);
        }

        float x(Instant t) {
            double span = trend.to.toEpochMilli() - trend.from.toEpochMilli();
            double f = (t.toEpochMilli() - trend.from.toEpochMilli()) / Math.max(1, span);
            return (float) (x0 + Math.max(0, Math.min(1, f)) * w);
        }

        /** Dashed verticals at the onsets of this panel's alarms (all technical alarms in the first panel). */
        void alarms(Vital[] vitals) throws IOException {
            PDPageContentStream cs = pages.content();
            cs.setLineDashPattern(new float[] {2, 2}, 0);
            cs.setLineWidth(0.6f);
            for (AlarmEpisode a : alarms) {
                boolean mine = false;
                for (Vital v : vitals) {
                    mine |= v.key().equals(a.parameter());
                }
                if (!mine) {
                    continue;
                }
                float x = x(a.onset());
                cs.moveTo(x, y0);
                cs.lineTo(x, y0 + h);
                cs.stroke();
                pages.text(pages.bold, 6, x + 1, y0 + h - 7, a.priority().key().substring(0, 1).toUpperCase(Locale.ROOT));
            }
            cs.setLineDashPattern(new float[0], 0);
        }
    }
}
