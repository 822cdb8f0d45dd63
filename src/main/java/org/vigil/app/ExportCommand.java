package org.vigil.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditSink;
import org.vigil.domain.Role;
import org.vigil.export.ExportFormat;
import org.vigil.export.ExportProgress;
import org.vigil.export.ExportProtection;
import org.vigil.export.ExporterFactory;
import org.vigil.export.SessionExports;
import org.vigil.export.SessionLog;
import org.vigil.export.SessionLogReader;
import org.vigil.storage.VigilDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil export}: one session, or every session of a date range, as CSV, PDF, HL7 v2 or FHIR. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Exports recorded sessions from a session database.",
            "Formats: csv (session, vitals, alarms and events files; a folder, or one zip when --out ends in .zip),",
            "pdf (the printable session report), hl7 (HL7 v2.6 ORU^R01, IHE PCD-01), fhir (FHIR R4 Bundle, JSON).",
            "--deidentify leaves out name, MRN, date of birth and free text and shifts every date by an offset",
            "that is not written anywhere. With --from/--to, --out is a folder that gets one export per session.",
            "--password asks for a password (or --password-file reads it from the first line of a file): the PDF is",
            "then encrypted (AES-256), the other formats are written as one AES-256 encrypted zip (--out ends in .zip)."},
        footer = {"", "Examples:",
            "  java -jar vigil.jar export --db vigil.db --session last --format pdf --out report.pdf",
            "  java -jar vigil.jar export --db vigil.db --session 12 --format csv --out session-12.zip",
            "  java -jar vigil.jar export --db vigil.db --from 2026-03-01 --to 2026-03-31 --format fhir --deidentify --out march/",
            "  java -jar vigil.jar export --db vigil.db --session 12 --format hl7 --password --out session-12.hl7.zip"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The session database.")
    Path db;

    @Option(names = "--session", paramLabel = "ID|last", description = "The session to export: its number, or 'last'.")
    String session;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (yyyy-mm-dd) of a range of sessions (by start).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (yyyy-mm-dd, included) of the range.")
    String to;

    @Option(names = "--outbox", description = "List the interface engine's outbox instead (state, attempts and the"
            + " engine's answer of each signed session, refusals included) and export nothing.")
    boolean outbox;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv, pdf, hl7 or fhir.")
    String format;

    @Option(names = "--deidentify", description = "Leave out name, MRN, birth date and free text; shift dates.")
    boolean deidentify;

    @Option(names = "--out", paramLabel = "PATH", description = "The file (or folder) to write.")
    Path out;

    @Option(names = "--password", interactive = true, paramLabel = "PASSWORD", description = "Ask for a password"
            + " (at least " + ExportProtection.MIN_LENGTH + " characters) and protect the export with it; never give it"
            + " on the command line.")
    char[] password;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Protect the export with the password on"
            + " the first line of FILE (for scripts; keep the file readable by you only).")
    Path passwordFile;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the times written (default: this computer's).")
    String zone;

    Clock clock = Clock.systemUTC();
    AuditSink audit = AuditSink.NONE;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outText = spec.commandLine().getOut();
        if (outbox) {
            return listOutbox(outText, err);
        }
        if (format == null || out == null) {
            err.println("export: give --format FORMAT and --out PATH");
            return 2;
        }
        Optional<ExportFormat> f = ExportFormat.fromKey(format);
        if (f.isEmpty()) {
            err.println("export: unknown format '" + format + "' (expected csv, pdf, hl7 or fhir)");
            return 2;
        }
        ExportProtection protection;
        try {
            protection = protection();
        } catch (IllegalArgumentException | java.io.IOException e) {
            err.println("export: " + e.getMessage());
            return 2;
        }
        if (protection.isProtected() && session != null) {
            Optional<String> bad = protection.targetProblem(f.get(), out);
            if (bad.isPresent()) {
                err.println("export: " + bad.get());
                return 2;
            }
        }
        if ((session == null) == (from == null && to == null)) {
            err.println("export: give either --session ID|last or --from DATE --to DATE");
            return 2;
        }
        ZoneId z;
        try {
            z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            err.println("export: unknown time zone '" + zone + "'");
            return 2;
        }
        if (!Files.isRegularFile(db)) {
            err.println("export: no session database at " + db);
            return 2;
        }
        String user = System.getProperty("user.name", "unknown");
        Actor actor = new Actor("os:" + user, user + " (command line)", Role.SYSTEM, null, "system");
        SessionExports exports = new SessionExports(ExporterFactory.standard(clock), audit, clock, new SecureRandom());
        try (VigilDatabase database = VigilDatabase.open(db)) {
            SessionLogReader reader = new SessionLogReader(new org.vigil.review.SessionArchive(database), z);
            List<Long> ids = new ArrayList<>();
            boolean range = session == null;
            if (!range) {
                if (session.equalsIgnoreCase("last")) {
                    Optional<Long> last = reader.last();
                    if (last.isEmpty()) {
                        err.println("export: " + db + " holds no session");
                        return 3;
                    }
                    ids.add(last.get());
                } else {
                    try {
                        ids.add(Long.parseLong(session.trim()));
                    } catch (NumberFormatException e) {
                        err.println("export: --session takes a session number or 'last', not '" + session + "'");
                        return 2;
                    }
                }
            } else {
                if (from == null || to == null) {
                    err.println("export: a range needs both --from and --to");
                    return 2;
                }
                LocalDate a;
                LocalDate b;
                try {
                    a = LocalDate.parse(from.trim());
                    b = LocalDate.parse(to.trim());
                } catch (DateTimeParseException e) {
                    err.println("export: dates are yyyy-mm-dd: " + e.getParsedString());
                    return 2;
                }
                if (b.isBefore(a)) {
                    err.println("export: --to " + b + " is before --from " + a);
                    return 2;
                }
                Instant start = a.atStartOfDay(z).toInstant();
                Instant end = b.plusDays(1).atStartOfDay(z).toInstant();
                ids.addAll(reader.startedBetween(start, end));
                if (ids.isEmpty()) {
                    err.println("export: no session started between " + a + " and " + b + " in " + db);
                    return 3;
                }
                Files.createDirectories(out);
            }
            for (long id : ids) {
                Optional<SessionLog> log = reader.read(id);
                if (log.isEmpty()) {
                    err.println("export: no session " + id + " in " + db);
                    return 3;
                }
                Path target = range ? out.resolve(SessionExports.fileName(id, f.get(), deidentify, protection.isProtected()))
                        : out;
                exports.export(log.get(), f.get(), deidentify, protection, target, actor, ExportProgress.NONE);
                outText.println("session " + id + " -> " + target + (protection.isProtected() ? " (password-protected)" : ""));
            }
        } finally {
            protection.forget();
        }
        return 0;
    }

    /** The protection asked for: none, the password typed at the prompt, or the first line of --password-file. */
    private ExportProtection protection() throws java.io.IOException {
        if (password != null && passwordFile != null) {
            throw new IllegalArgumentException("give --password or --password-file, not both");
        }
        if (password != null) {
            try {
                return ExportProtection.withPassword(password);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
        if (passwordFile != null) {
            if (!Files.isRegularFile(passwordFile)) {
                throw new IllegalArgumentException("no password file at " + passwordFile);
            }
            List<String> lines = Files.readAllLines(passwordFile, java.nio.charset.StandardCharsets.UTF_8);
            char[] pw = lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
            try {
                return ExportProtection.withPassword(pw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " (first line of " + passwordFile + ")");
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
        }
        return ExportProtection.NONE;
    }

    private int listOutbox(PrintWriter outText, PrintWriter err) {
        if (!Files.isRegularFile(db)) {
            err.println("export: no session database at " + db);
            return 2;
        }
        try (VigilDatabase database = VigilDatabase.open(db); org.vigil.storage.OutboxStore box = database.outbox()) {
            outText.println("id,session,control_id,state,attempts,enqueued_at,last_attempt_at,last_answer");
            for (org.vigil.storage.OutboxStore.Item i : box.all()) {
                outText.println(i.id() + "," + i.sessionId() + "," + i.controlId() + "," + i.state() + "," + i.attempts() + ","
                        + i.enqueuedAt() + "," + (i.lastAttemptAt() == null ? "" : i.lastAttemptAt()) + ","
                        + Csv.field(i.lastAnswer()));
            }
        }
        return 0;
    }
}
