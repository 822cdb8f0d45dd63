package org.vigil.ui.review;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vigil.domain.Actor;
import org.vigil.domain.Vital;
import org.vigil.review.ReviewedSession;
import org.vigil.review.SessionViewer;
import org.vigil.review.Trace;
import org.vigil.session.CuffReading;
import org.vigil.ui.chart.ChartState;
import org.vigil.ui.chart.ChartViewport;
import org.vigil.ui.chart.Lane;
import org.vigil.ui.chart.TimeSeries;
import org.vigil.ui.chart.Track;

/**
 * Two sessions overlaid on minutes since their infusion start (the session start when there was
 * none): session B is shifted so its infusion start falls on A's, and the chart's minutes axis
 * counts from there. HR, SpO2 and the cuff pressures of both, A solid colours, B paler.
 */
public final class CompareModel {

    static final long MAX_GAP_MS = SessionReviewModel.MAX_GAP_MS;

    private final Supplier<Optional<SessionViewer>> viewer;
    private final Supplier<Actor> actor;
    private final Executor background;
    private final Executor ui;
    private final ChartState chart;
    private final ChartViewport viewport = new ChartViewport();
    private final AtomicLong generation = new AtomicLong();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    public CompareModel(Supplier<Optional<SessionViewer>> viewer, Supplier<Actor> actor, Executor background, Executor ui,
            ZoneId zone) {
        this.viewer = Objects.requireNonNull(viewer, "viewer");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.chart = new ChartState(zone);
        long cuffGap = 30 * 60_000L;
        chart.setLanes(List.of(
                new Lane("cmp.hr", "HR", "/min", 40, 140, 1, List.of(new Track("a.hr", "HR A", "/min", "#33e06a", MAX_GAP_MS),
                        new Track("b.hr", "HR B", "/min", "#a5d6a7", MAX_GAP_MS))),
                new Lane("cmp.spo2", "SpO2", "%", 85, 100, 1, List.of(new Track("a.spo2", "SpO2 A", "%", "#27d3f2", MAX_GAP_MS),
                        new Track("b.spo2", "SpO2 B", "%", "#b3e5fc", MAX_GAP_MS))),
                new Lane("cmp.nibp", "NIBP", "mmHg", 40, 180, 1.4, List.of(
                        new Track("a.sys", "Sys A", "mmHg", "#ff5a5a", cuffGap), new Track("a.dia", "Dia A", "mmHg", "#ff5a5a", cuffGap),
                        new Track("b.sys", "Sys B", "mmHg", "#ffab91", cuffGap),
                        new Track("b.dia", "Dia B", "mmHg", "#ffab91", cuffGap)))));
    }

    /** Loads sessions {@code a} and {@code b} (each recorded as viewed). */
    public void open(long a, long b) {
        status.set("Loading…");
        Actor who = actor.get();
        ViewerLoad.start(background, ui, viewer, generation, status, "Cannot compare: ",
                v -> List.of(v.open(a, who, "compare", SessionReviewModel.OVERVIEW_COLUMNS),
                        v.open(b, who, "compare", SessionReviewModel.OVERVIEW_COLUMNS)),
                pair -> {
                    Optional<ReviewedSession> sa = pair.get(0);
                    Optional<ReviewedSession> sb = pair.get(1);
                    if (sa.isEmpty() || sb.isEmpty()) {
                        status.set("No session " + (sa.isEmpty() ? a : b) + ".");
                    } else {
                        show(sa.get(), sb.get());
                    }
                });
    }

    void show(ReviewedSession a, ReviewedSession b) {
        long ref = a.header().reference().toEpochMilli();
        long shiftB = ref - b.header().reference().toEpochMilli();
        Map<String, TimeSeries> data = new HashMap<>();
        put(data, "a", a, 0);
        put(data, "b", b, shiftB);
        chart.setData(data);
        chart.setInfusionStart(ref);
        long start = Math.min(a.from().toEpochMilli(), b.from().toEpochMilli() + shiftB);
        long end = Math.max(a.to().toEpochMilli(), b.to().toEpochMilli() + shiftB);
        viewport.setDataRange(start, end);
        viewport.showAll();
        title.set("A: " + label(a) + "   ·   B: " + label(b) + "   (aligned on the infusion start)");
        status.set("");
    }

    private static String label(ReviewedSession s) {
        return s.header().start().toString().substring(0, 10) + " " + s.header().chairId()
                + (s.header().patient() == null ? "" : " " + s.header().patient().name());
    }

    private static void put(Map<String, TimeSeries> data, String prefix, ReviewedSession s, long shift) {
        put(data, prefix + ".hr", s.traces().get(Vital.HR), shift);
        put(data, prefix + ".spo2", s.traces().get(Vital.SPO2), shift);
        List<CuffReading> cuffs = s.cuffs();
        long[] t = new long[cuffs.size()];
        double[] sys = new double[cuffs.size()];
        double[] dia = new double[cuffs.size()];
        for (int i = 0; i < cuffs.size(); i++) {
            t[i] = cuffs.get(i).time().toEpochMilli() + shift;
            sys[i] = cuffs.get(i).sys();
            dia[i] = cuffs.get(i).dia();
        }
        data.put(prefix + ".sys", TimeSeries.wrap(t, sys));
        data.put(prefix + ".dia", TimeSeries.wrap(t.clone(), dia));
    }

    private static void put(Map<String, TimeSeries> data, String id, Trace t, long shift) {
        if (t == null) {
            return;
        }
        TimeSeries s = SessionReviewModel.series(t);
        long[] times = new long[s.size()];
        double[] values = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            times[i] = s.time(i) + shift;
            values[i] = s.value(i);
        }
        data.put(id, TimeSeries.wrap(times, values));
    }

    /** Minutes since the aligned infusion start at chart time {@code t}. */
    public double minutesAt(long t) {
        return (t - chart.infusionStart()) / 60_000.0;
    }

    public ChartState chartState() {
        return chart;
    }

    public ChartViewport viewport() {
        return viewport;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty statusProperty() {
        return status;
    }

    static Instant at(long t) {
        return Instant.ofEpochMilli(t);
    }
}
