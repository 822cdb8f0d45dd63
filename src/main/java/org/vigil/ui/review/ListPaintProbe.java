package org.vigil.ui.review;

import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.vigil.review.SessionArchive;

/**
 * For {@code bench --review}: the time from asking for the session list to the first pulse that
 * lays the window out with rows in it (the query on a background thread, the first page of
 * rows first, as on the station). Needs a started JavaFX toolkit and a display.
 */
public final class ListPaintProbe {

    private static final java.util.concurrent.Executor BACKGROUND = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "review-paint-probe");
        t.setDaemon(true);
        return t;
    });

    private ListPaintProbe() {
    }

    /**
     * Milliseconds from asking for the list over {@code archive} to the first pulse that lays it
     * out with its rows, in a window already on screen (the window's own mapping is not counted).
     */
    public static double firstPaintMs(SessionArchive archive) throws Exception {
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new javafx.scene.layout.Pane(), 1200, 800);
            stage.setScene(scene);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                shown.complete(stage);
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.show();
        });
        Stage stage = shown.get(60, TimeUnit.SECONDS);
        CompletableFuture<Double> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Scene scene = stage.getScene();
                long t0 = System.nanoTime();
                // as on the station: the query on a background thread, the answer (first page first) on the FX thread
                SessionListModel m = new SessionListModel(() -> Optional.of(archive), BACKGROUND, Platform::runLater,
                        ZoneId.systemDefault(), InstantSource.system());
                m.refresh();
                SessionListView v = new SessionListView(m, r -> { });
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    if (!v.table().getItems().isEmpty()) {
                        done.complete((System.nanoTime() - t0) / 1e6);
                        scene.removePostLayoutPulseListener(once[0]);
                        Platform.runLater(stage::hide);
                    }
                };
                scene.addPostLayoutPulseListener(once[0]);
                scene.setRoot(v.root());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(60, TimeUnit.SECONDS);
    }
}
