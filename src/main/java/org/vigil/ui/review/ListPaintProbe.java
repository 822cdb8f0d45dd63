package org.vigil.ui.review;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditSink;
import org.vigil.review.SessionArchive;

/**
 * For {@code bench --review}: what a nurse waits for after clicking Review on a running station,
 * from the click to the first frame that shows the session list with its rows.
 *
 * <p>The window is built as the station builds it: a navigation bar above a stack of screens in
 * which the {@link ReviewPane} is made at start and kept hidden behind the chair screens (here a
 * stand-in label), its queries on one background thread as {@code vigil-review}. Once the window
 * is on screen the list is prepared as the station prepares it after the window opens or the
 * first login ({@link ReviewPane#prepare()}: read and laid out hidden); the FX thread's CPU time
 * for that is reported. Then a "click" does what the Review button does (the chairs hidden, the
 * review shown, {@link ReviewPane#shown()}: the list queried again); the clock stops at the end
 * of the layout pass of the first pulse in which the answer to that query, the first page of rows,
 * is laid out. That frame's drawing (on the render thread, after the pulse hands it over) is not
 * included. The FX thread's CPU time over the same span is measured too: unlike the wall time it
 * does not grow when other processes take the cores.
 *
 * <p>The first click of the process is reported on its own (the first Review after the station
 * started: classes of the shown list loaded and code run for the first time); then the nurse goes
 * back to the chairs and clicks Review again, and the median of those clicks is reported. Each
 * click waits until the whole list (every page) has been read before going back. Needs a started
 * JavaFX toolkit and a display; call it off the FX thread.
 */
public final class ListPaintProbe {

    /**
     * The figures.
     *
     * @param prepareFxCpuMs the FX thread's CPU time while the hidden list was prepared, ms
     * @param firstMs       the first click of the process, wall time, ms
     * @param firstOnScreenMs the first click, to the first pulse with rows on screen (the prepared
     *                      ones; the click's query may not have answered yet), ms
     * @param firstFxCpuMs  the FX thread's CPU time over that span, ms
     * @param againMs       the median of the later clicks, ms
     * @param againFxCpuMs  the median FX thread CPU time of the later clicks, ms
     * @param againClicks   how many later clicks
     * @param rows          the rows in the list when it was complete
     */
    public record Result(double prepareFxCpuMs, double firstMs, double firstOnScreenMs, double firstFxCpuMs, double againMs, double againFxCpuMs, int againClicks,
            int rows) {
    }

    static final double WIDTH = 1400;
    static final double HEIGHT = 900;

    private final ExecutorService queries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "review-paint-probe");
        t.setDaemon(true);
        return t;
    });
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Stage stage;
    private Thread fxThread;
    private Label chairs;
    private ReviewPane review;

    private ListPaintProbe() {
    }

    /** Clicks Review once, then {@code again} more times, over {@code archive}. */
    public static Result measure(SessionArchive archive, int again) throws Exception {
        ListPaintProbe p = new ListPaintProbe();
        try {
            p.open(archive);
            double prepare = p.prepare();
            double[] first = p.click();
            double[] ms = new double[again];
            double[] cpu = new double[again];
            for (int i = 0; i < again; i++) {
                p.back();
                double[] c = p.click();
                ms[i] = c[0];
                cpu[i] = c[1];
            }
            int rows = onFx(() -> p.review.listModel().rows().size());
            return new Result(prepare, first[0], first[2], first[1], median(ms), median(cpu), again, rows);
        } finally {
            onFx(() -> {
                if (p.stage != null) {
                    p.stage.close();
                }
                return null;
            });
            p.queries.shutdownNow();
        }
    }

    /** The station-like window with the review built and hidden; returns once it has been on screen a moment. */
    private void open(SessionArchive archive) throws Exception {
        ReviewContext context = new ReviewContext(() -> Optional.of(archive), AuditSink.NONE, () -> Actor.SYSTEM,
                InstantSource.system(), queries, ZoneId.systemDefault());
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                fxThread = Thread.currentThread();
                chairs = new Label("chairs");
                review = new ReviewPane(context);
                review.root().setVisible(false);
                StackPane content = new StackPane(chairs, review.root());
                HBox nav = new HBox(8, new Button("Overview"), new Button("Chair 1"), new Button("Review"));
                nav.setAlignment(Pos.CENTER_LEFT);
                BorderPane root = new BorderPane(content);
                root.setTop(nav);
                stage = new Stage();
                stage.setTitle("Vigil review list probe");
                Scene scene = new Scene(root, WIDTH, HEIGHT);
                stage.setScene(scene);
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    shown.complete(null);
                };
                scene.addPostLayoutPulseListener(once[0]);
                stage.show();
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
            }
        });
        shown.get(60, TimeUnit.SECONDS);
        Thread.sleep(1_000); // the station has been running: its first pulses are behind it
    }

    /** As the station after the window opens: the list read and laid out hidden; the FX thread's CPU ms for it. */
    private double prepare() throws Exception {
        long c0 = threads.getThreadCpuTime(fxThread.getId());
        CompletableFuture<Void> complete = new CompletableFuture<>();
        onFx(() -> {
            review.prepare();
            whenComplete(review.listModel(), complete);
            return null;
        });
        complete.get(60, TimeUnit.SECONDS);
        Thread.sleep(500); // the pulses that lay out the last page
        return (threads.getThreadCpuTime(fxThread.getId()) - c0) / 1e6;
    }

    /**
     * One click on Review: {wall ms, FX CPU ms} to the first pulse that laid out the answer, and the
     * wall ms to the first pulse with rows on screen at all; waits for the whole list.
     */
    private double[] click() throws Exception {
        CompletableFuture<double[]> painted = new CompletableFuture<>();
        CompletableFuture<Void> complete = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                Scene scene = stage.getScene();
                SessionListModel list = review.listModel();
                chairs.setVisible(false);
                review.root().setVisible(true);
                review.shown(); // as the Review button: the list queried again
                Runnable[] once = new Runnable[1];
                double[] onScreen = {Double.NaN};
                once[0] = () -> {
                    if (Double.isNaN(onScreen[0]) && !list.rows().isEmpty()) {
                        onScreen[0] = (System.nanoTime() - t0) / 1e6;
                    }
                    // answered and the rows are set in one task between pulses: this pulse laid them out
                    if (list.answeredProperty().get() && !list.rows().isEmpty()) {
                        painted.complete(new double[] {(System.nanoTime() - t0) / 1e6,
                            (threads.getCurrentThreadCpuTime() - c0) / 1e6, onScreen[0]});
                        scene.removePostLayoutPulseListener(once[0]);
                    }
                };
                scene.addPostLayoutPulseListener(once[0]);
                whenComplete(list, complete);
            } catch (RuntimeException e) {
                painted.completeExceptionally(e);
            }
        });
        double[] r = painted.get(60, TimeUnit.SECONDS);
        complete.get(60, TimeUnit.SECONDS);
        return r;
    }

    private static void whenComplete(SessionListModel list, CompletableFuture<Void> done) {
        if (list.completeProperty().get()) {
            done.complete(null);
            return;
        }
        list.completeProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    o.removeListener(this);
                    done.complete(null);
                }
            }
        });
    }

    /** Back to the chairs, as the nurse does between two looks at the list. */
    private void back() throws Exception {
        Thread.sleep(300);
        onFx(() -> {
            review.root().setVisible(false);
            chairs.setVisible(true);
            return null;
        });
        Thread.sleep(300);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
