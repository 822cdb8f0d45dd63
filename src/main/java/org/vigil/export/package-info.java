/**
 * Session log exports (issue 11, design.md §4): one {@link org.vigil.export.Exporter} per
 * {@link org.vigil.export.ExportFormat} (CSV, PDF, HL7 v2.6 ORU^R01, FHIR R4), built by
 * {@link org.vigil.export.ExporterFactory}; {@link org.vigil.export.VitalCodes} is the one table
 * of MDC and LOINC codes and UCUM units every format uses; {@link org.vigil.export.Deidentifier}
 * makes the research variant; {@link org.vigil.export.SessionLogReader} reads a stored session
 * with its readings streamed; the {@code outbox} sub-package sends signed sessions to the
 * clinic's interface engine over MLLP. Depends on domain, alarm, session and storage; never on
 * the chair runtime or the UI.
 */
package org.vigil.export;
