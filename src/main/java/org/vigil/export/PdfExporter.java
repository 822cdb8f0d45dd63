package org.vigil.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import org.vigil.domain.Vital;

/**
 * The printable session report (PDFBox, A4, standard fonts, black and white): patient and order,
 * the dose arithmetic, a summary with the first alarm, phase times, trend charts of the whole
 * session ({@link PdfCharts}), the vitals at each cuff measurement, the alarm log with
 * acknowledgements and silencing, events and notes, scores, discharge, devices and software,
 * and signature lines for nurse and prescriber. Every page carries the patient's name and MRN
 * (the pseudonym when de-identified) and "page i of n".
 */
final class PdfExporter implements Exporter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final InstantSource clock;

    PdfExporter(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.PDF;
    }

    @Override
    public void export(SessionLog log, Path out, ExportProgress progress, ExportProtection protection) throws IOException {
        Instant now = clock.instant();
        TrendPass trend = TrendPass.run(log, (int) PdfCharts.plotWidth(), progress);
        List<AlarmEpisode> alarms = AlarmEpisode.of(log.alarms(), log.events(), log.zone());
        OutputFiles.write(out, tmp -> {
            try (PDDocument doc = new PDDocument()) {
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle("Session report " + (log.deidentified() ? "(de-identified)" : Long.toString(log.sessionId())));
                info.setCreator("Vigil " + log.softwareVersion());
                try (PdfPages p = new PdfPages(doc)) {
                    write(log, trend, alarms, p, now, progress);
                    p.finish(header(log), "Vigil " + log.softwareVersion() + (log.deidentified() ? " · de-identified"
                            : " · printed " + format(now, log.zone())));
                }
                if (protection.isProtected()) {
                    protect(doc, protection);
                }
                doc.save(tmp.toFile());
            }
        });
        progress.checkpoint(1);
    }

    /**
     * Encrypts the report with AES-256 (PDF 2.0 standard security handler): the reader needs the
     * password to open it; printing and copying are then allowed, changes are not. The owner
     * password is random and written nowhere, so nobody can lift the restrictions.
     */
    private static void protect(PDDocument doc, ExportProtection protection) throws IOException {
        AccessPermission permissions = new AccessPermission();
        permissions.setCanModify(false);
        permissions.setCanModifyAnnotations(false);
        permissions.setCanAssembleDocument(false);
        permissions.setCanFillInForm(false);
        byte[] owner = new byte[32];
        new java.security.SecureRandom().nextBytes(owner);
        char[] pw = protection.password();
        try {
            StandardProtectionPolicy policy = new StandardProtectionPolicy(java.util.HexFormat.of().formatHex(owner),
                    new String(pw), permissions);
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    static String header(SessionLog log) {
        SessionLog.PatientPart p = log.patient();
        String who = p == null ? "no patient (chair " + log.chairId() + ")"
                : log.deidentified() ? "De-identified patient " + p.id() : p.name() + " · MRN " + p.id();
        return who + " · session " + (log.deidentified() ? "-" : Long.toString(log.sessionId())) + " · chair "
                + log.chairId() + " · " + format(log.start(), log.zone());
    }

    private static String format(Instant t, ZoneId z) {
        return t == null ? "" : TIME.format(t.atZone(z));
    }

    private static void write(SessionLog log, TrendPass trend, List<AlarmEpisode> alarms, PdfPages p, Instant now,
            ExportProgress progress) throws IOException {
        ZoneId z = log.zone();
        p.line(p.bold, 15, "Ketamine infusion session report");
        if (log.deidentified()) {
            p.line(p.bold, 9, Deidentifier.STATEMENT);
        }
        p.heading("Patient");
        SessionLog.PatientPart pt = log.patient();
        if (pt == null) {
            p.line("No patient checked in (monitoring only).");
        } else if (log.deidentified()) {
            p.line("Pseudonym: " + pt.id() + "    Weight: " + ExportText.number(pt.weightKg()) + " kg");
        } else {
            p.line("Patient: " + pt.name() + "    MRN: " + pt.id() + "    Date of birth: "
                    + (pt.birthDate() == null ? "not recorded" : pt.birthDate()) + "    Weight: "
                    + ExportText.number(pt.weightKg()) + " kg");
        }
        p.line("Chair " + log.chairId() + "    Start " + format(log.start(), z) + "    End "
                + (log.end() == null ? "still running" : format(log.end(), z)) + (log.endReason().isEmpty() ? ""
                        : " (" + log.endReason() + ")") + (log.simulated() ? "    SIMULATED DEVICES" : ""));
        SessionLog.OrderPart o = log.order();
        p.heading("Order and dose calculation");
        if (o == null) {
            p.line("No order.");
        } else {
            p.line("Ketamine " + ExportText.number(o.doseMgPerKg()) + " mg/kg x " + ExportText.number(o.weightKg())
                    + " kg = " + ExportText.number(o.totalMg()) + " mg");
            p.line(ExportText.number(o.totalMg()) + " mg / " + ExportText.number(o.concentrationMgPerMl()) + " mg/mL = "
                    + ExportText.number(o.volumeMl()) + " mL over " + ExportText.number(o.durationMin()) + " min = "
                    + ExportText.number(o.rateMlPerH()) + " mL/h");
            p.line("Prescriber: " + o.prescriber());
            log.first(SessionEventType.DOSE_CONFIRMED).ifPresent(e -> line(p, "Dose above the usual range confirmed by "
                    + nz(e.user()) + " at " + CLOCK.format(e.time().atZone(z))));
        }
        p.heading("Summary");
        p.line("Readings: " + trend.readings + "    Cuff measurements: " + trend.cuffs.size() + "    Alarms: "
                + alarms.size());
        if (alarms.isEmpty()) {
            p.line("First alarm: none");
        } else {
            AlarmEpisode a = alarms.get(0);
            p.line("First alarm: " + format(a.onset(), z) + " " + a.priority().key() + " - "
                    + (a.message() == null ? a.alarmId() : a.message()));
        }
        p.heading("Phases");
        for (RecordedEvent e : log.events()) {
            if (e.type() == SessionEventType.PHASE || e.type() == SessionEventType.INFUSION) {
                p.row(p.regular, 9, new float[] {0, 90}, CLOCK.format(e.time().atZone(z)),
                        e.type() == SessionEventType.PHASE ? "phase " + e.detail().getOrDefault("phase", "")
                                : "infusion " + e.detail().getOrDefault("action", "")
                                        + (e.detail().containsKey("rate_ml_h") ? " " + e.detail().get("rate_ml_h") + " mL/h" : ""));
            }
        }
        progress.checkpoint(0.65);
        p.heading("Trends of the whole session");
        new PdfCharts(p, log, trend, alarms).draw();
        progress.checkpoint(0.8);

        p.heading("Vitals at the cuff measurements");
        float[] cols = {0, 52, 90, 170, 210, 250, 295, 335, 380};
        p.row(p.bold, 8, cols, "time", "min", "NIBP mm[Hg]", "HR", "PR", "SpO2 %", "RR", "device", "flags");
        Instant inf = log.infusionStart().orElse(null);
        for (TrendPass.CuffRow r : trend.cuffs) {
            p.row(p.regular, 8, cols, CLOCK.format(r.time().atZone(z)), ExportText.minutesSince(inf, r.time()),
                    ExportText.value(Vital.NIBP_SYS, r.sys()) + "/" + ExportText.value(Vital.NIBP_DIA, r.dia())
                            + (Double.isNaN(r.mean()) ? "" : " (" + ExportText.value(Vital.NIBP_MEAN, r.mean()) + ")"),
                    ExportText.value(Vital.HR, r.hr()), ExportText.value(Vital.PR, r.pr()),
                    ExportText.value(Vital.SPO2, r.spo2()), ExportText.value(Vital.RR, r.rr()), r.device(), r.flags());
        }
        p.heading("Alarm log");
        float[] acols = {0, 40, 80, 260, 375, 425};
        p.row(p.bold, 8, acols, "onset", "priority", "alarm", "acknowledged", "ended", "silencing");
        for (AlarmEpisode a : alarms) {
            p.row(p.regular, 8, acols, CLOCK.format(a.onset().atZone(z)), a.priority().key(),
                    (a.message() == null ? a.alarmId() : a.message())
                            + (a.limit() == null ? "" : " (limit " + ExportText.number(a.limit()) + ")"),
                    a.acknowledgedAt() == null ? "" : nz(a.acknowledgedBy()) + " " + CLOCK.format(a.acknowledgedAt().atZone(z)),
                    a.end() == null ? "" : CLOCK.format(a.end().atZone(z)), String.valueOf(a.silencing().size()));
        }
        if (alarms.isEmpty()) {
            p.line("No alarms.");
        }
        p.heading("Events, notes and limit changes");
        float[] ecols = {0, 48, 140, 200};
        for (RecordedEvent e : log.events()) {
            if (e.type() == SessionEventType.PHASE) {
                continue;
            }
            p.row(p.regular, 8, ecols, CLOCK.format(e.time().atZone(z)), e.type().key()
                    + (e.corrects() != 0 ? " (corrects #" + e.corrects() + ")" : ""), nz(e.user()), detail(e.detail()));
        }
        p.heading("Scores");
        boolean any = false;
        for (RecordedEvent e : log.events()) {
            if (e.type() == SessionEventType.SCORE) {
                any = true;
                p.line(CLOCK.format(e.time().atZone(z)) + "  " + detail(e.detail()) + "  (" + nz(e.user()) + ")");
            }
        }
        if (!any) {
            p.line("No scores recorded.");
        }
        p.heading("Discharge");
        RecordedEvent discharged = log.first(SessionEventType.DISCHARGED).orElse(null);
        p.line(discharged == null ? "Not discharged in this record."
                : "Discharged " + format(discharged.time(), z) + " by " + discharged.detail().getOrDefault("by", nz(discharged.user()))
                        + " after " + discharged.detail().getOrDefault("monitoring_min", "?") + " min; escort "
                        + discharged.detail().getOrDefault("escort", "?"));
        p.heading("Devices and software");
        for (SessionLog.DevicePart d : log.devices()) {
            p.line(d.deviceId() + ": " + d.label() + ", protocol " + d.protocol() + ", " + d.endpoint());
            if (d.identities().isEmpty()) {
                p.line("    model and serial not reported by the device");
            }
            // each identity the device told, from the time it took force (a probe or monitor swapped: several)
            for (org.vigil.domain.DeviceIdentityChange c : d.identities()) {
                p.line("    from " + CLOCK.format(c.since().atZone(z)) + ": " + c.identity().describe());
            }
        }
        p.line("Vigil " + log.softwareVersion() + (log.deidentified() ? "" : "; report printed " + format(now, z)));
        p.heading("Signatures");
        p.need(70);
        p.down(24);
        p.line("Nurse: " + (discharged == null ? "" : discharged.detail().getOrDefault("by", nz(discharged.user())))
                + "    Signature: ______________________________    Date: ____________");
        p.down(18);
        p.line("Prescriber: " + (o == null ? "" : o.prescriber())
                + "    Signature: ______________________________    Date: ____________");
    }

    private static void line(PdfPages p, String text) {
        try {
            p.line(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String detail(Map<String, String> d) {
        return CsvExporter.detail(d);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
