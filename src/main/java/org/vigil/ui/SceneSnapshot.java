package org.vigil.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves a picture of a scene as PNG, for documentation screenshots. */
public final class SceneSnapshot {

    private SceneSnapshot() {
    }

    /**
     * Renders {@code scene} at its current size and writes it to {@code png} (parent folders are
     * created). On the FX thread it renders directly; from another thread it waits for the FX
     * thread to render, then writes the file on the calling thread.
     */
    public static void save(Scene scene, Path png) throws IOException {
        WritableImage image;
        if (Platform.isFxApplicationThread()) {
            image = scene.snapshot(null);
        } else {
            FutureTask<WritableImage> task = new FutureTask<>(() -> scene.snapshot(null));
            Platform.runLater(task);
            try {
                image = task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while rendering the scene", e);
            } catch (ExecutionException e) {
                throw new IOException("rendering the scene failed", e.getCause());
            }
        }
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(buffered, "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
