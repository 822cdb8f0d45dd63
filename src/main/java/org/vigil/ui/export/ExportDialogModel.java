package org.vigil.ui.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vigil.export.ExportCancelledException;
import org.vigil.export.ExportFormat;
import org.vigil.export.ExportProgress;
import org.vigil.export.ExportProtection;
import org.vigil.export.SessionExports;

/**
 * The export dialog's state and commands (no scene graph): the format, de-identify, a password
 * (typed twice) to protect the file with, where to write, and while it runs the progress and a
 * cancel. The password fields are emptied as soon as an export starts. {@link #start()} hands the job to the
 * background executor and returns at once; progress comes back through the FX executor at most
 * once per percent, so the FX thread never waits and is never flooded.
 */
public final class ExportDialogModel {

    private final long sessionId;
    private final ExportJob job;
    private final Executor background;
    private final Executor fx;

    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.PDF);
    private final BooleanProperty deidentify = new SimpleBooleanProperty(false);
    private final BooleanProperty protect = new SimpleBooleanProperty(false);
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    /**
     * @param background where the export runs (an executor of the app's, never the FX thread)
     * @param fx         the FX thread ({@code Platform::runLater}; the calling thread in tests)
     */
    public ExportDialogModel(long sessionId, Path folder, ExportJob job, Executor background, Executor fx) {
        this.sessionId = sessionId;
        this.job = Objects.requireNonNull(job, "job");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.folder.set(folder);
    }

    /** A model whose news reaches the FX thread through {@code Platform.runLater}. */
    public static ExportDialogModel onFxThread(long sessionId, Path folder, ExportJob job, Executor background) {
        return new ExportDialogModel(sessionId, folder, job, background, javafx.application.Platform::runLater);
    }

    public List<ExportFormat> formats() {
        return List.of(ExportFormat.values());
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public BooleanProperty deidentifyProperty() {
        return deidentify;
    }

    /** Protect the file with a password (an encrypted PDF, or an encrypted zip of the other formats). */
    public BooleanProperty protectProperty() {
        return protect;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** The password typed a second time. */
    public StringProperty confirmProperty() {
        return confirm;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Where the export will be written: the folder and the session's file name for the format. */
    public Path target() {
        boolean p = protect.get();
        return folder.get().resolve(SessionExports.fileName(sessionId, format.get(), deidentify.get(), p)
                + (format.get() == ExportFormat.CSV && !p ? ".zip" : ""));
    }

    /**
     * Starts the export in the background (ignored while one runs). With "protect" on, a password
     * that is too short or typed differently the second time stops it with a message instead.
     */
    public void start() {
        if (running.get()) {
            return;
        }
        ExportProtection protection = ExportProtection.NONE;
        if (protect.get()) {
            char[] pw = password.get() == null ? new char[0] : password.get().toCharArray();
            try {
                var problem = ExportProtection.problem(pw);
                if (problem.isPresent()) {
                    message.set("Not exported: " + problem.get() + ".");
                    return;
                }
                if (!password.get().equals(confirm.get())) {
                    message.set("Not exported: the two passwords differ.");
                    return;
                }
                protection = ExportProtection.withPassword(pw);
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
            password.set("");
            confirm.set("");
        }
        ExportProtection withPassword = protection;
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        ExportFormat f = format.get();
        boolean d = deidentify.get();
        Path out = target();
        running.set(true);
        progress.set(0);
        message.set("Exporting session " + sessionId + " as " + f.label()
                + (withPassword.isProtected() ? ", password-protected" : "") + "…");
        int[] shown = {-1};
        ExportProgress p = new ExportProgress() {
            @Override
            public void done(double fraction) {
                int percent = (int) (fraction * 100);
                if (percent != shown[0]) {
                    shown[0] = percent;
                    fx.execute(() -> progress.set(percent / 100.0));
                }
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
        background.execute(() -> {
            String result;
            try {
                job.run(f, d, withPassword, out, p);
                result = "Saved " + out + (withPassword.isProtected() ? " (password-protected)" : "");
            } catch (ExportCancelledException e) {
                result = "Export cancelled; nothing was written.";
            } catch (Exception e) {
                result = "Export failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            } finally {
                withPassword.forget();
            }
            String r = result;
            fx.execute(() -> {
                running.set(false);
                progress.set(r.startsWith("Saved") ? 1 : 0);
                message.set(r);
            });
        });
    }

    /** Asks the running export to stop; it removes what it had written. */
    public void cancel() {
        cancel.set(true);
    }
}
