package org.vigil.ui;

import org.vigil.domain.Actor;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.BooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.chair.ChairFeed;
import org.vigil.chair.StationFeed;
import org.vigil.session.Phase;

/**
 * The station window's content: the station strip, a navigation bar (Overview, one button per
 * chair in its chair's alarm colour, Review), and either the overview or one chair's screen. On a
 * chair's screen a line in the navigation bar names the alarms of the other chairs, so no alarm
 * is out of sight. One frame loop drives the whole station: every chair's models each frame (the
 * overview reads them), the trends of the chair shown, the overview's cards.
 */
final class StationShell {

    private static final Logger log = LoggerFactory.getLogger(StationShell.class);
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** Index of the overview in {@link #shownProperty()}. */
    static final int OVERVIEW = -1;

    private final List<ChairScreen> screens = new ArrayList<>();
    private final List<ChairSummaryModel> summaries = new ArrayList<>();
    private final List<Button> chairButtons = new ArrayList<>();
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final OverviewPane overview;
    private final Button overviewButton = new Button("Overview");
    private final Label elsewhere = new Label();
    private final ObjectProperty<org.vigil.alarm.Priority> elsewherePriority = new SimpleObjectProperty<>();
    private final BooleanProperty elsewhereFlash = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> shown = new SimpleObjectProperty<>(OVERVIEW);
    private final AnimationTimer loop;
    private final org.vigil.ui.review.ReviewPane review;
    private final boolean reviewEnabled;
    private final Button reviewButton = new Button("Review");
    /** For admins: how many messages the interface engine refused (empty when none). */
    private final Button engineNotice = new Button();
    private long lastNoticeCheck = Long.MIN_VALUE;
    /** Index of the Review screen in {@link #shownProperty()}. */
    static final int REVIEW = -2;
    private long lastErrorLog = Long.MIN_VALUE;
    private boolean running;
    private boolean reviewPrepared;
    private final AuditTrailSource audit;
    private final AdminModel admin;
    /** The station's lock (login, automatic lock, emergency access); null in windows without logins (tools, tests). */
    private final LockModel lock;

    StationShell(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, AdminModel admin, SessionContext session) {
        this(feeds, station, user, admin, session, org.vigil.ui.review.ReviewContext.none(), null, AuditTrailSource.NONE);
    }

    StationShell(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, AdminModel admin, SessionContext session,
            org.vigil.ui.review.ReviewContext reviewContext) {
        this(feeds, station, user, admin, session, reviewContext, null, AuditTrailSource.NONE);
    }

    StationShell(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, AdminModel admin, SessionContext session,
            LockModel lock) {
        this(feeds, station, user, admin, session, org.vigil.ui.review.ReviewContext.none(), lock, AuditTrailSource.NONE);
    }

    StationShell(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, AdminModel admin, SessionContext session,
            org.vigil.ui.review.ReviewContext reviewContext, LockModel lock) {
        this(feeds, station, user, admin, session, reviewContext, lock, AuditTrailSource.NONE);
    }

    /**
     * {@code lock}: the station's lock (login, automatic lock, emergency access), or null for none;
     * {@code audit}: the audit trail an auditor or admin can open from the navigation bar.
     */
    StationShell(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, AdminModel admin, SessionContext session,
            org.vigil.ui.review.ReviewContext reviewContext, LockModel lock, AuditTrailSource audit) {
        Objects.requireNonNull(user, "user");
        this.lock = lock;
        this.audit = Objects.requireNonNull(audit, "audit");
        this.admin = admin;
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("no chair to show");
        }
        if (feeds.size() > 8) {
            log.warn("{} chairs configured; the overview is laid out for up to 8", feeds.size());
        }
        for (ChairFeed f : feeds) {
            ChairScreen s = new ChairScreen(f, user, ZoneId.systemDefault(), admin, session, false);
            screens.add(s);
            summaries.add(new ChairSummaryModel(f, s.viewModel(), s.sessionModel()));
            content.getChildren().add(s.root());
        }
        overview = new OverviewPane(summaries, this::show);
        overview.getStylesheets().add(css());
        content.getChildren().add(overview);
        reviewEnabled = reviewContext.enabled();
        review = new org.vigil.ui.review.ReviewPane(reviewContext);
        review.root().setVisible(false);
        content.getChildren().add(review.root());

        root.setId("stationShell");
        root.getStylesheets().add(css());
        root.setStyle("-fx-background-color: black;");
        VBox top = new VBox(new StationStrip(new StationStripModel(station, user)).root(), nav(user));
        if (lock != null) {
            top.getChildren().add(new LockPane(lock));
            lock.lockedProperty().addListener((o, was, now) -> applyLock(now, admin));
            applyLock(lock.locked(), admin);
        } else {
            prepareReviewSoon();
        }
        root.setTop(top);
        root.setCenter(content);
        loop = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        root.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                loop.stop();
                running = false;
            } else if (!running) {
                running = true;
                loop.start();
            }
        });
        show(feeds.size() > 1 ? OVERVIEW : 0);
    }

    private static String css() {
        return Objects.requireNonNull(ChairScreen.class.getResource("vigil.css"), "vigil.css").toExternalForm();
    }

    private HBox nav(Supplier<Actor> user) {
        overviewButton.setId("navOverview");
        overviewButton.setOnAction(e -> show(OVERVIEW));
        HBox bar = new HBox(8, overviewButton);
        for (int i = 0; i < screens.size(); i++) {
            int index = i;
            ChairSummaryModel m = summaries.get(i);
            Button b = new Button(m.labelProperty().get());
            b.setId("nav-" + m.feed().chairId());
            b.getStyleClass().add("nav-chair");
            b.setOnAction(e -> show(index));
            AlarmStyles.bind(b, m.alarmProperty(), m.flashOnProperty());
            chairButtons.add(b);
            bar.getChildren().add(b);
        }
        Button review = reviewButton;
        review.setId("navReview");
        review.setDisable(!reviewEnabled);
        review.setTooltip(new Tooltip(reviewEnabled ? "Past sessions: find one, review its charts, a patient's course"
                : "Past sessions cannot be reviewed: this station has no session database"));
        review.setOnAction(e -> show(REVIEW));
        elsewhere.setId("alarmsElsewhere");
        elsewhere.getStyleClass().add("alarms-elsewhere");
        elsewhere.setMinWidth(0);
        elsewhere.visibleProperty().bind(elsewhere.textProperty().isNotEmpty());
        AlarmStyles.bind(elsewhere, elsewherePriority, elsewhereFlash);
        HBox.setHgrow(elsewhere, Priority.ALWAYS);
        elsewhere.setMaxWidth(Double.MAX_VALUE);
        Button auditTrail = new Button("Audit trail");
        auditTrail.setId("navAudit");
        auditTrail.setTooltip(new Tooltip("Who did what at this station (auditors and admins)"));
        // an auditor or admin logged in, or admin mode; the trail checks the role again
        javafx.beans.binding.BooleanBinding mayReadTrail = lock == null
                ? javafx.beans.binding.Bindings.createBooleanBinding(() -> admin.activeProperty().get(), admin.activeProperty())
                : javafx.beans.binding.Bindings.createBooleanBinding(() -> admin.activeProperty().get()
                        || (!lock.lockedProperty().get() && (user.get().role() == org.vigil.domain.Role.AUDITOR
                                || user.get().role() == org.vigil.domain.Role.ADMIN)),
                        admin.activeProperty(), lock.lockedProperty(), lock.whoProperty());
        auditTrail.visibleProperty().bind(mayReadTrail);
        auditTrail.managedProperty().bind(auditTrail.visibleProperty());
        auditTrail.setOnAction(e -> AuditTrailView.open(root.getScene() == null ? null : root.getScene().getWindow(),
                new AuditTrailModel(audit, () -> actingAs(user), ZoneId.systemDefault(), AUDIT_READS, Platform::runLater),
                ZoneId.systemDefault()));
        engineNotice.setId("engineNotice");
        engineNotice.getStyleClass().add("nav-warning");
        engineNotice.setTooltip(new Tooltip("Messages the clinic's interface engine refused: click to read its answers"));
        engineNotice.visibleProperty().bind(admin.activeProperty().and(engineNotice.textProperty().isNotEmpty()));
        engineNotice.managedProperty().bind(engineNotice.visibleProperty());
        engineNotice.setOnAction(e -> {
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING);
            a.setTitle("Interface engine");
            a.setHeaderText("The interface engine refused these messages; they are kept and not sent again");
            javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(
                    String.join("\n", admin.station().interfaceEngineNotices()));
            text.setEditable(false);
            text.setWrapText(true);
            a.getDialogPane().setContent(text);
            a.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
            a.show();
        });
        bar.getChildren().addAll(review, auditTrail, engineNotice, elsewhere);
        if (lock != null) {
            Label who = new Label();
            who.setId("actingUser");
            who.getStyleClass().add("nav-user-label");
            who.setMinWidth(Region.USE_PREF_SIZE);
            who.textProperty().bind(lock.whoProperty());
            who.setTooltip(new Tooltip("Who is logged in: recorded with every action"));
            Button lockButton = new Button("Lock");
            lockButton.setId("lockButton");
            lockButton.setOnAction(e -> lock.lock("lock"));
            lockButton.visibleProperty().bind(lock.lockedProperty().not());
            lockButton.managedProperty().bind(lockButton.visibleProperty());
            bar.getChildren().addAll(who, lockButton);
        }
        bar.getStyleClass().add("station-nav");
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Node n : bar.getChildren()) {
            if (n instanceof Button btn) {
                btn.setFocusTraversable(false);
                btn.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return bar;
    }

    /** Reads of the audit trail, off the FX thread. */
    private static final java.util.concurrent.Executor AUDIT_READS = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-audit-read");
        t.setDaemon(true);
        return t;
    });

    /** Who reads the audit trail now: the admin while admin mode is on, otherwise whoever is logged in. */
    private Actor actingAs(Supplier<Actor> user) {
        Actor a = admin.activeProperty().get() ? admin.user() : null;
        return a != null ? a : user.get();
    }

    /** Shows chair {@code index}, the overview for {@link #OVERVIEW}, past sessions for {@link #REVIEW}. */
    void show(int index) {
        boolean toReview = index == REVIEW && shown.get() != REVIEW;
        shown.set(index);
        overview.setVisible(index == OVERVIEW);
        overviewButton.pseudoClassStateChanged(SELECTED, index == OVERVIEW);
        review.root().setVisible(index == REVIEW);
        reviewButton.pseudoClassStateChanged(SELECTED, index == REVIEW);
        if (toReview) {
            review.shown();
        }
        for (int i = 0; i < screens.size(); i++) {
            screens.get(i).root().setVisible(i == index);
            chairButtons.get(i).pseudoClassStateChanged(SELECTED, i == index);
        }
    }

    /** Locks or unlocks every chair screen; locking also leaves admin mode. */
    private void applyLock(boolean locked, AdminModel admin) {
        if (locked) {
            admin.logOff();
        }
        for (ChairScreen s : screens) {
            s.setLocked(locked);
        }
        for (ChairSummaryModel m : summaries) {
            m.setLocked(locked);
        }
        // past sessions carry names and MRNs: never at the lock screen
        reviewButton.setDisable(locked || !reviewEnabled);
        if (locked && shown.get() == REVIEW) {
            show(screens.size() > 1 ? OVERVIEW : 0);
        }
        if (locked) {
            review.forgetList();
            reviewPrepared = false;
        } else {
            prepareReviewSoon();
        }
    }

    /**
     * Once the Review can be opened (no lock, or a login), its session list is read and laid out
     * hidden a moment later ({@link org.vigil.ui.review.ReviewPane#prepare()}): the first click on
     * Review then shows the list at once instead of making the table's rows and their styles while
     * the nurse waits. Never while locked: the list holds names and MRNs, so locking empties it.
     */
    private void prepareReviewSoon() {
        if (reviewPrepared || !reviewEnabled) {
            return;
        }
        reviewPrepared = true;
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(REVIEW_PREPARE_DELAY);
        later.setOnFinished(e -> {
            if (lock != null && lock.locked()) {
                reviewPrepared = false; // locked again meanwhile: at the next login
            } else {
                review.prepare();
            }
        });
        later.play();
    }

    /** After the window opens or the first login: the chairs' first frames and the login come first. */
    static final javafx.util.Duration REVIEW_PREPARE_DELAY = javafx.util.Duration.seconds(2);

    LockModel lock() {
        return lock;
    }

    /** One frame of the whole station. */
    void frame(long now) {
        try {
            if (lock != null) {
                lock.tick();
            }
            for (ChairScreen s : screens) {
                s.frame(now);
            }
            for (ChairSummaryModel m : summaries) {
                m.update(now);
            }
            updateElsewhere(now);
            updateEngineNotice(now);
        } catch (RuntimeException e) {
            if (lastErrorLog == Long.MIN_VALUE || now - lastErrorLog > 10_000_000_000L) {
                lastErrorLog = now;
                log.warn("station frame failed", e);
            }
        }
    }

    /** Once a second while admin mode is on: the interface engine's refusals (a copy of a short list). */
    void updateEngineNotice(long now) {
        if (!admin.activeProperty().get()
                || (lastNoticeCheck != Long.MIN_VALUE && now - lastNoticeCheck < 1_000_000_000L)) {
            return;
        }
        lastNoticeCheck = now;
        int n = admin.station().interfaceEngineNotices().size();
        engineNotice.setText(n == 0 ? "" : "Interface engine refused " + n + (n == 1 ? " message" : " messages"));
    }

    private void updateElsewhere(long now) {
        int current = shown.get();
        if (current == OVERVIEW) {
            elsewhere.setText("");
            elsewherePriority.set(null);
            return;
        }
        StringBuilder text = new StringBuilder();
        org.vigil.alarm.Priority worst = null;
        for (int i = 0; i < summaries.size(); i++) {
            ChairSummaryModel m = summaries.get(i);
            if (i == current || m.alarmProperty().get() == null) {
                continue;
            }
            if (text.length() > 0) {
                text.append("   \u00B7   ");
            }
            text.append(m.labelProperty().get()).append(": ").append(m.alarmTextProperty().get());
            if (worst == null || m.alarmProperty().get().compareTo(worst) > 0) {
                worst = m.alarmProperty().get();
            }
        }
        elsewhere.setText(text.toString());
        elsewherePriority.set(worst);
        elsewhereFlash.set(Flash.on(worst, now));
    }

    Parent root() {
        return root;
    }

    org.vigil.ui.review.ReviewPane review() {
        return review;
    }

    List<ChairScreen> screens() {
        return screens;
    }

    List<ChairSummaryModel> summaries() {
        return summaries;
    }

    ObjectProperty<Integer> shownProperty() {
        return shown;
    }

    /**
     * What closing the window means while clinical sessions run, or empty when none runs: how many,
     * which, and that they stay open and resume when the station starts again.
     */
    static java.util.Optional<String> closeWarning(List<ChairFeed> feeds) {
        List<String> running = new ArrayList<>();
        for (ChairFeed f : feeds) {
            f.clinicalSession().filter(v -> v.phase() != Phase.DISCHARGED).ifPresent(v -> running.add(
                    f.chairLabel() + " (" + v.patient().initials() + ", " + v.phase().label().toLowerCase(java.util.Locale.ROOT)
                            + ")"));
        }
        if (running.isEmpty()) {
            return java.util.Optional.empty();
        }
        String n = running.size() == 1 ? "1 session is running" : running.size() + " sessions are running";
        return java.util.Optional.of(n + ": " + String.join(", ", running) + ".\n\n"
                + (running.size() == 1 ? "It stays open and resumes" : "They stay open and resume")
                + " when the station starts again. While the station is closed nothing is monitored or recorded and no"
                + " alarm sounds.");
    }
}
