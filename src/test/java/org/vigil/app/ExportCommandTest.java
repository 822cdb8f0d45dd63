package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.export.GeneratedSession;
import org.vigil.storage.VigilDatabase;
import picocli.CommandLine;

class ExportCommandTest {

    @TempDir
    static Path dir;
    static Path db;
    static long first;
    static long second;

    @BeforeAll
    static void database() throws Exception {
        db = dir.resolve("vigil.db");
        try (VigilDatabase d = VigilDatabase.open(db)) {
            first = new GeneratedSession(1, Instant.parse("2026-03-02T08:00:00Z"), Duration.ofMinutes(30),
                    Duration.ofSeconds(10)).store(d);
            second = new GeneratedSession(2, Instant.parse("2026-03-04T08:00:00Z"), Duration.ofMinutes(30),
                    Duration.ofSeconds(10)).store(d);
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void exportsTheLastSessionAsPdf() throws Exception {
        Path pdf = dir.resolve("last.pdf");
        Run r = run("export", "--db", db.toString(), "--session", "last", "--format", "pdf", "--out", pdf.toString(),
                "--zone", "UTC");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("session " + second + " -> "), r.out());
        assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void exportsCsvAsAZip() throws Exception {
        Path zip = dir.resolve("s.zip");
        Run r = run("export", "--db", db.toString(), "--session", Long.toString(first), "--format", "csv", "--out",
                zip.toString());
        assertEquals(0, r.code(), r.err());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertTrue(z.getEntry("vitals.csv").getSize() > 1000);
        }
    }

    @Test
    void exportsHl7AndFhir() throws Exception {
        Path hl7 = dir.resolve("s.hl7");
        Path fhir = dir.resolve("s.json");
        assertEquals(0, run("export", "--db", db.toString(), "--session", "1", "--format", "HL7", "--out", hl7.toString()).code());
        assertTrue(Files.readString(hl7).startsWith("MSH|^~\\&|VIGIL"));
        assertTrue(Files.readString(hl7).contains("MRN-0042"));
        assertEquals(0, run("export", "--db", db.toString(), "--session", "1", "--format", "fhir", "--deidentify", "--out",
                fhir.toString()).code());
        String json = Files.readString(fhir);
        assertTrue(json.startsWith("{\"resourceType\":\"Bundle\""));
        assertFalse(json.contains("MRN-0042"));
    }

    @Test
    void aDateRangeExportsEverySessionThatStartedInIt() throws Exception {
        Path folder = dir.resolve("march");
        Run r = run("export", "--db", db.toString(), "--from", "2026-03-01", "--to", "2026-03-04", "--format", "hl7",
                "--out", folder.toString(), "--zone", "UTC");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(folder.resolve("session-" + first + ".hl7")));
        assertTrue(Files.exists(folder.resolve("session-" + second + ".hl7")));
        Run one = run("export", "--db", db.toString(), "--from", "2026-03-03", "--to", "2026-03-03", "--format", "hl7",
                "--out", dir.resolve("none").toString(), "--zone", "UTC");
        assertEquals(3, one.code());
        assertTrue(one.err().contains("no session started between 2026-03-03 and 2026-03-03"), one.err());
    }

