package org.vigil.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.exception.ZipException;
import net.lingala.zip4j.model.FileHeader;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;

/**
 * Password-protected exports: the file cannot be read without the password, reads back with it to
 * exactly what the unprotected export holds, and the audit trail says it was protected.
 */
class ProtectedExportTest {

    private static final char[] PASSWORD = "correct horse 7".toCharArray();

    @TempDir
    Path dir;

    final List<AuditEntry> audit = new ArrayList<>();

    private SessionExports exports() {
        return new SessionExports(ExportFixtures.factory(), audit::add, ExportFixtures.CLOCK, new Random(1));
    }

    private Path export(ExportFormat format, ExportProtection protection, String name) throws IOException {
        return exports().export(ExportFixtures.smallLog(), format, false, protection, dir.resolve(name), Actor.SYSTEM,
                ExportProgress.NONE);
    }

    private static byte[] entry(Path zip, char[] password, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile(), password)) {
            FileHeader h = z.getFileHeader(name);
            assertTrue(h != null, name + " is in " + zip);
            assertTrue(h.isEncrypted(), name + " is encrypted");
            assertEquals(EncryptionMethod.AES, h.getEncryptionMethod());
            assertEquals(AesKeyStrength.KEY_STRENGTH_256, h.getAesExtraDataRecord().getAesKeyStrength());
            try (InputStream in = z.getInputStream(h)) {
                return in.readAllBytes();
            }
        }
    }

    @Test
    void anHl7ExportIsAnEncryptedZipHoldingTheSameMessage() throws IOException {
        Path plain = export(ExportFormat.HL7, ExportProtection.NONE, "plain.hl7");
        Path locked = export(ExportFormat.HL7, ExportProtection.withPassword(PASSWORD), "session-42.hl7.zip");
        assertArrayEquals(Files.readAllBytes(plain), entry(locked, PASSWORD, "session-42.hl7"));
        String raw = new String(Files.readAllBytes(locked), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("Doe"), "no patient name in the encrypted file");
        assertFalse(raw.contains("MRN-0042"), "no MRN in the encrypted file");
        assertThrows(ZipException.class, () -> entry(locked, "wrong password".toCharArray(), "session-42.hl7"));
    }

    @Test
    void aFhirExportIsAnEncryptedZipHoldingTheSameBundle() throws IOException {
        Path plain = export(ExportFormat.FHIR, ExportProtection.NONE, "plain.json");
        Path locked = export(ExportFormat.FHIR, ExportProtection.withPassword(PASSWORD), "session-42.json.zip");
        assertArrayEquals(Files.readAllBytes(plain), entry(locked, PASSWORD, "session-42.json"));
    }

    @Test
    void aCsvExportIsOneEncryptedZipOfTheFourFiles() throws IOException {
        Path plain = export(ExportFormat.CSV, ExportProtection.NONE, "plain");
        Path locked = export(ExportFormat.CSV, ExportProtection.withPassword(PASSWORD), "session-42.zip");
        for (String f : List.of("session.csv", "vitals.csv", "alarms.csv", "events.csv")) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(f)), entry(locked, PASSWORD, f), f);
        }
    }

    @Test
    void aPdfReportNeedsThePasswordToOpenAndThenReadsAsUsual() throws IOException {
        Path locked = export(ExportFormat.PDF, ExportProtection.withPassword(PASSWORD), "session-42.pdf");
        assertThrows(InvalidPasswordException.class, () -> Loader.loadPDF(locked.toFile()).close());
        try (PDDocument doc = Loader.loadPDF(locked.toFile(), new String(PASSWORD))) {
            assertTrue(doc.isEncrypted());
            assertEquals(256, doc.getEncryption().getLength(), "AES-256");
            assertTrue(doc.getCurrentAccessPermission().canPrint(), "printing allowed");
            assertFalse(doc.getCurrentAccessPermission().canModify(), "changes not allowed");
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(1);
            s.setEndPage(1);
            String p1 = s.getText(doc);
            assertTrue(p1.contains("Doe, Jane") && p1.contains("MRN-0042"), p1);
        }
    }

    @Test
    void theAuditTrailSaysWhetherTheFileIsProtected() throws IOException {
        export(ExportFormat.HL7, ExportProtection.NONE, "plain.hl7");
        export(ExportFormat.PDF, ExportProtection.withPassword(PASSWORD), "locked.pdf");
        assertEquals("false", audit.get(0).detail().get("password_protected"));
        assertEquals("true", audit.get(1).detail().get("password_protected"));
        assertEquals("pdf", audit.get(1).detail().get("format"));
    }

    @Test
    void aShortPasswordIsRefusedNamingTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExportProtection.withPassword("short".toCharArray()));
        assertEquals("the export password needs at least 8 characters (it has 5)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExportProtection.withPassword(new char[0]));
    }

    @Test
    void aProtectedExportThatIsNotAZipIsRefusedBeforeAnythingIsWrittenOrAudited() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> export(ExportFormat.HL7, ExportProtection.withPassword(PASSWORD), "session-42.hl7"));
        assertTrue(e.getMessage().contains("ending in .zip"), e.getMessage());
        assertTrue(audit.isEmpty());
        assertFalse(Files.exists(dir.resolve("session-42.hl7")));
    }

    @Test
    void forgetOverwritesThePassword() {
        ExportProtection p = ExportProtection.withPassword(PASSWORD);
        p.forget();
        assertArrayEquals(new char[PASSWORD.length], p.password());
    }

    @Test
    void protectedFileNamesSayTheyAreZips() {
        assertEquals("session-3.hl7.zip", SessionExports.fileName(3, ExportFormat.HL7, false, true));
        assertEquals("session-3.json.zip", SessionExports.fileName(3, ExportFormat.FHIR, false, true));
        assertEquals("session-3-deidentified.zip", SessionExports.fileName(3, ExportFormat.CSV, true, true));
        assertEquals("session-3.pdf", SessionExports.fileName(3, ExportFormat.PDF, false, true));
    }
}
