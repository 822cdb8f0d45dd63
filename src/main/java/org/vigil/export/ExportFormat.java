package org.vigil.export;

import java.util.Locale;
import java.util.Optional;

/** The formats a session log is exported in; {@link #key()} is what the command line and the dialog use. */
public enum ExportFormat {
    /** A folder (or one {@code .zip}) of RFC 4180 CSV files: session, vitals, alarms, events. */
    CSV("csv", "CSV files (folder or .zip)"),
    /** A printable session report. */
    PDF("pdf", "PDF session report"),
    /** One HL7 v2.6 ORU^R01 message, IHE PCD-01. */
    HL7("hl7", "HL7 v2.6 ORU^R01 message"),
    /** One FHIR R4 Bundle in JSON. */
    FHIR("fhir", "FHIR R4 Bundle (JSON)");

    private final String key;
    private final String label;

    ExportFormat(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The file name ending a single-file export of this format gets ({@code csv} is a folder or {@code .zip}). */
    public String extension() {
        return switch (this) {
            case CSV -> "zip";
            case PDF -> "pdf";
            case HL7 -> "hl7";
            case FHIR -> "json";
        };
    }

    /** The format with this key, case-insensitively. */
    public static Optional<ExportFormat> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.key.equals(k)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
