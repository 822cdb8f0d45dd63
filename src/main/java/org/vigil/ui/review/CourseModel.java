package org.vigil.ui.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.domain.Actor;
import org.vigil.review.CourseEntry;
import org.vigil.review.SessionHeader;
import org.vigil.review.SessionViewer;
import org.vigil.ui.chart.ChartState;
import org.vigil.ui.chart.ChartViewport;
import org.vigil.ui.chart.Lane;
import org.vigil.ui.chart.TimeSeries;
import org.vigil.ui.chart.Track;

/**
 * All sessions of one patient side by side, oldest first, and the chart of the blood-pressure
 * response across the course (baseline and peak systolic and diastolic per session, on the
 * sessions' dates), so a prescriber sees whether the response is changing. Loaded on the
 * background executor; each session opened for it is recorded as viewed.
 */
public final class CourseModel {

    static final String BASE_SYS = "course.base_sys";
    static final String PEAK_SYS = "course.peak_sys";
    static final String PEAK_DIA = "course.peak_dia";
    static final String PEAK_HR = "course.peak_hr";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Supplier<Optional<SessionViewer>> viewer;
    private final Supplier<Actor> actor;
    private final Executor background;
    private final Executor ui;
    private final ZoneId zone;
    private final AtomicLong generation = new AtomicLong();
    private final ObservableList<CourseEntry> entries = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ChartState chart;
    private final ChartViewport viewport = new ChartViewport(60_000);

    public CourseModel(Supplier<Optional<SessionViewer>> viewer, Supplier<Actor> actor, Executor background, Executor ui,
            ZoneId zone) {
        this.viewer = Objects.requireNonNull(viewer, "viewer");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.chart = new ChartState(zone);
        long day = 86_400_000L * 400;
        chart.setLanes(List.of(new Lane("course.bp", "BP response", "mmHg", 40, 180, 2, List.of(
                new Track(BASE_SYS, "Baseline sys", "mmHg", "#8896a5", day), new Track(PEAK_SYS, "Peak sys", "mmHg",
                        "#ff5a5a", day), new Track(PEAK_DIA, "Peak dia", "mmHg", "#ff9e80", day))),
                new Lane("course.hr", "Peak HR", "/min", 50, 130, 1, List.of(new Track(PEAK_HR, "Peak HR", "/min",
                        "#33e06a", day)))));
    }

    /** Loads every session of patient {@code patientId}. */
    public void open(long patientId) {
        status.set("Loading the course…");
        Actor who = actor.get();
        ViewerLoad.start(background, ui, viewer, generation, status, "Cannot load the course: ", v -> {
            List<CourseEntry> out = new ArrayList<>();
            for (long id : v.archive().sessionsOfPatient(patientId)) {
                v.open(id, who, "course", 1).ifPresent(s -> out.add(CourseEntry.of(v.archive(), s.header())));
            }
            return out;
        }, this::show);
    }

    void show(List<CourseEntry> list) {
        entries.setAll(list);
        if (list.isEmpty()) {
            title.set("No sessions");
            status.set("");
            return;
        }
        SessionHeader first = list.get(0).header();
        title.set(first.patient() == null ? "Course" : "Course of " + first.patient().name() + " · "
                + first.patient().mrn() + " · " + list.size() + (list.size() == 1 ? " session" : " sessions"));
        int n = list.size();
        long[] t = new long[n];
        double[] base = new double[n];
        double[] sys = new double[n];
        double[] dia = new double[n];
        double[] hr = new double[n];
        for (int i = 0; i < n; i++) {
            CourseEntry e = list.get(i);
            t[i] = Math.max(i == 0 ? Long.MIN_VALUE : t[i - 1], e.header().reference().toEpochMilli());
            base[i] = e.header().baseline() == null ? Double.NaN : e.header().baseline().sys();
            sys[i] = e.peakSys();
            dia[i] = e.peakDia();
            hr[i] = e.peakHr();
        }
        chart.setData(java.util.Map.of(BASE_SYS, TimeSeries.wrap(t, base), PEAK_SYS, TimeSeries.wrap(t.clone(), sys),
                PEAK_DIA, TimeSeries.wrap(t.clone(), dia), PEAK_HR, TimeSeries.wrap(t.clone(), hr)));
        long pad = Math.max(86_400_000L, (t[n - 1] - t[0]) / 20);
        viewport.setDataRange(t[0] - pad, t[n - 1] + pad);
        viewport.showAll();
        status.set("");
    }

    // ---- the table's texts ----

    public String date(CourseEntry e) {
        return DATE.format(e.header().start().atZone(zone));
    }

    public static String dose(CourseEntry e) {
        return e.header().dose() == null ? "—" : SessionListTexts.number(e.header().order().doseMgPerKg()) + " mg/kg · "
                + SessionListTexts.number(e.header().dose().totalMg()) + " mg";
    }

    public static String baseline(CourseEntry e) {
        return e.header().baseline() == null ? "—" : e.header().baseline().nibp()
                + (e.header().baseline().hr() == null ? "" : ", HR " + SessionListTexts.number(e.header().baseline().hr()));
    }

    /** "162 at +24 min". */
    public static String peak(double value, double atMin) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return SessionListTexts.number(value) + " at " + (atMin >= 0 ? "+" : "") + Math.round(atMin) + " min";
    }

    public static String minSpo2(CourseEntry e) {
        return Double.isNaN(e.minSpo2()) ? "—" : SessionListTexts.number(e.minSpo2());
    }

    public static String alarms(CourseEntry e) {
        return e.alarmsHigh() + " high · " + e.alarmsMedium() + " med · " + e.alarmsLow() + " low";
    }

    public static String adverse(CourseEntry e) {
        return e.adverseEvents().isEmpty() ? "none" : String.join(", ", e.adverseEvents());
    }

    public String discharged(CourseEntry e) {
        return e.header().dischargedAt() == null ? "—" : TIME.format(e.header().dischargedAt().atZone(zone));
    }

    public ObservableList<CourseEntry> entries() {
        return entries;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ChartState chartState() {
        return chart;
    }

    public ChartViewport viewport() {
        return viewport;
    }
}
