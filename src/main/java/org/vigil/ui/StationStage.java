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
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Platform.setImplicitExit(false);
        Runnable show = () -> {
            try {
                Stage stage = new Stage();
                stage.setTitle(title);
                stage.setScene(StationWindow.createScene(feeds, station, () -> ChairScreen.DEFAULT_USER, admin,
                        java.time.InstantSource.system()));
                stage.setMinWidth(960);
                stage.setMinHeight(600);
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
