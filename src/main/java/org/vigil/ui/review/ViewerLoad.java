package org.vigil.ui.review;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import org.vigil.review.SessionViewer;

/**
 * One load of past sessions for a review screen (course, compare): read on the background
 * executor, shown on the UI executor only if no newer load started meanwhile; when the database
 * cannot be read, or the read fails, the screen's status says so.
 */
final class ViewerLoad {

    private ViewerLoad() {
    }

    /**
     * Starts a load: {@code read} runs on {@code background} with the viewer, {@code show} gets its
     * result on {@code ui} unless {@code generation} moved on; a failure is shown as
     * {@code failure + message}.
     */
    static <T> void start(Executor background, Executor ui, Supplier<Optional<SessionViewer>> viewer, AtomicLong generation,
            StringProperty status, String failure, Function<SessionViewer, T> read, Consumer<T> show) {
        long gen = generation.incrementAndGet();
        background.execute(() -> {
            try {
                Optional<SessionViewer> v = viewer.get();
                if (v.isEmpty()) {
                    ui.execute(() -> status.set("The session database cannot be read now."));
                    return;
                }
                T result = read.apply(v.get());
                ui.execute(() -> {
                    if (gen == generation.get()) {
                        show.accept(result);
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> status.set(failure + e.getMessage()));
            }
        });
    }
}
