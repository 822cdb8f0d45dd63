package org.vigil.ui.review;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
 * of the filter queries again on the background executor; each answer is applied on the UI
 * executor, and an answer to an older filter is dropped.
 *
 * <p>The list comes in pages read on from the last row ({@link SessionListQuery}): the first
 * {@value #FIRST_PAGE} rows (more than a screen shows) with the number of sessions and the
 * chairs, then the rest {@value #NEXT_PAGE} at a time, each page asked for once the one before is
 * applied, so the first screenful never waits for thousands of rows. Rows come with their column
 * texts. Where a page holds the sessions the list shows there already (the Review screen shown
 * again), only the rows that differ are replaced (a running session's duration), so the table
 * redraws those cells alone, none when nothing changed; that comparison runs on the query thread
 * too, so the FX thread only ever places rows.
 */
public final class SessionListModel {

    /** Rows read before the list shows anything: more than a screen holds. */
    public static final int FIRST_PAGE = 100;
    static final int NEXT_PAGE = 1_000;

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
    private final ObservableList<ListedSession> rows = FXCollections.observableArrayList();
    private final ObservableList<String> chairs = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty answered = new SimpleBooleanProperty();
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

    /** Queries again with the filter as set now: the first page, then the rest page by page. */
    public void refresh() {
        Listing l = new Listing(generation.incrementAndGet(), filter(), List.copyOf(rows));
        answered.set(false);
        complete.set(false);
        background.execute(() -> readFirst(l));
    }

    /**
     * Empties the list (names and MRNs leave the screen's nodes) and drops any answer still on its
     * way; the next {@link #refresh()} reads it again.
     */
    public void clear() {
        generation.incrementAndGet();
        rows.clear();
        status.set("");
        answered.set(false);
        complete.set(false);
    }

    /**
     * One query's way through the pages: the filter, the rows the list held when it began (to tell
     * on the query thread what a page changes), and how far it has come. Passed from the query
     * thread to the UI executor and back, used by one of them at a time.
     */
    private final class Listing {
        final long gen;
        final SessionFilter filter;
        final List<ListedSession> before;
        SessionListQuery query;
        /** Rows placed so far. */
        int loaded;
        /** True while every page so far held the sessions the list held there, in the same order. */
        boolean aligned = true;

        Listing(long gen, SessionFilter filter, List<ListedSession> before) {
            this.gen = gen;
            this.filter = filter;
            this.before = before;
        }

        boolean current() {
            return gen == generation.get();
        }

        /**
         * On the query thread: what {@code page} changes at {@code at}. Null when the list holds
         * other sessions there (or fewer): the page replaces everything from {@code at} on. Else
         * the page's indexes whose row differs (a running session's duration, a summary written
         * since), none when the page is shown already.
         */
        int[] changes(int at, List<ListedSession> page) {
            if (!aligned || before.size() < at + page.size()) {
                return null;
            }
            int[] changed = new int[page.size()];
            int n = 0;
            for (int i = 0; i < page.size(); i++) {
                ListedSession was = before.get(at + i);
                ListedSession now = page.get(i);
                if (was.row().id() != now.row().id()) {
                    return null;
                }
                if (!was.equals(now)) {
                    changed[n++] = i;
                }
            }
            return java.util.Arrays.copyOf(changed, n);
        }
    }

    /** On the background executor. */
    private void readFirst(Listing l) {
        Optional<SessionArchive> a = archive.get();
        if (a.isEmpty()) {
            ui.execute(() -> {
                if (l.current()) {
                    rows.clear();
                    finish("The session database cannot be read now.");
                }
            });
            return;
        }
        try {
            l.query = new SessionListQuery(a.get(), zone, clock.instant());
            SessionListQuery.FirstPage page = l.query.first(l.filter, FIRST_PAGE);
            int[] changes = l.changes(0, page.rows());
            ui.execute(() -> showFirst(l, page, changes));
        } catch (RuntimeException e) {
            failed(l, e);
        }
    }

    /** On the UI executor. */
    private void showFirst(Listing l, SessionListQuery.FirstPage page, int[] changes) {
        if (!l.current()) {
            return;
        }
        if (!chairs.equals(page.chairs())) {
            chairs.setAll(page.chairs());
        }
        place(l, page.rows(), changes);
        status.set(count(page.total()));
        answered.set(true);
        readNext(l, page.rows(), FIRST_PAGE);
    }

    /** On the UI executor: asks for the page after {@code page} unless it was the last one. */
    private void readNext(Listing l, List<ListedSession> page, int asked) {
        if (page.size() < asked) {
            if (rows.size() > l.loaded) {
                rows.remove(l.loaded, rows.size()); // rows of an earlier listing beyond the end
            }
            finish(count(rows.size()));
            return;
        }
        SessionRow last = page.get(page.size() - 1).row();
        int at = l.loaded;
        background.execute(() -> {
            if (!l.current()) {
                return;
            }
            try {
                List<ListedSession> more = l.query.after(l.filter, last, NEXT_PAGE);
                int[] changes = l.changes(at, more);
                ui.execute(() -> {
                    if (l.current()) {
                        place(l, more, changes);
                        readNext(l, more, NEXT_PAGE);
                    }
                });
            } catch (RuntimeException e) {
                failed(l, e);
            }
        });
    }

    /**
     * Puts {@code page} after the rows placed so far. Where the list holds the same sessions there
     * already ({@code changes} not null, found on the query thread) only the rows that differ are
     * set, one by one: the table redraws those cells and keeps the others as drawn (none when
     * nothing changed). Otherwise the page replaces everything from there on.
     */
    private void place(Listing l, List<ListedSession> page, int[] changes) {
        int at = l.loaded;
        l.loaded = at + page.size();
        if (changes != null) {
            for (int i : changes) {
                rows.set(at + i, page.get(i));
            }
            return;
        }
        l.aligned = false;
        if (at == 0) {
            rows.setAll(page);
            return;
        }
        if (rows.size() > at) {
            rows.remove(at, rows.size());
        }
        rows.addAll(page);
    }

    private void finish(String text) {
        status.set(text);
        answered.set(true);
        complete.set(true);
    }

    /** From a background thread. */
    private void failed(Listing l, RuntimeException e) {
        ui.execute(() -> {
            if (l.current()) {
                finish("Cannot read the sessions: " + e.getMessage());
            }
        });
    }

    private static String count(int n) {
        return n == 1 ? "1 session" : n + " sessions";
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

    /** The sessions listed so far with their column texts, newest first. */
    public ObservableList<ListedSession> rows() {
        return rows;
    }

    public ObservableList<String> chairs() {
        return chairs;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /**
     * False from a new query until its first answer is shown: the first page (with the number of
     * sessions), or why there is none.
     */
    public ReadOnlyBooleanProperty answeredProperty() {
        return answered;
    }

    /** True once the answer to the current filter is all there (every page read). */
    public BooleanProperty completeProperty() {
        return complete;
    }
}
