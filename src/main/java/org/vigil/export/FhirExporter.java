package org.vigil.export;

import java.io.IOException;
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
    public void export(SessionLog log, Path out, ExportProgress progress, ExportProtection protection) throws IOException {
        var now = clock.instant();
        OutputFiles.writeOne(out, OutputFiles.entryName(out), protection, o -> new FhirBundle(log, now).write(o, progress));
        progress.checkpoint(1);
    }
}
