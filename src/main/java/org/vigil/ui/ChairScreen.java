package org.vigil.ui;

import org.vigil.domain.Actor;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.vigil.chair.ChairFeed;
import org.vigil.chair.StationAdmin;

/**
 * The chair screen: numerics, trends, device states and alarms of one chair, read from a
 * {@link ChairFeed}. Build it on the FX thread and put {@link #root()} in a scene; while the root
 * is in a scene, one {@code AnimationTimer} drains the feed once per frame and updates the view.
 * Removing the root from its scene stops the timer. The commands (acknowledge, pause audio, set
 * baseline, limit changes) are sent to the feed as the user named by the {@code user} supplier at
 * click time; admin actions (alarm off/on, clinic defaults) as the admin. The Limits, Alarm log and
 * Admin buttons open their panels in place of the trend charts.
 */
public final class ChairScreen {

    /**
     * Who acts on a screen built without a station window's login (tools, benchmarks and tests):
     * a nurse named "nurse". The station window always acts as the user logged in or as someone at
     * the lock screen ({@link ActingUser}).
     */
    public static final Actor DEFAULT_USER = new Actor("nurse", "nurse", org.vigil.domain.Role.NURSE, null, "system");
    /** The simulated-devices banner text. */
    public static final String SIMULATED_TEXT = "SIMULATED DEVICES \u2014 NOT CONNECTED TO A PATIENT";

    private static final double BASE_FONT_PX = 15;

    private final ChairFeed feed;
    private final ChairViewModel vm;
    private final BorderPane root = new BorderPane();
    private final FrameLoop loop;
    private final WaveformCanvas wave;
    private final ChairTools tools;
    private final SessionPanelModel sessionModel;
    private final CheckInModel checkIn;
    /** The screen's base font size; 15 px at 1280x800, growing with the window. */
    private final DoubleProperty fontPx = new SimpleDoubleProperty(BASE_FONT_PX);
    /** True while the station is locked: no patient name or MRN on screen, only alarm handling works. */
    private final javafx.beans.property.BooleanProperty locked = new javafx.beans.property.SimpleBooleanProperty(false);
    private VBox top;
    private SessionStrip strip;
    private Label lockedStrip;

    /** A screen for {@code feed} with user {@link #DEFAULT_USER} and the system time zone. */
    public ChairScreen(ChairFeed feed) {
        this(feed, () -> DEFAULT_USER);
    }

    /** A screen for {@code feed}; {@code user} names who clicks, read at each click. */
    public ChairScreen(ChairFeed feed, Supplier<Actor> user) {
        this(feed, user, ZoneId.systemDefault());
    }

    /** As above, showing the wall clock in {@code zone}; admin actions disabled (no admin PIN). */
    public ChairScreen(ChairFeed feed, Supplier<Actor> user, ZoneId zone) {
        this(feed, user, zone, new AdminModel(StationAdmin.DISABLED, InstantSource.system()));
    }

    /** As above, with the admin role of the window ({@code admin}, shared by its chair screens). */
    ChairScreen(ChairFeed feed, Supplier<Actor> user, ZoneId zone, AdminModel admin) {
        this(feed, user, zone, admin, SessionContext.none(), true);
    }

