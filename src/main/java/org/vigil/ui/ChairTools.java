package org.vigil.ui;

import org.vigil.domain.Actor;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.vigil.chair.BaselineChange;
import org.vigil.chair.ChairFeed;

/**
 * The chair screen's Limits, Alarm log and Admin buttons and the panels they open (and the
 * baseline entry, opened from the alarm controls). A panel takes
 * the place of the trend charts, so the alarm banner, the numerics, the alarm list and the
 * acknowledge / pause buttons stay in view while it is open; the alarm log's table also takes the
 * numerics' room (banner, frame colour and alarm list stay). {@link #onFrame} runs once per
 * frame: the admin's automatic logoff, and the open panel's refresh (a few times a second).
 */
final class ChairTools {

    /** The panel shown where the trends are. */
    enum Panel { TRENDS, LIMITS, ALARM_LOG, ADMIN, BASELINE, SESSION, DEVICES, USERS }

    static final long REFRESH_NANOS = 250_000_000L;
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");
    private static final PseudoClass ADMIN_ON = PseudoClass.getPseudoClass("admin-on");

    private final AdminModel admin;
    private final StackPane area;
    private final Node trends;
    private final LimitsViewModel limits;
    private final AlarmLogViewModel alarmLog;
    private final LimitsPane limitsPane;
    private final AlarmLogPane alarmLogPane;
    private final BaselineEntryModel baseline;
    private final BaselinePane baselinePane;
    private final Button limitsButton = new Button("Limits");
    private final Button logButton = new Button("Alarm log");
    private final Button adminButton = new Button();
    private final Button devicesButton = new Button("Devices");
    /** Detect runs here (it listens on a port for seconds, never on the FX thread); created when first opened. */
    private java.util.concurrent.Executor deviceSetupThread;
    private final Button usersButton = new Button("Users");
    private final UsersPane usersPane;
    private final UsersModel usersModel;
    private final HBox buttons;
    private Node sessionPane;
    private Panel shown = Panel.TRENDS;
    private Panel beforeAdmin = Panel.TRENDS;
    private long lastRefresh = Long.MIN_VALUE;

