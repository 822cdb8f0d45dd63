package org.vigil.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditSink;
import org.vigil.export.ExporterFactory;
import org.vigil.export.SessionExports;
import org.vigil.export.SessionLog;
import org.vigil.export.SessionLogReader;
import org.vigil.review.SessionArchive;
import org.vigil.storage.VigilDatabase;
import org.vigil.ui.export.ExportDialogModel;
import org.vigil.ui.export.SignedSessionExports;

/**
 * The "Export last session…" action of a chair's session panel: the session last signed at the
 * chair, exported on the {@code vigil-export} thread (waiting for the recorder to write its last
 * rows, reading it from its own connection), recorded in the audit trail.
 */
final class StationExports implements SignedSessionExports {

    private final Station station;
    private final Path folder;
    private final AuditSink audit;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-export");
        t.setDaemon(true);
        return t;
    });

    StationExports(Station station, Path folder, AuditSink audit) {
        this.station = station;
        this.folder = folder;
        this.audit = audit;
    }

    @Override
    public Optional<ExportDialogModel> lastSigned(String chairId, Actor actor) {
        Optional<Long> id = station.lastSignedSession(chairId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        long sessionId = id.get();
        SessionExports exports = new SessionExports(ExporterFactory.standard(Clock.systemUTC()), audit, Clock.systemUTC(),
                new SecureRandom());
        return Optional.of(ExportDialogModel.onFxThread(sessionId, folder, (format, deidentify, protection, out, progress) -> {
            Files.createDirectories(out.toAbsolutePath().getParent());
            try {
                station.flushRecords(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
            try (VigilDatabase db = VigilDatabase.open(station.config().database())) {
                SessionLog log = new SessionLogReader(new SessionArchive(db), ZoneId.systemDefault()).read(sessionId)
                        .orElseThrow(() -> new java.io.IOException("session " + sessionId + " is not in the database"));
                exports.export(log, format, deidentify, protection, out, actor, progress);
            }
        }, background));
    }
}
