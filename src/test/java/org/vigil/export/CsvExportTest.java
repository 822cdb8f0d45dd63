package org.vigil.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {

    @TempDir
    Path dir;

    @Test
    void folderMatchesTheGoldenFiles() throws IOException {
        Path out = dir.resolve("session-42");
        ExportFixtures.factory().get(ExportFormat.CSV).export(ExportFixtures.smallLog(), out, ExportProgress.NONE);
        for (String f : CsvExporter.FILES) {
            ExportFixtures.assertGolden("csv/" + f, Files.readString(out.resolve(f), StandardCharsets.UTF_8));
        }
    }

    @Test
    void zipHoldsTheSameFilesAsTheFolder() throws IOException {
        Path folder = dir.resolve("f");
        Path zip = dir.resolve("s.zip");
        Exporter csv = ExportFixtures.factory().get(ExportFormat.CSV);
        csv.export(ExportFixtures.smallLog(), folder, ExportProgress.NONE);
        csv.export(ExportFixtures.smallLog(), zip, ExportProgress.NONE);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(CsvExporter.FILES, z.stream().map(e -> e.getName()).toList());
            for (String f : CsvExporter.FILES) {
                String inZip = new String(z.getInputStream(z.getEntry(f)).readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(Files.readString(folder.resolve(f)), inZip, f);
            }
        }
    }

    @Test
    void everyReadingIsOneRowWithHeaderUnitAndIsoTimeWithOffset() throws IOException {
        Path out = dir.resolve("v");
        SessionLog log = ExportFixtures.smallLog();
        ExportFixtures.factory().get(ExportFormat.CSV).export(log, out, ExportProgress.NONE);
        List<String> lines = List.of(Files.readString(out.resolve("vitals.csv")).split("\r\n"));
        assertEquals("time,minutes_since_infusion_start,vital,value,unit,mdc_code,loinc,device,valid,flags", lines.get(0));
        assertEquals(ExportFixtures.readings(log).size(), lines.size() - 1);
        for (String l : lines.subList(1, lines.size())) {
            assertTrue(l.matches("2026-03-02T\\d\\d:\\d\\d:\\d\\d\\+01:00,.*"), l);
            String unit = l.split(",")[4];
            assertTrue(List.of("/min", "%", "mm[Hg]").contains(unit), l);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains(",nibp_sys,") && l.contains(",150021,8480-6,")));
    }

    @Test
    void textWithCommasAndQuotesIsQuotedAsRfc4180Says() throws IOException {
        Path out = dir.resolve("e");
        ExportFixtures.factory().get(ExportFormat.CSV).export(ExportFixtures.smallLog(), out, ExportProgress.NONE);
        String events = Files.readString(out.resolve("events.csv"));
        assertTrue(events.contains("\"text: Patient calm, says \"\"floaty\"\", eyes closed\""), events);
    }

    @Test
    void alarmRowsCarryOnsetEndLimitAcknowledgementAndSilencing() throws IOException {
        Path out = dir.resolve("a");
        ExportFixtures.factory().get(ExportFormat.CSV).export(ExportFixtures.smallLog(), out, ExportProgress.NONE);
        List<String> lines = List.of(Files.readString(out.resolve("alarms.csv")).split("\r\n"));
        assertEquals(3, lines.size());
        String desat = lines.get(1);
        assertTrue(desat.contains(",spo2.low,physiological,medium,spo2,86,88,%,SpO2 86 < 88,,nurse.kim,"), desat);
        assertTrue(desat.contains("audio_paused"), desat);
        assertFalse(lines.get(2).contains("nurse.kim"));
    }

    @Test
    void aCancelledExportLeavesNothing() {
        Path out = dir.resolve("c.zip");
        ExportProgress cancelled = new ExportProgress() {
            @Override
            public void done(double fraction) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        SessionLog big = new GeneratedSession(1, ExportFixtures.START, java.time.Duration.ofMinutes(30))
                .log(1, ExportFixtures.ZONE);
        org.junit.jupiter.api.Assertions.assertThrows(ExportCancelledException.class,
                () -> ExportFixtures.factory().get(ExportFormat.CSV).export(big, out, cancelled));
        assertFalse(Files.exists(out));
        assertEquals(0, dir.toFile().list().length, "no partial file");
    }
}
