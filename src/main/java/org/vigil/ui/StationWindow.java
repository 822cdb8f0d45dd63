package org.vigil.ui;

import org.vigil.domain.Actor;
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
    public static Scene createScene(List<ChairFeed> feeds, Supplier<Actor> user) {
        return createScene(feeds, user, StationAdmin.DISABLED, InstantSource.system());
    }

    /**
     * A scene showing {@code feeds}; {@code user} names who clicks; {@code admin} checks the admin PIN
     * and saves clinic defaults; {@code clock} times the admin's automatic logoff. One admin mode
     * holds for every chair of the window. Call on the FX thread.
     */
    public static Scene createScene(List<ChairFeed> feeds, Supplier<Actor> user, StationAdmin admin, InstantSource clock) {
        return createScene(feeds, StationFeed.NONE, user, admin, clock);
    }

    /**
     * As {@link #createScene(List, Supplier, StationAdmin, InstantSource)}, with the station strip
     * showing {@code station}'s station-wide alarms above the chairs, once for all of them.
     */
    public static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, StationAdmin admin,
            InstantSource clock) {
        return createScene(feeds, station, user, new AdminModel(admin, clock));
    }

    static Scene createScene(List<ChairFeed> feeds, Supplier<Actor> user, AdminModel admin) {
        return createScene(feeds, StationFeed.NONE, user, admin);
    }

    static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, AdminModel admin) {
        return createScene(feeds, station, user, admin, SessionContext.none());
    }

    /**
     * The station's scene: the shell (station strip, navigation, the overview or a chair) with the
     * session screens' patient list and rules. F11 toggles full screen. Call on the FX thread.
     */
    public static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, StationAdmin admin,
            InstantSource clock, SessionContext session) {
        return createScene(feeds, station, user, new AdminModel(admin, clock), session);
    }

    static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, AdminModel admin,
            SessionContext session) {
        return createScene(feeds, station, user, admin, session, org.vigil.ui.review.ReviewContext.none(), null);
    }

    /** As above, with the Review screen over {@code review}'s past sessions, without a lock. */
    public static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, StationAdmin admin,
            InstantSource clock, SessionContext session, org.vigil.ui.review.ReviewContext review) {
        return createScene(feeds, station, user, admin, clock, session, review, AuditTrailSource.NONE);
    }

    /** As above, with the audit trail an auditor or admin can open. */
    public static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, StationAdmin admin,
            InstantSource clock, SessionContext session, org.vigil.ui.review.ReviewContext review, AuditTrailSource audit) {
        return createScene(feeds, station, user, new AdminModel(admin, clock), session, review, null, audit);
    }

    static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, AdminModel admin,
            SessionContext session, LockModel lock) {
        return createScene(feeds, station, user, admin, session, org.vigil.ui.review.ReviewContext.none(), lock);
    }

    /**
     * The station's scene with the Review screen over {@code review}'s past sessions and its lock
     * ({@code lock}: login, automatic lock after inactivity, emergency access; null for none). Every
     * click and key counts as use. Call on the FX thread.
     */
    static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, AdminModel admin,
            SessionContext session, org.vigil.ui.review.ReviewContext review, LockModel lock) {
        return createScene(feeds, station, user, admin, session, review, lock, AuditTrailSource.NONE);
    }

    /** As above, with the station's audit trail for auditors and admins ({@code audit}). */
    static Scene createScene(List<ChairFeed> feeds, StationFeed station, Supplier<Actor> user, AdminModel admin,
            SessionContext session, org.vigil.ui.review.ReviewContext review, LockModel lock, AuditTrailSource audit) {
        Objects.requireNonNull(admin, "admin");
        StationShell shell = new StationShell(feeds, station, user, admin, session, review, lock, audit);
        Scene scene = new Scene(shell.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.setFill(Color.BLACK);
        scene.getProperties().put(StationShell.class, shell);
        if (lock != null) {
            scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> lock.touch());
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> lock.touch());
        }
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
