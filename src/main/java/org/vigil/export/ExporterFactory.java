package org.vigil.export;

import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The exporters by format (the shape of JabRef's {@code ExporterFactory}): the command line,
 * the export dialog and the benchmark ask it for a format's exporter; adding a format is one
 * class and one line here.
 */
public final class ExporterFactory {

    private final Map<ExportFormat, Exporter> exporters = new EnumMap<>(ExportFormat.class);

    private ExporterFactory(List<Exporter> all) {
        for (Exporter e : all) {
            exporters.put(e.format(), e);
        }
    }

    /** Every format; {@code clock} stamps the exports (HL7 MSH-7, FHIR timestamp, the report's print time). */
    public static ExporterFactory standard(InstantSource clock) {
        return new ExporterFactory(List.of(new CsvExporter(), new PdfExporter(clock), new Hl7Exporter(clock),
                new FhirExporter(clock)));
    }

    public Exporter get(ExportFormat format) {
        Exporter e = exporters.get(format);
        if (e == null) {
            throw new IllegalArgumentException("no exporter for " + format.key());
        }
        return e;
    }

    public List<ExportFormat> formats() {
        return List.copyOf(exporters.keySet());
    }
}
