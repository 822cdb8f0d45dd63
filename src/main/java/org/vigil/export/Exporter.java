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
    void export(SessionLog log, Path out, ExportProgress progress) throws IOException;
}