    @Test
    void theOutboxListingShowsWhatTheEngineRefusedInItsWords() throws Exception {
        try (VigilDatabase d = VigilDatabase.open(db); org.vigil.storage.OutboxStore box = d.outbox()) {
            long id = box.enqueue(first, "VIGIL-1-5", "MSH|...", Instant.parse("2026-03-02T09:00:00Z"));
            box.attempted(id, "rejected", Instant.parse("2026-03-02T09:00:01Z"), Instant.parse("2026-03-02T09:00:01Z"),
                    "AE: Unknown patient, check PID-3");
        }
        Run r = run("export", "--db", db.toString(), "--outbox");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(first + ",VIGIL-1-5,rejected,1,2026-03-02T09:00:00Z,2026-03-02T09:00:01Z,"
                + "\"AE: Unknown patient, check PID-3\""), r.out());
    }

    @Test
    void errorsExitNonZeroWithAClearMessage() {
        String o = dir.resolve("x").toString();
        Run unknownSession = run("export", "--db", db.toString(), "--session", "999", "--format", "pdf", "--out", o);
        assertEquals(3, unknownSession.code());
        assertTrue(unknownSession.err().contains("no session 999 in"), unknownSession.err());
        Run unknownFormat = run("export", "--db", db.toString(), "--session", "1", "--format", "xml", "--out", o);
        assertEquals(2, unknownFormat.code());
        assertTrue(unknownFormat.err().contains("unknown format 'xml' (expected csv, pdf, hl7 or fhir)"));
        Run badDate = run("export", "--db", db.toString(), "--from", "2026-13-01", "--to", "2026-03-02", "--format", "csv",
                "--out", o);
        assertEquals(2, badDate.code());
        assertTrue(badDate.err().contains("dates are yyyy-mm-dd: 2026-13-01"), badDate.err());
        Run badSession = run("export", "--db", db.toString(), "--session", "first", "--format", "csv", "--out", o);
        assertEquals(2, badSession.code());
        Run noDb = run("export", "--db", dir.resolve("missing.db").toString(), "--session", "1", "--format", "csv", "--out", o);
        assertEquals(2, noDb.code());
        assertTrue(noDb.err().contains("no session database at"));
        assertFalse(Files.exists(dir.resolve("missing.db")), "a typo never creates a database");
        Run both = run("export", "--db", db.toString(), "--session", "1", "--from", "2026-03-01", "--to", "2026-03-02",
                "--format", "csv", "--out", o);
        assertEquals(2, both.code());
        assertFalse(Files.exists(dir.resolve("x")));
        Run noFormat = run("export", "--db", db.toString(), "--session", "1", "--out", o);
        assertEquals(2, noFormat.code());
        assertTrue(noFormat.err().contains("give --format FORMAT and --out PATH"));
    }

    @Test
    void aPasswordFileProtectsTheExportAndBadPasswordsAreNamed() throws Exception {
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, "clinic export 2026\n");
        Path zip = dir.resolve("s.hl7.zip");
        Run r = run("export", "--db", db.toString(), "--session", "1", "--format", "hl7", "--password-file", pw.toString(),
                "--out", zip.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(password-protected)"), r.out());
        try (net.lingala.zip4j.ZipFile z = new net.lingala.zip4j.ZipFile(zip.toFile(), "clinic export 2026".toCharArray())) {
            assertTrue(z.isEncrypted());
            try (java.io.InputStream in = z.getInputStream(z.getFileHeader("s.hl7"))) {
                assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("MRN-0042"));
            }
        }
        Path pdf = dir.resolve("s.pdf");
        assertEquals(0, run("export", "--db", db.toString(), "--session", "1", "--format", "pdf", "--password-file",
                pw.toString(), "--out", pdf.toString()).code());
        assertThrows(org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException.class,
                () -> org.apache.pdfbox.Loader.loadPDF(pdf.toFile()).close());

        Run notZip = run("export", "--db", db.toString(), "--session", "1", "--format", "fhir", "--password-file",
                pw.toString(), "--out", dir.resolve("locked.json").toString());
        assertEquals(2, notZip.code());
        assertTrue(notZip.err().contains("a password-protected fhir export is an encrypted zip file: give a name ending in .zip"),
                notZip.err());
        assertFalse(Files.exists(dir.resolve("locked.json")));

        Files.writeString(pw, "short\n");
        Run shortPw = run("export", "--db", db.toString(), "--session", "1", "--format", "pdf", "--password-file",
                pw.toString(), "--out", dir.resolve("refused.pdf").toString());
        assertEquals(2, shortPw.code());
        assertTrue(shortPw.err().contains("needs at least 8 characters (it has 5) (first line of " + pw + ")"), shortPw.err());
        Run missing = run("export", "--db", db.toString(), "--session", "1", "--format", "pdf", "--password-file",
                dir.resolve("nope").toString(), "--out", dir.resolve("refused.pdf").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no password file at"), missing.err());
        assertFalse(Files.exists(dir.resolve("refused.pdf")));
    }

    @Test
    void aRangeExportWithAPasswordNamesEachFileAsAZip() throws Exception {
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, "clinic export 2026");
        Path folder = dir.resolve("march");
        Run r = run("export", "--db", db.toString(), "--from", "2026-03-01", "--to", "2026-03-04", "--format", "hl7",
                "--password-file", pw.toString(), "--out", folder.toString(), "--zone", "UTC");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(folder.resolve("session-" + first + ".hl7.zip")));
        assertTrue(Files.exists(folder.resolve("session-" + second + ".hl7.zip")));
    }
}
