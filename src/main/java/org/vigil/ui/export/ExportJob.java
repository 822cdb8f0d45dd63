package org.vigil.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import org.vigil.export.ExportFormat;
import org.vigil.export.ExportProgress;
import org.vigil.export.ExportProtection;

/**
 * What the export dialog runs, off the FX thread: export one session (read, de-identify when asked,
 * write, protected with a password when asked, record in the audit trail). The app builds it from {@code export.SessionExports} and the
 * session to export; the review screen and the discharge action each make one.
 */
@FunctionalInterface
public interface ExportJob {

    void run(ExportFormat format, boolean deidentify, ExportProtection protection, Path out, ExportProgress progress)
            throws IOException;
}
