package org.vigil.export;

import java.util.concurrent.CancellationException;

/** Thrown inside an export when its {@link ExportProgress} says it was cancelled; the partial output is removed. */
public final class ExportCancelledException extends CancellationException {

    public ExportCancelledException() {
        super("export cancelled");
    }
}
