package org.vigil.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

class PdfExportTest {

    @TempDir
    Path dir;

    private Path export(SessionLog log) throws IOException {
        Path out = dir.resolve("report.pdf");
        ExportFixtures.factory().get(ExportFormat.PDF).export(log, out, ExportProgress.NONE);
        return out;
    }

    static String text(PDDocument doc, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    @Test
    void pageOneNamesThePatientTheDoseAndTheFirstAlarm() throws IOException {
        try (PDDocument doc = Loader.loadPDF(export(ExportFixtures.smallLog()).toFile())) {
            String p1 = text(doc, 1);
            assertTrue(p1.contains("Doe, Jane"), p1);
            assertTrue(p1.contains("MRN-0042"), p1);
            assertTrue(p1.contains("0.5 mg/kg x 70 kg = 35 mg"), p1);
            assertTrue(p1.contains("3.5 mL over 40 min = 5.25 mL/h"), p1);
            assertTrue(p1.contains("First alarm: 2026-03-02 09:08:20 +01:00 medium - SpO2 86 < 88"), p1);
        }
    }

    @Test
    void everyPageCarriesNameMrnAndPageNumberAndRendersNotBlank() throws IOException {
        SessionLog log = new GeneratedSession(3, ExportFixtures.START, Duration.ofMinutes(100)).log(5, ExportFixtures.ZONE);
        try (PDDocument doc = Loader.loadPDF(export(log).toFile())) {
            int n = doc.getNumberOfPages();
            assertTrue(n >= 2, "pages: " + n);
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < n; i++) {
                String t = text(doc, i + 1);
                assertTrue(t.contains("Doe, Jane · MRN MRN-0042"), "page " + (i + 1) + ": " + t);
                assertTrue(t.contains("Page " + (i + 1) + " of " + n), t);
                BufferedImage img = renderer.renderImageWithDPI(i, 40, ImageType.GRAY);
                if (Boolean.getBoolean("export.pdf.images")) {
                    javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 100, ImageType.GRAY), "png",
                            new java.io.File(System.getProperty("java.io.tmpdir"), "export-report-" + (i + 1) + ".png"));
                }
                assertTrue(darkShare(img) > 0.001, "page " + (i + 1) + " looks blank");
            }
            String all = new PDFTextStripper().getText(doc);
            for (String s : new String[] {"Trends of the whole session", "Vitals at the cuff measurements", "Alarm log",
                "Events, notes and limit changes", "Scores", "aldrete: 10", "Discharge", "Signatures", "Prescriber: Dr. Rivera",
                "Nurse: nurse.kim", "Vigil 1.0-test", "nurse.kim 09:",
                "from 09:00:00: Philips 866062, serial DE4200A042, software M.00.03, EUI-64 0009FBFFFF0042A1",
                "from 09:00:00: serial 0000056661", "from 10:10:12: serial 0000071234"}) {
                assertTrue(all.contains(s), "report lacks '" + s + "'");
            }
        }
    }

    /** A 32-hour session with one short dip: the chart's column for it keeps the lowest value. */
    @Test
    void chartColumnsKeepTheExtremesOfALongSession() throws IOException {
        SessionLog base = new GeneratedSession(9, ExportFixtures.START, Duration.ofHours(32), Duration.ofSeconds(60))
                .log(9, ExportFixtures.ZONE);
        java.time.Instant dip = ExportFixtures.START.plus(Duration.ofHours(20)).plusSeconds(7);
        SessionLog.ReadingSource withDip = sink -> base.readings().forEach(r -> {
            sink.accept(r);
            if (r.vital() == Vital.SPO2 && r.time().equals(dip.minusSeconds(7))) {
                sink.accept(new Reading(dip, "oximeter", Vital.SPO2, 71, Set.of()));
            }
        });
        TrendPass t = TrendPass.run(base.withReadings(withDip), (int) PdfCharts.plotWidth(), ExportProgress.NONE);
        int c = t.column(dip);
        assertEquals(71, t.min.get(Vital.SPO2)[c]);
        assertTrue(t.max.get(Vital.SPO2)[c] >= 97);
        assertEquals(32 * 12, t.cuffs.size());
    }

    /** The share of dark pixels in the body of the page (between the header and footer lines). */
    static double darkShare(BufferedImage img) {
        long dark = 0;
        int from = img.getHeight() / 12;
        int to = img.getHeight() - img.getHeight() / 12;
        for (int y = from; y < to; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xff) < 200) {
                    dark++;
                }
            }
        }
        return dark / (double) (img.getWidth() * (to - from));
    }
}
