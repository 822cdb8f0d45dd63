package org.vigil.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;

/** FHIR R4 Bundle export ({@link FhirBundle}), JSON in UTF-8. */
final class FhirExporter implements Exporter {

    private final InstantSource clock;

    FhirExporter(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.FHIR;
    }

    @Override
    public void export(SessionLog log, Path out, ExportProgress progress) throws IOException {
        var now = clock.instant();
        OutputFiles.write(out, tmp -> {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                new FhirBundle(log, now).write(o, progress);
            }
        });
        progress.checkpoint(1);
    }
}