    /**
     * As above, with the session screens' patient list and rules ({@code session}); with
     * {@code ownLoop} false the station's one frame loop calls {@link #frame} instead of a timer of
     * this screen's own.
     */
    ChairScreen(ChairFeed feed, Supplier<Actor> user, ZoneId zone, AdminModel admin, SessionContext session,
            boolean ownLoop) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.vm = new ChairViewModel(feed, Objects.requireNonNull(user, "user"), Objects.requireNonNull(zone, "zone"));
        List<TrendCanvas> charts = List.of(chart(TrendKind.HEART), chart(TrendKind.SPO2), chart(TrendKind.NIBP));
        VBox trends = new VBox(6);
        trends.getStyleClass().add("trends");
        this.wave = new WaveformCanvas(feed::pleth, feed::now);
        wave.setVisible(false);
        wave.setManaged(false);
        trends.getChildren().add(wave);
        for (TrendCanvas c : charts) {
            VBox.setVgrow(c, Priority.ALWAYS);
            trends.getChildren().add(c);
        }
        StackPane area = new StackPane(trends);
        area.getStyleClass().add("panel-area");
        this.tools = new ChairTools(feed, Objects.requireNonNull(admin, "admin"), user, zone, area, trends,
                vm::showBaselineResult);
        this.sessionModel = new SessionPanelModel(feed, user, zone, Platform::runLater);
        this.checkIn = new CheckInModel(feed, session.patients(), session.rules(), user, session.background(),
                Platform::runLater);
        tools.sessionPane(new SessionPane(sessionModel, checkIn, () -> tools.show(ChairTools.Panel.TRENDS),
                () -> session.exports().lastSigned(feed.chairId(), user.get())));
        this.loop = new FrameLoop(vm, charts, now -> {
            sessionModel.update(feed.now());
            tools.onFrame(now);
        }, wave::frame);
        build(area);
        if (ownLoop) {
            root.sceneProperty().addListener((o, was, now) -> {
                if (now == null) {
                    loop.stop();
                } else if (!loop.running()) {
                    loop.start();
                }
            });
        }
    }

    /**
     * One frame when the station's loop drives this screen: the view models always (the overview
     * reads them), the trend charts only while the screen is shown.
     */
    void frame(long frameNanos) {
        loop.frame(frameNanos, root.isVisible() && root.getScene() != null);
    }

    SessionPanelModel sessionModel() {
        return sessionModel;
    }

    CheckInModel checkInModel() {
        return checkIn;
    }

    /** Opens (or closes) the session panel: check-in on a free chair, the session's actions otherwise. */
    void toggleSessionPanel() {
        tools.show(tools.shown() == ChairTools.Panel.SESSION ? ChairTools.Panel.TRENDS : ChairTools.Panel.SESSION);
    }

    /**
     * Locks or unlocks the screen. Locked: the session line (patient name, MRN, allergies) and any
     * open panel leave the scene graph, the tools are disabled; numerics, trends and alarms stay,
     * and Acknowledge and Pause audio still work.
     */
    void setLocked(boolean on) {
        if (on == locked.get()) {
            return;
        }
        locked.set(on);
        tools.buttons().setDisable(on);
        if (on) {
            tools.show(ChairTools.Panel.TRENDS);
            top.getChildren().set(top.getChildren().indexOf(strip), lockedStrip);
        } else {
            top.getChildren().set(top.getChildren().indexOf(lockedStrip), strip);
        }
    }

    boolean locked() {
        return locked.get();
    }

    /** The screen's node tree, styled by {@code vigil.css}. */
    public Parent root() {
        return root;
    }

    /** The feed this screen shows. */
    public ChairFeed feed() {
        return feed;
    }

    ChairViewModel viewModel() {
        return vm;
    }

    WaveformCanvas waveform() {
        return wave;
    }

    ChairTools tools() {
        return tools;
    }

    private void build(StackPane area) {
        root.getStyleClass().add("chair-screen");
        root.setId("chairScreen");
        root.getStylesheets().add(Objects.requireNonNull(ChairScreen.class.getResource("vigil.css"), "vigil.css").toExternalForm());
        AlarmStyles.bind(root, vm.alarmArea().highestProperty(), vm.alarmArea().flashOnProperty());
        root.widthProperty().addListener((o, a, b) -> scaleFont());
        root.heightProperty().addListener((o, a, b) -> scaleFont());

        Label simulated = new Label(SIMULATED_TEXT);
        simulated.setId("simulatedBanner");
        simulated.getStyleClass().add("simulated-banner");
        simulated.setMaxWidth(Double.MAX_VALUE);
        simulated.visibleProperty().bind(vm.simulatedProperty());
        simulated.managedProperty().bind(vm.simulatedProperty());

        // an overdue cuff reading or score: a reminder bar under the session strip
        Label reminder = new Label();
        reminder.setId("reminderBar");
        reminder.getStyleClass().add("reminder-bar");
        reminder.setMaxWidth(Double.MAX_VALUE);
        reminder.textProperty().bind(sessionModel.reminderProperty());
        reminder.visibleProperty().bind(sessionModel.reminderProperty().isNotEmpty());
        reminder.managedProperty().bind(reminder.visibleProperty());
        strip = new SessionStrip(sessionModel, this::toggleSessionPanel);
        lockedStrip = new Label("Locked: patient details hidden — log in to see them");
        lockedStrip.setId("lockedStrip");
        lockedStrip.getStyleClass().add("session-strip");
        lockedStrip.setMaxWidth(Double.MAX_VALUE);
        top = new VBox(simulated, header(), strip, reminder, new AlarmBanner(vm.alarmArea()));
        top.getStyleClass().add("top-area");
        root.setTop(top);

        VBox tiles = new VBox(8,
                grow(new NumericTile(vm.heart())), grow(new NumericTile(vm.spo2())),
                grow(new NumericTile(vm.nibp())), grow(new NumericTile(vm.rr())));
        tiles.getStyleClass().add("tiles");
        tiles.setMinWidth(380);
        tiles.prefWidthProperty().bind(root.widthProperty().multiply(0.40));
        HBox.setHgrow(area, Priority.ALWAYS);
        // The panels' own widths never squeeze the numerics: the area takes what the tiles leave.
        area.setMinWidth(0);
        area.setPrefWidth(0);
        HBox center = new HBox(8, area, tiles);
        center.getStyleClass().add("center-area");
        root.setCenter(center);

        AlarmList list = new AlarmList(vm.alarmArea());
        HBox.setHgrow(list, Priority.ALWAYS);
        AlarmControls controls = new AlarmControls(vm, () -> tools.show(
                tools.shown() == ChairTools.Panel.BASELINE ? ChairTools.Panel.TRENDS : ChairTools.Panel.BASELINE), locked);
        HBox bottom = new HBox(8, list, controls);
        bottom.getStyleClass().add("bottom-area");
        root.setBottom(bottom);
    }

    /** Scales the base font (15 px at 1280x800) with the window; vigil.css sizes text in em. */
    private void scaleFont() {
        double w = root.getWidth();
        double h = root.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        double scale = Math.max(0.8, Math.min(2.5, Math.min(w / StationWindow.DEFAULT_WIDTH, h / StationWindow.DEFAULT_HEIGHT)));
        double px = Math.round(BASE_FONT_PX * scale * 2) / 2.0;
        if (px != fontPx.get()) {
            fontPx.set(px);
            root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", px));
        }
    }

    private HBox header() {
        Label chair = new Label();
        chair.setId("chairLabel");
        chair.getStyleClass().add("chair-label");
        chair.textProperty().bind(vm.chairLabelProperty());
        chair.setMinWidth(Region.USE_PREF_SIZE);
        Label session = new Label();
        session.setId("sessionTime");
        session.getStyleClass().add("session-time");
        session.textProperty().bind(vm.sessionTimeProperty().concat(" in session"));
        session.setMinWidth(Region.USE_PREF_SIZE);
        Label clock = new Label();
        clock.setId("clock");
        clock.getStyleClass().add("clock");
        clock.textProperty().bind(vm.clockProperty());
        clock.setMinWidth(Region.USE_PREF_SIZE);
        Label alarmsOff = new Label();
        alarmsOff.setId("alarmsOff");
        alarmsOff.getStyleClass().add("alarms-off");
        alarmsOff.setGraphic(new AlarmOffIcon());
        alarmsOff.textProperty().bind(vm.alarmsOffProperty());
        alarmsOff.visibleProperty().bind(vm.alarmsOffProperty().isNotEmpty());
        alarmsOff.managedProperty().bind(alarmsOff.visibleProperty());
        alarmsOff.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(16, chair, session, clock, tools.buttons(), alarmsOff, gap, new DeviceStatusBar(vm.devices()));
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private TrendCanvas chart(TrendKind kind) {
        return new TrendCanvas(kind, vm.trends(), vm.trendVersionProperty(), vm.trendSpanMinutesProperty(), fontPx);
    }

    private static NumericTile grow(NumericTile t) {
        VBox.setVgrow(t, Priority.ALWAYS);
        t.setMaxHeight(Double.MAX_VALUE);
        return t;
    }
}
