package org.vigil.ui;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.vigil.chair.ChairFeed;
import org.vigil.chair.StationAdmin;
import org.vigil.chair.StationFeed;

/**
 * Starts the JavaFX runtime without an {@code Application} subclass (so the launcher needs no
 * static hand-off of the running station), shows the station window and waits until the nurse
 * closes it.
 */
public final class StationStage {

    private StationStage() {
    }

    /**
     * Starts the JavaFX runtime (its display connection and native toolkit, GTK on Linux)
     * without showing anything, so a machine that cannot show the window says so before the
     * station opens its database. Throws what the toolkit threw (on Linux without GTK 3, an
     * error saying "Unable to load glass GTK library").
     */
    public static void startToolkit() {
        Platform.setImplicitExit(false);
        Platform.startup(() -> { });
    }

    /** Stops the JavaFX runtime started by {@link #startToolkit()} when no window will be shown. */
    public static void stopToolkit() {
        Platform.exit();
    }

    /** Asks before closing while sessions run; true to close. */
    private static boolean confirmClose(Stage stage, List<ChairFeed> feeds) {
        var warning = StationShell.closeWarning(feeds);
        if (warning.isEmpty()) {
            return true;
        }
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                warning.get(), javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.OK);
        ask.initOwner(stage);
        ask.setTitle("Close the station?");
        ask.setHeaderText("Close the station while sessions run?");
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK))
                .setText("Close the station");
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.CANCEL))
                .setText("Keep monitoring");
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.CANCEL))
                .setDefaultButton(true);
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK))
                .setDefaultButton(false);
        return ask.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }

    /**
     * Shows {@code feeds} in a window titled {@code title} and blocks the calling thread (not the
     * FX thread) until the window is closed. Throws if the window cannot be shown.
     */
    public static void showAndWait(List<ChairFeed> feeds, String title) throws InterruptedException {
        showAndWait(feeds, StationAdmin.DISABLED, title, null);
    }

    /**
     * As {@link #showAndWait(List, String)}, with the station's admin functions (PIN, clinic
     * defaults), closing the window by itself after {@code autoClose} when it is not null (for
     * benchmarks and demonstrations).
     */
    public static void showAndWait(List<ChairFeed> feeds, StationAdmin admin, String title, java.time.Duration autoClose)
            throws InterruptedException {
        showAndWait(feeds, StationFeed.NONE, admin, title, autoClose);
    }

    /** As {@link #showAndWait(List, StationAdmin, String, java.time.Duration)}, with the station strip showing {@code station}. */
    public static void showAndWait(List<ChairFeed> feeds, StationFeed station, StationAdmin admin, String title,
            java.time.Duration autoClose) throws InterruptedException {
        showAndWait(feeds, station, admin, SessionContext.none(), title, autoClose);
    }

    /**
     * As above, with the session screens' patient list and clinic rules ({@code session}). Closing
     * the window while clinical sessions run asks first and says what will happen to them.
     */
    public static void showAndWait(List<ChairFeed> feeds, StationFeed station, StationAdmin admin, SessionContext session,
            String title, java.time.Duration autoClose) throws InterruptedException {
        showAndWait(feeds, station, admin, session, org.vigil.ui.review.ReviewContext.none(), AuditTrailSource.NONE, null, null, title, autoClose);
    }

    /**
     * As above, with the Review screen over {@code review}'s past sessions (opened by whoever acts;
     * without logins, {@link ChairScreen#DEFAULT_USER}).
     */
    public static void showAndWait(List<ChairFeed> feeds, StationFeed station, StationAdmin admin, SessionContext session,
            org.vigil.ui.review.ReviewContext review, String title, java.time.Duration autoClose) throws InterruptedException {
        showAndWait(feeds, station, admin, session, review, AuditTrailSource.NONE, null, null, title, autoClose);
    }

    /**
     * The station window with logins: locked at start (on a new station it asks for the first
     * admin), locked again after {@code autoLock} without use; {@code signIn} is the station's
     * accounts (when it is also a {@link org.vigil.security.UserAdmin}, admin mode has a Users
     * panel). With {@code signIn} null, a window without logins acting as
     * {@link ChairScreen#DEFAULT_USER} (benchmarks, demonstrations). The Review screen opens past
     * sessions from {@code review} as whoever is logged in; {@code audit} is the station's audit
     * trail for auditors and admins.
     */
    public static void showAndWait(List<ChairFeed> feeds, StationFeed station, StationAdmin admin, SessionContext session,
            org.vigil.ui.review.ReviewContext review, AuditTrailSource audit, org.vigil.security.SignIn signIn, java.time.Duration autoLock, String title,
            java.time.Duration autoClose) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Platform.setImplicitExit(false);
        Runnable show = () -> {
            try {
                Stage stage = new Stage();
                stage.setTitle(title);
                java.time.InstantSource clock = java.time.InstantSource.system();
                if (signIn == null) {
                    stage.setScene(StationWindow.createScene(feeds, station, () -> ChairScreen.DEFAULT_USER, admin, clock,
                            session, review.withActor(() -> ChairScreen.DEFAULT_USER), audit));
                } else {
                    ActingUser user = new ActingUser(clock);
                    java.util.concurrent.ExecutorService logins = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "vigil-login");
                        t.setDaemon(true);
                        return t;
                    });
                    LockModel lock = new LockModel(user, () -> signIn, clock, autoLock, logins, Platform::runLater);
                    AdminModel adminModel = new AdminModel(admin, signIn,
                            signIn instanceof org.vigil.security.UserAdmin users ? users : null, clock);
                    stage.setScene(StationWindow.createScene(feeds, station, user, adminModel, session, review.withActor(user),
                            lock, audit));
                    lock.refreshFirstRun();
                }
                stage.setOnCloseRequest(e -> {
                    if (autoClose == null && !confirmClose(stage, feeds)) {
                        e.consume();
                    }
                });
                stage.setMinWidth(960);
                stage.setMinHeight(600);
                // a bedside station fills its screen (F11 for full screen); the scene's 1280 x 800 is the size un-maximized
                stage.setMaximized(true);
                stage.setOnHidden(e -> closed.countDown());
                stage.show();
                if (autoClose != null) {
                    javafx.animation.PauseTransition t = new javafx.animation.PauseTransition(
                            javafx.util.Duration.millis(autoClose.toMillis()));
                    t.setOnFinished(e -> stage.close());
                    t.play();
                }
            } catch (RuntimeException e) {
                failure.set(e);
                closed.countDown();
            }
        };
        try {
            Platform.startup(show);
        } catch (IllegalStateException toolkitAlreadyRunning) {
            Platform.runLater(show); // started by startToolkit()
        }
        closed.await();
        Platform.exit();
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
