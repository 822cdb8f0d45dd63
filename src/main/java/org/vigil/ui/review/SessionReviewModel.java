package org.vigil.ui.review;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.domain.Actor;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import org.vigil.domain.Vital;
import org.vigil.review.AlarmPeriod;
import org.vigil.review.ArchivedEvent;
import org.vigil.review.PhaseSpan;
import org.vigil.review.ReviewedSession;
import org.vigil.review.SessionHeader;
import org.vigil.review.SessionViewer;
import org.vigil.review.Trace;
import org.vigil.review.TraceLoader;
import org.vigil.session.SessionBaseline;
import org.vigil.ui.chart.AlarmBand;
import org.vigil.ui.chart.BaselineLine;
import org.vigil.ui.chart.ChartState;
import org.vigil.ui.chart.ChartViewport;
import org.vigil.ui.chart.CuffReading;
import org.vigil.ui.chart.CursorReadout;
import org.vigil.ui.chart.EventMarker;
import org.vigil.ui.chart.Lane;
import org.vigil.ui.chart.PhaseBand;
import org.vigil.ui.chart.TimeSeries;
import org.vigil.ui.chart.Track;

/**
 * The review of one past session: what the chart holds ({@link #chartState()}: lanes of every
 * vital on one time axis, phase bands, event markers, alarm bands, baselines, cuff readings),
 * the window it shows ({@link #viewport()}: zoom, pan, Home/End), the read-out at the cursor and
 * the list of alarms and notes beside the chart, whose current row follows the cursor; choosing a
 * row moves the chart there. Opening goes through {@link SessionViewer} (recorded as viewed) on
 * the background executor; a zoomed-in window's data is loaded there too, at the plot's
 * resolution, and spliced into the whole-session overview. Read-only.
 */
public final class SessionReviewModel {

    /** Columns the whole session is loaded in (about a wide screen's plot). */
    static final int OVERVIEW_COLUMNS = 2_000;
    /** Track gap limit: the loaders mark real gaps with NaN, so the lines bridge only column spacing. */
    static final long MAX_GAP_MS = 120_000;
    static final String HR = "hr";
    static final String PR = "pr";
    static final String SPO2 = "spo2";
    static final String RR = "rr";
    static final String NIBP_MEAN = "nibp_mean";
    static final String PLETH = "pleth";
    static final String LANE_HR = "lane.hr";
    static final String LANE_SPO2 = "lane.spo2";
    static final String LANE_NIBP = "lane.nibp";
    static final String LANE_RR = "lane.rr";
    static final String LANE_PLETH = "lane.pleth";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** The vitals drawn as lines; the cuff readings are drawn as points with sys/dia bars instead. */
    private static final Map<Vital, String> TRACKS = Map.of(Vital.HR, HR, Vital.PR, PR, Vital.SPO2, SPO2, Vital.RR, RR);

    private final Supplier<Optional<SessionViewer>> viewer;
    private final Supplier<Actor> actor;
    private final Executor background;
    private final Executor ui;
    private final ZoneId zone;
    private final ChartState state;
    private final ChartViewport viewport;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong windowGeneration = new AtomicLong();

    private final ObjectProperty<ReviewedSession> session = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty header = new SimpleStringProperty("");
    private final StringProperty readout = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<ReviewRow> rows = FXCollections.observableArrayList();
    private final IntegerProperty currentRow = new SimpleIntegerProperty(-1);
    private Map<String, TimeSeries> overview = Map.of();

    public SessionReviewModel(Supplier<Optional<SessionViewer>> viewer, Supplier<Actor> actor, Executor background,
            Executor ui, ZoneId zone) {
        this.viewer = Objects.requireNonNull(viewer, "viewer");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.state = new ChartState(zone);
        this.viewport = new ChartViewport();
        viewport.addListener(this::viewportChanged);
    }

    // ---- opening ----

