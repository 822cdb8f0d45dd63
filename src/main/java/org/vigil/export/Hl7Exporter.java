package org.vigil.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;

/** HL7 v2.6 ORU^R01 export to a file ({@link Hl7Oru}); the control id is the session and the export time. */
final class Hl7Exporter implements Exporter {

    private final InstantSource clock;

    Hl7Exporter(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.HL7;
    }

    @Override
    public void export(SessionLog log, Path out, ExportProgress progress, ExportProtection protection) throws IOException {
        // a de-identified message must not date the session by when it was exported: its (shifted) end stands in
        var now = log.deidentified() ? (log.end() != null ? log.end() : log.start()) : clock.instant();
        String id = log.deidentified() ? "VIGIL-" + (log.patient() == null ? "DEID" : log.patient().id())
                : "VIGIL-" + log.sessionId() + "-" + now.toEpochMilli();
        OutputFiles.writeOne(out, OutputFiles.entryName(out), protection, o -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8));
            Hl7Oru.write(log, id, now, w, progress);
            w.flush();
        });
        progress.checkpoint(1);
    }
}