    ChairTools(ChairFeed feed, AdminModel admin, Supplier<Actor> user, ZoneId zone, StackPane area, Node trends,
            Consumer<BaselineChange> baselineSet) {
        this.admin = admin;
        this.area = area;
        this.trends = trends;
        this.limits = new LimitsViewModel(feed, admin, user);
        this.alarmLog = new AlarmLogViewModel(feed, zone);
        this.limitsPane = new LimitsPane(limits, () -> show(Panel.TRENDS));
        this.alarmLogPane = new AlarmLogPane(alarmLog, () -> show(Panel.TRENDS));
        this.baseline = new BaselineEntryModel(feed, user, zone, c -> {
            baselineSet.accept(c);
            show(Panel.TRENDS);
        });
        this.baselinePane = new BaselinePane(baseline, () -> show(Panel.TRENDS));

        limitsButton.setId("limitsButton");
        limitsButton.setOnAction(e -> show(shown == Panel.LIMITS ? Panel.TRENDS : Panel.LIMITS));
        logButton.setId("alarmLogButton");
        logButton.setOnAction(e -> show(shown == Panel.ALARM_LOG ? Panel.TRENDS : Panel.ALARM_LOG));
        adminButton.setId("adminButton");
        adminButton.textProperty().bind(Bindings.when(admin.activeProperty())
                .then(admin.statusProperty()).otherwise("Admin"));
        adminButton.setTooltip(new Tooltip("Admin mode: enter the PIN; press again to leave admin mode"));
        admin.activeProperty().addListener((o, a, b) -> {
            adminButton.pseudoClassStateChanged(ADMIN_ON, b);
            if (!b && shown == Panel.ADMIN) {
                show(beforeAdmin);
            }
        });
        adminButton.setOnAction(e -> {
            if (admin.active()) {
                admin.logOff();
            } else if (shown == Panel.ADMIN) {
                show(beforeAdmin);
            } else {
                beforeAdmin = shown;
                show(Panel.ADMIN);
            }
        });
        if (admin.users().isPresent()) {
            java.util.concurrent.Executor off = r -> {
                Thread t = new Thread(r, "vigil-users");
                t.setDaemon(true);
                t.start();
            };
            usersModel = new UsersModel(admin.users().get(), admin, off, javafx.application.Platform::runLater);
            usersPane = new UsersPane(usersModel, zone, () -> show(Panel.TRENDS));
        } else {
            usersModel = null;
            usersPane = null;
        }
        usersButton.setId("usersButton");
        usersButton.visibleProperty().bind(admin.activeProperty().and(
                new javafx.beans.property.SimpleBooleanProperty(usersPane != null)));
        usersButton.managedProperty().bind(usersButton.visibleProperty());
        usersButton.setOnAction(e -> show(shown == Panel.USERS ? Panel.TRENDS : Panel.USERS));
        admin.activeProperty().addListener((o, a, b) -> {
            if (!b && shown == Panel.USERS) {
                show(Panel.TRENDS);
            }
        });
        devicesButton.setId("devicesButton");
        devicesButton.setTooltip(new Tooltip("Device setup: serial ports, detect, assign to a chair (admin mode)"));
        // only an admin sees it; the station refuses anyone else anyway
        devicesButton.visibleProperty().bind(admin.activeProperty());
        devicesButton.managedProperty().bind(admin.activeProperty());
        devicesButton.setOnAction(e -> show(shown == Panel.DEVICES ? Panel.TRENDS : Panel.DEVICES));
        admin.activeProperty().addListener((o, a, b) -> {
            if (!b && shown == Panel.DEVICES) {
                show(Panel.TRENDS);
            }
        });
        buttons = new HBox(8, limitsButton, logButton, adminButton, devicesButton, usersButton);
        buttons.getStyleClass().add("chair-tools");
        for (Button b : new Button[] {limitsButton, logButton, adminButton, devicesButton, usersButton}) {
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    HBox buttons() {
        return buttons;
    }

    Panel shown() {
        return shown;
    }

    void show(Panel p) {
        shown = p;
        limitsButton.pseudoClassStateChanged(OPEN, p == Panel.LIMITS);
        logButton.pseudoClassStateChanged(OPEN, p == Panel.ALARM_LOG);
        switch (p) {
            case TRENDS -> area.getChildren().setAll(trends);
            case LIMITS -> {
                limits.refresh();
                area.getChildren().setAll(limitsPane);
            }
            case ALARM_LOG -> {
                alarmLog.refresh();
                area.getChildren().setAll(alarmLogPane);
            }
            case BASELINE -> {
                baseline.open();
                area.getChildren().setAll(baselinePane);
            }
            case SESSION -> area.getChildren().setAll(sessionPane == null ? trends : sessionPane);
            case DEVICES -> {
                if (deviceSetupThread == null) {
                    deviceSetupThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "vigil-device-setup");
                        t.setDaemon(true);
                        return t;
                    });
                }
                area.getChildren().setAll(new DeviceSetupPane(new DeviceSetupModel(admin.station().deviceSetup(),
                        admin::actor, deviceSetupThread, javafx.application.Platform::runLater), () -> show(Panel.TRENDS)));
            }
            case USERS -> {
                if (usersPane == null) {
                    area.getChildren().setAll(trends);
                } else {
                    usersModel.refresh();
                    area.getChildren().setAll(usersPane);
                }
            }
            case ADMIN -> {
                AdminPane pane = new AdminPane(admin, () -> show(beforeAdmin), () -> show(beforeAdmin));
                area.getChildren().setAll(pane);
                pane.focusPin();
            }
        }
        lastRefresh = Long.MIN_VALUE;
    }

    /** Once per frame: automatic admin logoff, and the open panel's refresh every {@link #REFRESH_NANOS}. */
    void onFrame(long frameNanos) {
        admin.tick();
        if (lastRefresh != Long.MIN_VALUE && frameNanos - lastRefresh < REFRESH_NANOS) {
            return;
        }
        lastRefresh = frameNanos;
        if (shown == Panel.LIMITS) {
            limits.refresh();
        } else if (shown == Panel.ALARM_LOG) {
            alarmLog.refresh();
        } else if (shown == Panel.BASELINE) {
            baseline.refresh();
        }
    }

    /** The session panel shown by {@link Panel#SESSION}. */
    void sessionPane(Node pane) {
        this.sessionPane = pane;
    }

    LimitsViewModel limits() {
        return limits;
    }

    BaselineEntryModel baseline() {
        return baseline;
    }

    AlarmLogViewModel alarmLog() {
        return alarmLog;
    }
}
