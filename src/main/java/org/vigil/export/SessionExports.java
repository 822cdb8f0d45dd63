package org.vigil.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.AuditSink;

/**
 * One export as the command line, the export dialog and the discharge action run it: de-identify
 * when asked, write with the format's exporter, and record who exported what where in the audit
 * trail ({@code export}, {@code session:ID}, format, de-identified, path). A failed or cancelled
 * export is not recorded as done.
 */
public final class SessionExports {

    private final ExporterFactory exporters;
    private final AuditSink audit;
    private final InstantSource clock;
    private final RandomGenerator random;

    /** {@code random} draws de-identification offsets and pseudonyms (a SecureRandom outside tests). */
    public SessionExports(ExporterFactory exporters, AuditSink audit, InstantSource clock, RandomGenerator random) {
        this.exporters = Objects.requireNonNull(exporters, "exporters");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public ExporterFactory exporters() {
        return exporters;
    }

    /** Writes {@code log} as {@code format} to {@code out}, unprotected; returns {@code out}. */
    public Path export(SessionLog log, ExportFormat format, boolean deidentify, Path out, Actor actor,
            ExportProgress progress) throws IOException {
        return export(log, format, deidentify, ExportProtection.NONE, out, actor, progress);
    }

    /**
     * Writes {@code log} as {@code format} to {@code out}, protected as {@code protection} says;
     * returns {@code out}. The audit entry says whether the file is password-protected.
     *
     * @throws IllegalArgumentException when {@code out} cannot take a protected export of the format
     */
    public Path export(SessionLog log, ExportFormat format, boolean deidentify, ExportProtection protection, Path out,
            Actor actor, ExportProgress progress) throws IOException {
        Objects.requireNonNull(protection, "protection");
        protection.targetProblem(format, out).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        SessionLog what = deidentify ? new Deidentifier(random).apply(log) : log;
        exporters.get(format).export(what, out, progress, protection);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("format", format.key());
        detail.put("deidentified", Boolean.toString(deidentify));
        detail.put("password_protected", Boolean.toString(protection.isProtected()));
        detail.put("path", out.toAbsolutePath().toString());
        audit.record(new AuditEntry(clock.instant(), actor, "export", "session:" + log.sessionId(), detail));
        return out;
    }

    /** The file name an export of {@code sessionId} gets in a folder ({@code session-12.pdf}; CSV: a folder). */
    public static String fileName(long sessionId, ExportFormat format, boolean deidentify) {
        String base = "session-" + sessionId + (deidentify ? "-deidentified" : "");
        return format == ExportFormat.CSV ? base : base + "." + format.extension();
    }

    /**
     * The file name of an export that may be password-protected: as {@link #fileName}, but a
     * protected CSV, HL7 or FHIR export is one encrypted zip ({@code session-12.hl7.zip},
     * {@code session-12.zip}); a protected PDF keeps its name.
     */
    public static String fileName(long sessionId, ExportFormat format, boolean deidentify, boolean passwordProtected) {
        String name = fileName(sessionId, format, deidentify);
        if (!passwordProtected || format == ExportFormat.PDF) {
            return name;
        }
        return name + ".zip";
    }
}
