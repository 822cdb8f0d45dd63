package org.vigil.export;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one session log in one format. Implementations are stateless and thread-safe; the
 * caller runs them off the UI thread. Built by {@link ExporterFactory}.
 */
public interface Exporter {

    ExportFormat format();

    /**
     * Writes {@code log} to {@code out} (a file; for CSV a folder, or a {@code .zip} file when the
     * name ends so). Reports progress and stops with {@link ExportCancelledException} when
     * cancelled; a cancelled or failed export leaves no partial file behind.
     */
    default void export(SessionLog log, Path out, ExportProgress progress) throws IOException {
        export(log, out, progress, ExportProtection.NONE);
    }

    /**
     * As {@link #export(SessionLog, Path, ExportProgress)}, protected by {@code protection}: a PDF
     * encrypted with the password, the other formats as one encrypted zip (then {@code out} ends in
     * {@code .zip}; see {@link ExportProtection#targetProblem}).
     */
    void export(SessionLog log, Path out, ExportProgress progress, ExportProtection protection) throws IOException;
}
