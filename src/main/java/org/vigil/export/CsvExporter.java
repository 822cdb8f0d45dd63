package org.vigil.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import org.vigil.domain.Vital;

/**
 * CSV export: {@code session.csv}, {@code vitals.csv}, {@code alarms.csv}, {@code events.csv}
 * (RFC 4180, UTF-8 without BOM, CRLF, ISO 8601 times with offset, a header row always and a
 * {@code unit} column wherever a value has a unit) in a folder, or in one zip when the output
 * name ends in {@code .zip}. Columns are listed in docs/EXPORT.md.
 */
final class CsvExporter implements Exporter {

    static final List<String> FILES = List.of("session.csv", "vitals.csv", "alarms.csv", "events.csv");

    @Override
    public ExportFormat format() {
        return ExportFormat.CSV;
    }

    @Override
    public void export(SessionLog log, Path out, ExportProgress progress, ExportProtection protection) throws IOException {
        boolean zip = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        if (protection.isProtected()) {
            if (!zip) {
                throw new IOException(protection.targetProblem(ExportFormat.CSV, out).orElseThrow());
            }
            OutputFiles.write(out, tmp -> {
                try (OutputFiles.EncryptedZip z = new OutputFiles.EncryptedZip(tmp, protection)) {
                    for (String name : FILES) {
                        z.entry(name, log.start().toEpochMilli(), o -> {
                            Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                            write(name, log, w, progress);
                            w.flush();
                        });
                    }
                }
            });
        } else if (zip) {
            OutputFiles.write(out, tmp -> {
                try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tmp))) {
                    for (String name : FILES) {
                        ZipEntry e = new ZipEntry(name);
                        e.setTime(log.start().toEpochMilli());
                        z.putNextEntry(e);
                        Writer w = new OutputStreamWriter(new OutputFiles.NonClosing(z), StandardCharsets.UTF_8);
                        write(name, log, w, progress);
                        w.flush();
                        z.closeEntry();
                    }
                }
            });
        } else {
            OutputFiles.writeFolder(out, dir -> {
                for (String name : FILES) {
                    try (Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
                        write(name, log, w, progress);
                    }
                }
            });
        }
        progress.checkpoint(1);
    }

    private static void write(String name, SessionLog log, Writer w, ExportProgress progress) throws IOException {
        CsvWriter csv = new CsvWriter(w);
        switch (name) {
            case "session.csv" -> session(log, csv);
            case "vitals.csv" -> vitals(log, csv, progress);
            case "alarms.csv" -> alarms(log, csv);
            case "events.csv" -> events(log, csv);
            default -> throw new IllegalArgumentException(name);
        }
    }

    /** {@code section,field,value,unit}: the session, patient, order and dose, phases, scores, discharge, devices. */
    static void session(SessionLog log, CsvWriter csv) throws IOException {
        ZoneId z = log.zone();
        csv.row("section", "field", "value", "unit");
        csv.row("export", "deidentified", Boolean.toString(log.deidentified()), "");
        if (log.deidentified()) {
            csv.row("export", "note", Deidentifier.STATEMENT, "");
        }
        csv.row("session", "id", Long.toString(log.sessionId()), "");
        csv.row("session", "chair", log.chairId(), "");
        csv.row("session", "start", ExportText.iso(log.start(), z), "");
        csv.row("session", "end", ExportText.iso(log.end(), z), "");
        csv.row("session", "end_reason", log.endReason(), "");
        csv.row("session", "software_version", log.softwareVersion(), "");
        csv.row("session", "simulated", Boolean.toString(log.simulated()), "");
        SessionLog.PatientPart p = log.patient();
        if (p != null) {
            csv.row("patient", log.deidentified() ? "pseudonym" : "mrn", p.id(), "");
            if (!log.deidentified()) {
                csv.row("patient", "name", p.name(), "");
                csv.row("patient", "birth_date", p.birthDate() == null ? "" : p.birthDate().toString(), "");
            }
            csv.row("patient", "weight", ExportText.number(p.weightKg()), "kg");
        }
        SessionLog.OrderPart o = log.order();
        if (o != null) {
            csv.row("order", "dose", ExportText.number(o.doseMgPerKg()), "mg/kg");
            csv.row("order", "weight", ExportText.number(o.weightKg()), "kg");
            csv.row("order", "concentration", ExportText.number(o.concentrationMgPerMl()), "mg/mL");
            csv.row("order", "duration", ExportText.number(o.durationMin()), "min");
            csv.row("order", "prescriber", o.prescriber(), "");
            csv.row("dose", "total", ExportText.number(o.totalMg()), "mg");
            csv.row("dose", "volume", ExportText.number(o.volumeMl()), "mL");
            csv.row("dose", "rate", ExportText.number(o.rateMlPerH()), "mL/h");
        }
        for (RecordedEvent e : log.events()) {
            Instant t = e.time();
            switch (e.type()) {
                case PHASE -> csv.row("phase", e.detail().getOrDefault("phase", ""), ExportText.iso(t, z), "");
                case INFUSION -> csv.row("infusion", e.detail().getOrDefault("action", ""), ExportText.iso(t, z), "");
                case DOSE_CONFIRMED -> csv.row("dose", "above_usual_confirmed_by", nz(e.user()), "");
                case SCORE -> {
                    for (Map.Entry<String, String> s : e.detail().entrySet()) {
                        csv.row("score", s.getKey() + " " + ExportText.iso(t, z), s.getValue(), "");
                    }
                }
                case CHECKPOINT -> csv.row("checkpoint", e.detail().getOrDefault("label", ""),
                        e.detail().getOrDefault("nibp", ""), "mm[Hg]");
                case DISCHARGED -> {
                    csv.row("discharge", "time", ExportText.iso(t, z), "");
                    csv.row("discharge", "monitoring", e.detail().getOrDefault("monitoring_min", ""), "min");
                    csv.row("discharge", "escort", e.detail().getOrDefault("escort", ""), "");
                    csv.row("signature", "nurse", nz(e.detail().getOrDefault("by", e.user())), "");
                }
                default -> { }
            }
        }
        if (o != null) {
            csv.row("signature", "prescriber", o.prescriber(), "");
        }
        for (SessionLog.DevicePart d : log.devices()) {
            csv.row("device", d.deviceId(), d.label() + " (" + d.protocol() + ")", "");
            if (d.identities().isEmpty()) {
                csv.row("device_serial", d.deviceId(), "", "");
            }
            for (DeviceIdentityChange c : d.identities()) {
                // one key per identity in force: the device id and the time it took force
                String key = d.deviceId() + "@" + ExportText.iso(c.since(), z);
                DeviceIdentity id = c.identity();
                optional(csv, "device_manufacturer", key, id.manufacturer());
                optional(csv, "device_model", key, id.model());
                csv.row("device_serial", key, id.serial(), "");
                optional(csv, "device_software", key, id.software());
                optional(csv, "device_eui64", key, id.eui64());
            }
        }
    }

    private static void optional(CsvWriter csv, String section, String field, String value) throws IOException {
        if (!value.isEmpty()) {
            csv.row(section, field, value, "");
        }
    }

    /** {@code time,minutes_since_infusion_start,vital,value,unit,mdc_code,loinc,device,valid,flags}. */
    static void vitals(SessionLog log, CsvWriter csv, ExportProgress progress) throws IOException {
        csv.row("time", "minutes_since_infusion_start", "vital", "value", "unit", "mdc_code", "loinc", "device",
                "valid", "flags");
        Instant infusion = log.infusionStart().orElse(null);
        ZoneId z = log.zone();
        long total = Math.max(1, log.duration(log.start()).toMillis());
        long[] n = {0};
        log.readings().forEach(r -> {
            Vital v = r.vital();
            VitalCodes.Code c = VitalCodes.of(v);
            csv.row(ExportText.iso(r.time(), z), ExportText.minutesSince(infusion, r.time()), v.key(),
                    ExportText.value(v, r.value()), c.ucum(), Integer.toString(c.mdcCode()), nz(c.loinc()), r.deviceId(),
                    Boolean.toString(r.isValid()), r.flagsText());
            if (++n[0] % 5_000 == 0) {
                progress.checkpoint(0.9 * (r.time().toEpochMilli() - log.start().toEpochMilli()) / (double) total);
            }
        });
    }

    /** One row per alarm: onset to clear with acknowledgement and silencing. */
    static void alarms(SessionLog log, CsvWriter csv) throws IOException {
        ZoneId z = log.zone();
        csv.row("onset", "end", "cleared", "alarm", "kind", "priority", "parameter", "value", "limit", "unit",
                "message", "escalated_at", "acknowledged_by", "acknowledged_at", "silencing");
        for (AlarmEpisode a : AlarmEpisode.of(log.alarms(), log.events(), log.zone())) {
            Vital v = Vital.fromKey(a.parameter()).orElse(null);
            csv.row(ExportText.iso(a.onset(), z), ExportText.iso(a.end(), z), ExportText.iso(a.cleared(), z),
                    a.alarmId(), a.kind().name().toLowerCase(Locale.ROOT), a.priority().key(), nz(a.parameter()),
                    v == null || a.value() == null ? "" : ExportText.value(v, a.value()),
                    v == null || a.limit() == null ? "" : ExportText.value(v, a.limit()),
                    v == null ? "" : VitalCodes.of(v).ucum(), nz(a.message()), ExportText.iso(a.escalatedAt(), z),
                    nz(a.acknowledgedBy()), ExportText.iso(a.acknowledgedAt(), z), String.join("; ", a.silencing()));
        }
    }

    /** Every session event (the edit trail included: corrections point at what they correct). */
    static void events(SessionLog log, CsvWriter csv) throws IOException {
        ZoneId z = log.zone();
        csv.row("time", "recorded_at", "seq", "type", "user", "corrects", "detail");
        for (RecordedEvent e : log.events()) {
            csv.row(ExportText.iso(e.time(), z), ExportText.iso(e.recordedAt(), z), Long.toString(e.seq()),
                    e.type().key(), nz(e.user()), e.corrects() == 0 ? "" : Long.toString(e.corrects()),
                    detail(e.detail()));
        }
    }

    static String detail(Map<String, String> d) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : d.entrySet()) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(e.getKey()).append(": ").append(e.getValue());
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Keeps a zip entry's writer from closing the zip. */

}
