package org.vigil.app;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vigil.domain.Actor;
import org.vigil.security.AuditFilter;
import org.vigil.security.AuditReader;
import org.vigil.security.AuditRow;
import org.vigil.ui.AuditTrailSource;

/** The audit trail's reader as the auditor's screen sees it. */
final class AuditTrailScreenSource implements AuditTrailSource {

    private final AuditReader reader;

    AuditTrailScreenSource(AuditReader reader) {
        this.reader = reader;
    }

    @Override
    public List<Row> read(Actor actor, Query query) throws Exception {
        return reader.read(actor, filter(query)).stream().map(AuditTrailScreenSource::row).toList();
    }

    @Override
    public int exportCsv(Actor actor, Query query, Path file) throws Exception {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return reader.exportCsv(actor, filter(query), out);
        }
    }

    private static AuditFilter filter(Query q) {
        return new AuditFilter(q.user(), q.action(), q.from(), q.to(), AuditFilter.DEFAULT_LIMIT);
    }

    private static Row row(AuditRow r) {
        return new Row(r.seq(), r.at(), r.actorName() + " (" + r.actorId() + ")", r.actorRole().label(), r.actorHow(),
                r.action(), r.target(), r.detail());
    }
}
