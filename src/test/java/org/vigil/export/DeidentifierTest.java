package org.vigil.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Reading;

class DeidentifierTest {

    @TempDir
    Path dir;

    /** Names, MRN, birth date, free text, the real date and the devices' serial numbers and EUI-64 (device identifiers). */
    private static final List<String> PHI = List.of("Doe", "Jane", "MRN-0042", "1980-04-12", "19800412", "floaty",
            "2026-03-02", "20260302", "DE4200A042", "0000056661", "0000071234", "0009FBFFFF0042A1", "00-09-FB-FF");

    @Test
    void everyFormatLeavesOutNameMrnBirthDateFreeTextAndTheRealDate() throws IOException {
        SessionLog log = new Deidentifier(new Random(5)).apply(ExportFixtures.smallLog());
        ExporterFactory f = ExportFixtures.factory();
        for (ExportFormat format : ExportFormat.values()) {
            Path out = dir.resolve("d-" + format.key() + (format == ExportFormat.CSV ? "" : "." + format.extension()));
            f.get(format).export(log, out, ExportProgress.NONE);
            String text = text(format, out);
            for (String phi : PHI) {
                assertFalse(text.contains(phi), format + " export contains '" + phi + "'");
            }
            assertTrue(text.replace("\r\n", " ").replace("\n", " ").contains("De-identified export")
                    || text.contains("de-identified"), format + " states that it is de-identified");
        }
    }

    @Test
    void allTimesMoveByTheSameWholeNumberOfDaysAndIntervalsStay() throws IOException {
        SessionLog original = ExportFixtures.smallLog();
        SessionLog d = new Deidentifier(new Random(11)).apply(original);
        Duration shift = Duration.between(original.start(), d.start());
        assertTrue(shift.isNegative());
        assertEquals(0, shift.toSeconds() % 86_400);
        assertTrue(shift.toDays() <= -365);
        List<Reading> a = ExportFixtures.readings(original);
        List<Reading> b = ExportFixtures.readings(d);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).time().plus(shift), b.get(i).time());
            assertEquals(a.get(i).value(), b.get(i).value());
        }
        assertEquals(original.alarms().get(0).time().plus(shift), d.alarms().get(0).time());
        assertEquals(original.events().get(8).time().plus(shift), d.events().get(8).time());
        String until = original.events().get(8).get("until");
        assertEquals(java.time.Instant.parse(until).plus(shift).toString(), d.events().get(8).get("until"));
    }

    @Test
    void devicesKeepModelAndSoftwareAndTheTimeOfEachChangeShiftedButNoSerial() {
        SessionLog original = ExportFixtures.smallLog();
        SessionLog d = new Deidentifier(new Random(3)).apply(original);
        Duration shift = Duration.between(original.start(), d.start());
        SessionLog.DevicePart monitor = d.devices().get(0);
        assertEquals(new org.vigil.domain.DeviceIdentity("Philips", "866062", "", "M.00.03", ""),
                monitor.identities().get(0).identity());
        SessionLog.DevicePart ox = d.devices().get(1);
        assertEquals(2, ox.identities().size(), "the swap is still there, without the serials");
        assertEquals(original.devices().get(1).identities().get(1).since().plus(shift), ox.identities().get(1).since());
    }

    @Test
    void eachExportDrawsItsOwnOffsetAndPseudonym() {
        SessionLog original = ExportFixtures.smallLog();
        java.security.SecureRandom r = new java.security.SecureRandom();
        SessionLog one = new Deidentifier(r).apply(original);
        SessionLog two = new Deidentifier(r).apply(original);
        assertNotEquals(one.patient().id(), two.patient().id());
        assertTrue(one.patient().id().startsWith("DEID-"));
    }

    private static String text(ExportFormat format, Path out) throws IOException {
        if (format == ExportFormat.PDF) {
            try (PDDocument doc = Loader.loadPDF(out.toFile())) {
                return new PDFTextStripper().getText(doc);
            }
        }
        if (format == ExportFormat.CSV) {
            StringBuilder b = new StringBuilder();
            try (Stream<Path> files = Files.list(out)) {
                for (Path p : files.toList()) {
                    b.append(Files.readString(p));
                }
            }
            return b.toString();
        }
        return Files.readString(out);
    }
}
