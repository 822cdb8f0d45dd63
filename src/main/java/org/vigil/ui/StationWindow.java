package org.vigil.ui;

import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.vigil.chair.ChairFeed;
import org.vigil.chair.StationAdmin;
import org.vigil.chair.StationFeed;

/**
 * Builds the station window's scene around a {@link StationShell}: the overview of the chairs
 * (what the station opens on when there is more than one) or one chair's screen, a navigation bar
 * whose chair buttons show each chair's alarm in its colour (flashing), and a line naming the other
 * chairs' alarms on a chair's screen, so an alarm on a chair not in view is never hidden. Every
 * chair keeps running whichever is shown. Above them, the station strip shows the station-wide
 * alarms (alarm audio unavailable, recording failed) once; they never colour a chair, being no
 * chair's alarm.
 */
public final class StationWindow {

    /** The size the screen is designed for. */
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    private StationWindow() {
    }

    /** A scene showing {@code feeds} with the default user name. Call on the FX thread. */
    public static Scene createScene(List<ChairFeed> feeds) {
        return createScene(feeds, () -> ChairScreen.DEFAULT_USER);
    }

    /** A scene showing {@code feeds}; {@code user} names who clicks; admin actions disabled. Call on the FX thread. */
    public static Scene createScene(List<ChairFeed> feeds, Supplier<String> user) {
        return createScene(feeds, user, StationAdmin.DISABLED, InstantSource.system());
    }

    /**
     * A scene showing {@code feeds}; {@code user} names who clicks; {@code admin} checks the admin PIN
     * and saves clinic defaults; {@code clock} times the admin's automatic logoff. One admin mode
     * holds for every chair of the window. Call on the FX thread.
     */
    public static Scene createScene(List<ChairFeed> feeds, Supplier<String> user, StationAdmin admin, InstantSource clock) {
        return createScene(feeds, StationFeed.NONE, user, admin, clock);
    }

    /**
     * As {@link #createScene(List, Supplier, StationAdmin, InstantSource)}, with the station strip
     * showing {@code station}'s station-wide alarms above the chairs, once for all of them.
     */
    public static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<String> user, StationAdmin admin,
            InstantSource clock) {
        return createScene(feeds, station, user, new AdminModel(admin, clock));
    }

    static Scene createScene(List<ChairFeed> feeds, Supplier<String> user, AdminModel admin) {
        return createScene(feeds, StationFeed.NONE, user, admin);
    }

    static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<String> user, AdminModel admin) {
        return createScene(feeds, station, user, admin, SessionContext.none());
    }

    /**
     * The station's scene: the shell (station strip, navigation, the overview or a chair) with the
     * session screens' patient list and rules. F11 toggles full screen. Call on the FX thread.
     */
    public static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<String> user, StationAdmin admin,
            InstantSource clock, SessionContext session) {
        return createScene(feeds, station, user, new AdminModel(admin, clock), session);
    }

    static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<String> user, AdminModel admin,
            SessionContext session) {
        return createScene(feeds, station, user, admin, session, AuditTrailSource.NONE);
    }

    /** As above, with the audit trail the admin (or an auditor) can open. */
    public static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<String> user, StationAdmin admin,
            InstantSource clock, SessionContext session, AuditTrailSource audit) {
        return createScene(feeds, station, user, new AdminModel(admin, clock), session, audit);
    }

    static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<String> user, AdminModel admin,
            SessionContext session, AuditTrailSource audit) {
        Objects.requireNonNull(admin, "admin");
        StationShell shell = new StationShell(feeds, station, user, admin, session, audit);
        Scene scene = new Scene(shell.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.setFill(Color.BLACK);
        scene.getProperties().put(StationShell.class, shell);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F11 && scene.getWindow() instanceof Stage stage) {
                stage.setFullScreen(!stage.isFullScreen());
                e.consume();
            }
        });
        return scene;
    }

    /** The shell of a scene made here (for tests and the window's close confirmation). */
    static StationShell shell(Scene scene) {
        return (StationShell) scene.getProperties().get(StationShell.class);
    }
}
