package org.vigil.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;

/**
 * The JavaFX toolkit for the benchmarks' window figures: started once and left running until the
 * bench ends. JavaFX cannot start again in a process once it has exited, so no figure may stop it
 * while another one still needs it; {@link #exit()} is the bench's last step.
 */
public final class BenchToolkit {

    private static boolean started;

    private BenchToolkit() {
    }

    /**
     * Starts the toolkit unless it runs (started here or by a station window), and checks that it
     * answers.
     *
     * @throws IllegalStateException when it does not answer within 30 s (it was exited earlier
     *                               in this process)
     */
    public static synchronized void startOnce() {
        if (!started) {
            Platform.setImplicitExit(false);
            try {
                Platform.startup(() -> { });
            } catch (IllegalStateException alreadyRunning) {
                // a station window or a test started it: use it
            }
            started = true;
        }
        CompletableFuture<Void> ping = new CompletableFuture<>();
        Platform.runLater(() -> ping.complete(null));
        try {
            ping.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the JavaFX toolkit does not answer (it cannot start again once exited"
                    + " in a process)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the JavaFX toolkit", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Exits the toolkit if {@link #startOnce()} started it. */
    public static synchronized void exit() {
        if (started) {
            started = false;
            Platform.exit();
        }
    }

    /**
     * Which window system and renderer draw the figures, for the bench's output, e.g. "X11 display
     * :93 (GTK), renderer SWPipeline (prism.order=sw)" or "Monocle headless, renderer SWPipeline".
     */
    public static String describe() {
        String glass = System.getProperty("glass.platform");
        String where;
        if ("Monocle".equalsIgnoreCase(glass)) {
            where = "Monocle " + System.getProperty("monocle.platform", "") + " (no display)";
        } else if (System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank()) {
            where = "X11 display " + System.getenv("DISPLAY") + (glass == null ? " (GTK)" : " (" + glass + ")");
        } else {
            where = glass == null ? "the platform's window system" : glass;
        }
        return where + ", renderer " + pipeline() + (System.getProperty("prism.order") == null ? ""
                : " (prism.order=" + System.getProperty("prism.order") + ")");
    }

    /** The Prism pipeline's class name (e.g. SWPipeline: software rendering, ES2Pipeline: OpenGL), or "unknown". */
    private static String pipeline() {
        try {
            Object p = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            return p == null ? "not started" : p.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "unknown";
        }
    }
}
