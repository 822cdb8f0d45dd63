package org.vigil.ui.review;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.review.SessionArchive;
import org.vigil.review.SessionFilter;
import org.vigil.review.SessionRow;
import org.vigil.session.Phase;

/**
 * The session list: the filter a user sets and the sessions it keeps, newest first. Every change
 * of the filter queries again on the background executor; the answer is applied on the UI
 * executor, and an answer to an older filter is dropped. The first {@value #FIRST_PAGE} rows come
 * first (what a screen shows at once), then the rest.
 */
public final class SessionListModel {

    static final int FIRST_PAGE = 100;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Supplier<Optional<SessionArchive>> archive;
    private final Executor background;
    private final Executor ui;
    private final ZoneId zone;
    private final InstantSource clock;
    private final AtomicLong generation = new AtomicLong();

    private final StringProperty patient = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty chair = new SimpleStringProperty();
    private final BooleanProperty highAlarm = new SimpleBooleanProperty();
    private final ObjectProperty<Phase> phaseReached = new SimpleObjectProperty<>();
    private final BooleanProperty endedAbnormally = new SimpleBooleanProperty();
    private final ObservableList<SessionRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> chairs = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty complete = new SimpleBooleanProperty();

    public SessionListModel(Supplier<Optional<SessionArchive>> archive, Executor background, Executor ui, ZoneId zone,
            InstantSource clock) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        patient.addListener((o, a, b) -> refresh());
        from.addListener((o, a, b) -> refresh());
        to.addListener((o, a, b) -> refresh());
        chair.addListener((o, a, b) -> refresh());
        highAlarm.addListener((o, a, b) -> refresh());
        phaseReached.addListener((o, a, b) -> refresh());
        endedAbnormally.addListener((o, a, b) -> refresh());
    }

    /** The filter as set now. */
    public SessionFilter filter() {
        Instant f = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant t = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        String c = chair.get() == null || chair.get().isBlank() ? null : chair.get();
        return new SessionFilter(patient.get(), f, t, c, highAlarm.get(), phaseReached.get(), endedAbnormally.get(), 0);
    }

    /** Queries again with the filter as set now. */
    public void refresh() {
        long gen = generation.incrementAndGet();
        SessionFilter f = filter();
        complete.set(false);
        background.execute(() -> {
            Optional<SessionArchive> a = archive.get();
            if (a.isEmpty()) {
                ui.execute(() -> {
                    if (gen == generation.get()) {
                        rows.clear();
                        status.set("The session database cannot be read now.");
                        complete.set(true);
                    }
                });
                return;
            }
            try {
                List<String> knownChairs = a.get().chairs();
                List<SessionRow> first = a.get().list(f.withLimit(FIRST_PAGE));
                ui.execute(() -> apply(gen, first, knownChairs, first.size() < FIRST_PAGE));
                if (first.size() >= FIRST_PAGE && gen == generation.get()) {
                    List<SessionRow> all = a.get().list(f);
                    ui.execute(() -> apply(gen, all, knownChairs, true));
                }
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (gen == generation.get()) {
                        status.set("Cannot read the sessions: " + e.getMessage());
                        complete.set(true);
                    }
                });
            }
        });
    }

    private void apply(long gen, List<SessionRow> found, List<String> knownChairs, boolean all) {
        if (gen != generation.get()) {
            return;
        }
        rows.setAll(found);
        if (!chairs.equals(knownChairs)) {
            chairs.setAll(knownChairs);
        }
        status.set(all ? (found.size() == 1 ? "1 session" : found.size() + " sessions") : "first " + found.size()
                + " sessions…");
        complete.set(all);
    }

    public StringProperty patientProperty() {
        return patient;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty chairProperty() {
        return chair;
    }

    public BooleanProperty highAlarmProperty() {
        return highAlarm;
    }

    public ObjectProperty<Phase> phaseReachedProperty() {
        return phaseReached;
    }

    public BooleanProperty endedAbnormallyProperty() {
        return endedAbnormally;
    }

    public ObservableList<SessionRow> rows() {
        return rows;
    }

    public ObservableList<String> chairs() {
        return chairs;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** True once the answer to the current filter is all there. */
    public BooleanProperty completeProperty() {
        return complete;
    }

    // ---- the columns' texts ----

    public String date(SessionRow r) {
        return DATE.format(r.start().atZone(zone));
    }

    public static String patient(SessionRow r) {
        return r.patientName() == null ? "—" : r.patientName() + " (" + r.mrn() + ")";
    }

    public String duration(SessionRow r) {
        Duration d = r.duration(clock.instant());
        String s = d.toHours() + " h " + String.format(Locale.ROOT, "%02d", d.toMinutesPart()) + " min";
        return r.isOpen() ? s + " (running)" : r.endedAbnormally() ? s + " (ended abnormally)" : s;
    }

    public static String dose(SessionRow r) {
        if (r.doseMgPerKg() == null) {
            return "—";
        }
        return number(r.doseMgPerKg()) + " mg/kg" + (r.totalMg() == null ? "" : " · " + number(r.totalMg()) + " mg");
    }

    public static String peakSys(SessionRow r) {
        return r.peakSys() == null ? "—" : number(r.peakSys());
    }

    public static String minSpo2(SessionRow r) {
        return r.minSpo2() == null ? "—" : number(r.minSpo2());
    }

    /** "2 high · 1 med · 0 low". */
    public static String alarms(SessionRow r) {
        return r.alarmsHigh() + " high · " + r.alarmsMedium() + " med · " + r.alarmsLow() + " low";
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