    /** Opens session {@code id} (recorded as viewed by the acting user), off the UI thread. */
    public void open(long id) {
        long gen = generation.incrementAndGet();
        status.set("Opening session " + id + "…");
        Actor who = actor.get();
        background.execute(() -> {
            Optional<SessionViewer> v = viewer.get();
            Optional<ReviewedSession> loaded;
            try {
                loaded = v.isEmpty() ? Optional.empty() : v.get().open(id, who, "review", OVERVIEW_COLUMNS);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (gen == generation.get()) {
                        status.set("Cannot open session " + id + ": " + e.getMessage());
                    }
                });
                return;
            }
            ui.execute(() -> {
                if (gen != generation.get()) {
                    return;
                }
                if (loaded.isEmpty()) {
                    status.set(v.isEmpty() ? "The session database cannot be read now." : "No session " + id + ".");
                } else {
                    show(loaded.get());
                }
            });
        });
    }

    /** Shows a loaded session (UI thread). */
    void show(ReviewedSession s) {
        session.set(s);
        SessionHeader h = s.header();
        windowGeneration.incrementAndGet();
        state.setLanes(lanes(s));
        overview = series(s.traces(), s.pleth());
        state.setData(overview);
        List<PhaseBand> phases = new ArrayList<>();
        for (PhaseSpan p : h.phases()) {
            long end = p.to() == null ? s.to().toEpochMilli() : p.to().toEpochMilli();
            if (end > p.from().toEpochMilli()) {
                phases.add(new PhaseBand(p.from().toEpochMilli(), end, p.phase().label()));
            }
        }
        state.setPhases(phases);
        state.setEvents(markers(s.events()));
        List<AlarmBand> bands = new ArrayList<>();
        for (AlarmPeriod a : s.alarms()) {
            long end = a.to() == null ? s.to().toEpochMilli() : a.to().toEpochMilli();
            bands.add(new AlarmBand(a.from().toEpochMilli(), Math.max(end, a.from().toEpochMilli()), a.priority(),
                    a.message() == null ? a.alarmId() : a.message(), laneOf(a.parameter())));
        }
        state.setAlarms(bands);
        state.setBaselines(baselines(h.baseline()));
        state.setCuffReadings(LANE_NIBP, s.cuffs().stream().map(c -> new CuffReading(c.time().toEpochMilli(), c.sys(),
                c.dia(), c.mean())).toList());
        state.setInfusionStart(h.infusionStart() == null ? Long.MIN_VALUE : h.infusionStart().toEpochMilli());
        rows.setAll(rows(s));
        title.set(title(h));
        header.set(headerText(h));
        status.set("");
        viewport.setDataRange(s.from().toEpochMilli(), s.to().toEpochMilli());
        viewport.showAll();
        setCursor(h.reference().toEpochMilli());
    }

    private static List<Lane> lanes(ReviewedSession s) {
        List<Lane> lanes = new ArrayList<>();
        lanes.add(new Lane(LANE_HR, "HR / PR", "/min", 40, 140, 1.2, List.of(
                new Track(HR, "HR", "/min", "#33e06a", MAX_GAP_MS), new Track(PR, "PR", "/min", "#7fd4ff", MAX_GAP_MS))));
        lanes.add(new Lane(LANE_SPO2, "SpO2", "%", 85, 100, 1, List.of(new Track(SPO2, "SpO2", "%", "#4fc3f7", MAX_GAP_MS))));
        lanes.add(new Lane(LANE_NIBP, "NIBP", "mmHg", 40, 180, 1.4, List.of(
                new Track(NIBP_MEAN, "MAP", "mmHg", "#ff6e6e", 30 * 60_000L))));
        lanes.add(new Lane(LANE_RR, "RR", "/min", 5, 30, 0.7, List.of(new Track(RR, "RR", "/min", "#ffd54f", MAX_GAP_MS))));
        if (s.pleth().size() > 0) {
            lanes.add(new Lane(LANE_PLETH, "Pleth", "", 0, 1, 0.7, List.of(new Track(PLETH, "Pleth", "", "#4fc3f7", 2_000))));
        }
        return lanes;
    }

    private static Map<String, TimeSeries> series(Map<Vital, Trace> traces, Trace pleth) {
        Map<String, TimeSeries> out = new HashMap<>();
        for (Map.Entry<Vital, Trace> e : traces.entrySet()) {
            String id = TRACKS.get(e.getKey());
            if (id != null) {
                out.put(id, series(e.getValue()));
            }
        }
        if (pleth.size() > 0) {
            out.put(PLETH, series(pleth));
        }
        return out;
    }

    static TimeSeries series(Trace t) {
        long[] times = new long[t.size()];
        double[] values = new double[t.size()];
        long last = Long.MIN_VALUE;
        for (int i = 0; i < t.size(); i++) {
            last = Math.max(last, Math.round(t.time(i)));
            times[i] = last;
            values[i] = t.value(i);
        }
        return TimeSeries.wrap(times, values);
    }

    private static String laneOf(String parameter) {
        if (parameter == null) {
            return null;
        }
        return switch (parameter) {
            case "hr", "pr" -> LANE_HR;
            case "spo2" -> LANE_SPO2;
            case "nibp_sys", "nibp_dia", "nibp_mean" -> LANE_NIBP;
            case "rr" -> LANE_RR;
            default -> null;
        };
    }

    private static List<BaselineLine> baselines(SessionBaseline b) {
        if (b == null) {
            return List.of();
        }
        List<BaselineLine> out = new ArrayList<>();
        out.add(new BaselineLine(LANE_NIBP, b.sys(), "baseline sys " + number(b.sys())));
        out.add(new BaselineLine(LANE_NIBP, b.dia(), "baseline dia " + number(b.dia())));
        if (b.hr() != null) {
            out.add(new BaselineLine(LANE_HR, b.hr(), "baseline HR " + number(b.hr())));
        }
        if (b.spo2() != null) {
            out.add(new BaselineLine(LANE_SPO2, b.spo2(), "baseline SpO2 " + number(b.spo2())));
        }
        return out;
    }

    private static final EnumSet<SessionEventType> MARKED = EnumSet.of(SessionEventType.EVENT, SessionEventType.NOTE,
            SessionEventType.INFUSION, SessionEventType.SCORE, SessionEventType.CHECKPOINT, SessionEventType.BASELINE,
            SessionEventType.DISCHARGED, SessionEventType.RESUMED, SessionEventType.RECORDING_GAP);

    private static List<EventMarker> markers(List<ArchivedEvent> events) {
        List<EventMarker> out = new ArrayList<>();
        for (ArchivedEvent e : events) {
            if (MARKED.contains(e.event().type())) {
                out.add(new EventMarker(e.event().time().toEpochMilli(), eventText(e)));
            }
        }
        return out;
    }

    /** What an event says in the list and on its marker. */
    static String eventText(ArchivedEvent a) {
        RecordedEvent e = a.event();
        Map<String, String> d = a.effectiveDetail();
        String text = switch (e.type()) {
            case EVENT -> label(d.get("kind")) + (blank(d.get("detail")) ? "" : ": " + d.get("detail"));
            case NOTE -> d.getOrDefault("text", "");
            case INFUSION -> "Infusion " + d.getOrDefault("action", "") + (blank(d.get("rate_ml_h")) ? ""
                    : " at " + d.get("rate_ml_h") + " mL/h");
            case PHASE -> "Phase: " + label(d.get("phase"));
            case BASELINE -> "Baseline " + d.getOrDefault("nibp", "") + (blank(d.get("hr")) ? "" : ", HR " + d.get("hr"));
            case CHECKPOINT -> "BP " + label(d.get("label")) + " " + d.getOrDefault("nibp", "");
            case DISCHARGED -> "Discharged by " + d.getOrDefault("by", "?");
            default -> label(e.type().key()) + (d.isEmpty() ? "" : " " + e.detailText());
        };
        if (a.corrected()) {
            RecordedEvent last = a.corrections().get(a.corrections().size() - 1);
            text += " (corrected: " + last.detail().getOrDefault("reason", "") + ")";
        }
        return text;
    }

    private List<ReviewRow> rows(ReviewedSession s) {
        List<ReviewRow> out = new ArrayList<>();
        for (AlarmPeriod a : s.alarms()) {
            long t = a.from().toEpochMilli();
            String lasted = a.to() == null ? "still active" : Durations.text(Duration.between(a.from(), a.to()));
            out.add(new ReviewRow(t, clock(t), "alarm", (a.message() == null ? a.alarmId() : a.message()) + " · " + lasted,
                    a.priority()));
        }
        for (ArchivedEvent e : s.events()) {
            SessionEventType type = e.event().type();
            if (MARKED.contains(type) || type == SessionEventType.PHASE) {
                long t = e.event().time().toEpochMilli();
                out.add(new ReviewRow(t, clock(t), type.key(), eventText(e), null));
            }
        }
        out.sort(Comparator.comparingLong(ReviewRow::time));
        return out;
    }

    private static String title(SessionHeader h) {
        String who = h.patient() == null ? "Chair record (no patient)" : h.patient().name() + " · " + h.patient().mrn();
        return who + " · " + h.chairId();
    }

    private String headerText(SessionHeader h) {
        StringBuilder b = new StringBuilder();
        b.append(DATE.format(h.start().atZone(zone))).append(" – ")
                .append(h.end() == null ? "running" : CLOCK.format(h.end().atZone(zone)))
                .append(h.end() == null ? "" : " (" + ("closed".equals(h.endReason()) ? "closed" : "ended abnormally") + ")");
        if (h.dose() != null) {
            b.append("\nOrder: ").append(number(h.order().doseMgPerKg())).append(" mg/kg × ")
                    .append(number(h.order().weightKg())).append(" kg = ").append(number(h.dose().totalMg()))
                    .append(" mg; ").append(number(h.dose().volumeMl())).append(" mL at ")
                    .append(number(h.dose().rateMlPerH())).append(" mL/h over ").append(number(h.order().durationMin()))
                    .append(" min").append(blank(h.order().prescriber()) ? "" : " (" + h.order().prescriber() + ")");
        }
        if (h.baseline() != null) {
            b.append("\nBaseline: ").append(h.baseline().nibp())
                    .append(h.baseline().hr() == null ? "" : ", HR " + number(h.baseline().hr()))
                    .append(h.baseline().spo2() == null ? "" : ", SpO2 " + number(h.baseline().spo2()));
        }
        if (!h.phases().isEmpty()) {
            b.append("\nPhases: ");
            for (int i = 0; i < h.phases().size(); i++) {
                PhaseSpan p = h.phases().get(i);
                b.append(i == 0 ? "" : " · ").append(p.phase().label()).append(' ')
                        .append(CLOCK.format(p.from().atZone(zone)).substring(0, 5));
            }
        }
        if (!h.devices().isEmpty()) {
            b.append("\nDevices: ");
            b.append(String.join(", ", h.devices().stream().map(d -> d.label() + " (" + d.protocol() + ")").toList()));
        }
        b.append("\nRecorded by Vigil ").append(h.softwareVersion()).append(h.simulated() ? " (simulated devices)" : "");
        return b.toString();
    }

    // ---- the window ----

    private void viewportChanged(long start, long end, int widthPx) {
        ReviewedSession s = session.get();
        if (s == null || widthPx <= 1) {
            return;
        }
        long whole = s.to().toEpochMilli() - s.from().toEpochMilli();
        // the overview holds about OVERVIEW_COLUMNS columns of the whole: enough while the window is not much finer
        if ((end - start) / (double) widthPx >= whole / (double) OVERVIEW_COLUMNS / 1.5) {
            return;
        }
        long gen = windowGeneration.incrementAndGet();
        long id = s.header().id();
        background.execute(() -> {
            if (gen != windowGeneration.get()) {
                return;
            }
            Optional<SessionViewer> v = viewer.get();
            if (v.isEmpty()) {
                return;
            }
            try {
                TraceLoader loader = new TraceLoader(v.get().archive());
                Instant from = Instant.ofEpochMilli(start);
                Instant to = Instant.ofEpochMilli(end + 1);
                Map<String, TimeSeries> window = series(loader.vitals(id, from, to, TRACKS.keySet(), widthPx),
                        s.pleth().size() > 0 ? loader.wave(id, PLETH, from, to, widthPx) : org.vigil.review.Trace.empty());
                ui.execute(() -> {
                    if (gen == windowGeneration.get() && session.get() == s) {
                        Map<String, TimeSeries> merged = new HashMap<>(overview);
                        window.forEach((k, w) -> merged.put(k, splice(overview.getOrDefault(k, TimeSeries.EMPTY), w,
                                start, end + 1)));
                        state.setData(merged);
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> status.set("Cannot load this window: " + e.getMessage()));
            }
        });
    }

    /** {@code overview} outside [from, to), {@code detail} inside. */
    static TimeSeries splice(TimeSeries overview, TimeSeries detail, long from, long to) {
        int n = overview.size();
        long[] t = new long[n + detail.size()];
        double[] v = new double[t.length];
        int k = 0;
        for (int i = 0; i < n && overview.time(i) < from; i++, k++) {
            t[k] = overview.time(i);
            v[k] = overview.value(i);
        }
        for (int i = 0; i < detail.size(); i++, k++) {
            t[k] = detail.time(i);
            v[k] = detail.value(i);
        }
        for (int i = 0; i < n; i++) {
            if (overview.time(i) >= to) {
                t[k] = overview.time(i);
                v[k] = overview.value(i);
                k++;
            }
        }
        return TimeSeries.copyOf(t, v, k);
    }

    // ---- zoom, pan, cursor ----

    public void zoomIn() {
        viewport.zoomCentre(2);
    }

    public void zoomOut() {
        viewport.zoomCentre(0.5);
    }

    /** Pans by a tenth of the window; negative goes back in time. */
    public void pan(double fraction) {
        viewport.panFraction(fraction);
    }

    public void home() {
        viewport.toStart();
    }

    public void end() {
        viewport.toEnd();
    }

    public void showAll() {
        viewport.showAll();
    }

    /** Places the cursor at {@code t}: the read-out and the list's current row follow. */
    public void setCursor(long t) {
        state.setCursor(t);
        cursorMoved(state.readoutAt(t));
    }

    /** The chart's cursor moved (the chart tells this on the FX thread). */
    public void cursorMoved(CursorReadout r) {
        readout.set(readoutText(r));
        currentRow.set(rowAtOrBefore(r.time()));
    }

    /** Moves the chart to row {@code i} of the list (keeping the zoom) and puts the cursor there. */
    public void jumpToRow(int i) {
        if (i < 0 || i >= rows.size()) {
            return;
        }
        long t = rows.get(i).time();
        viewport.jumpTo(t);
        setCursor(t);
    }

    /** Moves the chart to the next alarm after the cursor (none: stays). */
    public void nextAlarm() {
        long now = state.cursor();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).isAlarm() && rows.get(i).time() > now) {
                jumpToRow(i);
                return;
            }
        }
    }

    private int rowAtOrBefore(long t) {
        int found = -1;
        for (int i = 0; i < rows.size() && rows.get(i).time() <= t; i++) {
            found = i;
        }
        return found;
    }

    String readoutText(CursorReadout r) {
        StringBuilder b = new StringBuilder();
        b.append(CLOCK.format(Instant.ofEpochMilli(r.time()).atZone(zone)));
        ReviewedSession s = session.get();
        if (s != null) {
            s.header().minutesSinceInfusionStart(Instant.ofEpochMilli(r.time())).ifPresent(m ->
                    b.append("  (").append(m >= 0 ? "+" : "").append(String.format(Locale.ROOT, "%.1f", m))
                            .append(" min since infusion start)"));
        }
        r.phase().ifPresent(p -> b.append("\nPhase: ").append(p));
        b.append('\n');
        for (CursorReadout.Value v : r.values()) {
            if (v.trackId().equals(PLETH)) {
                continue;
            }
            b.append(v.label()).append(' ').append(number(v.value())).append(' ').append(v.unit()).append("   ");
        }
        r.lastCuff().ifPresent(c -> b.append("\nLast cuff: ").append(number(c.sys())).append('/').append(number(c.dia()))
                .append(Double.isNaN(c.mean()) ? "" : " (" + number(c.mean()) + ")").append(" mmHg at ")
                .append(CLOCK.format(Instant.ofEpochMilli(c.time()).atZone(zone))));
        if (r.alarms().isEmpty()) {
            b.append("\nNo alarm active");
        } else {
            for (AlarmBand a : r.alarms()) {
                b.append('\n').append(a.marker()).append(' ').append(a.text());
            }
        }
        return b.toString();
    }

    private String clock(long t) {
        return CLOCK.format(Instant.ofEpochMilli(t).atZone(zone));
    }

    private static String label(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        String s = key.replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String number(double v) {
        return SessionListTexts.number(v);
    }

    // ---- what the view binds ----

    public ChartState chartState() {
        return state;
    }

    public ChartViewport viewport() {
        return viewport;
    }

    public ObjectProperty<ReviewedSession> sessionProperty() {
        return session;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty headerProperty() {
        return header;
    }

    public StringProperty readoutProperty() {
        return readout;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<ReviewRow> rows() {
        return rows;
    }

    public IntegerProperty currentRowProperty() {
        return currentRow;
    }

    /** Short durations as a nurse reads them. */
    static final class Durations {
        private Durations() {
        }

        static String text(Duration d) {
            long s = d.toSeconds();
            if (s < 120) {
                return s + " s";
            }
            return d.toMinutes() + " min";
        }
    }
}
