package org.vigil.export;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;
import org.vigil.domain.Reading;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.Vital;

/**
 * A session as one HL7 v2.6 ORU^R01 message after IHE PCD-01 (Device Enterprise Communication),
 * written segment by segment (segments end in CR) so the readings are streamed:
 *
 * <pre>
 * MSH|^~\&amp;|VIGIL^…|CLINIC|||20260302101500+0100||ORU^R01^ORU_R01|CONTROL-ID|P|2.6|||NE|AL||UNICODE UTF-8|||IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO
 * PID|||MRN^^^^MR||NAME||DOB
 * PV1||O|CHAIR
 * OBR|1|SESSION^VIGIL|SESSION^VIGIL|252465000^Pulse oximetry^SCT|||START|END
 * NTE|1||dose, order, de-identification statement …
 * OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC^8867-4^Heart rate^LN|1.0.0.1|72|264864^MDC_DIM_BEAT_PER_MIN^MDC^/min^/min^UCUM|||||F|||20260302091500+0100||||monitor^Monitor
 * OBX|…|ST|device_identity^Device identity^99VIGIL|1.0.0.0|monitor (…): Philips 866062, serial …||||||F|||since||||EUI^label^EUI^EUI-64
 * OBX|…|ST|session_event^…^99VIGIL|…|text||||||F|||time         (session events and alarms)
 * </pre>
 *
 * OBX-11 is {@code F} for a valid value, {@code R} for a value the station or device flagged
 * (artifact, implausible, sensor off; the flags follow in OBX-17 as local codes) and {@code X}
 * when the device sent no value. OBX-18 names the device that measured, as it identified itself
 * at the reading's time (EI): {@code EUI-64^label^EUI-64^EUI-64} when it gave an EUI-64 (IHE
 * PCD-01), else {@code serial^label}, else {@code device id^label} when it told nothing. Each
 * identity a device told (model, serial, software) is one {@code device_identity} ST OBX at the
 * time it took force.
 */
public final class Hl7Oru {

    static final String SEGMENT_END = "\r";

    private Hl7Oru() {
    }

    /** The message for {@code log}, control id {@code controlId} (MSH-10), sent at {@code now}. */
    public static String message(SessionLog log, String controlId, Instant now, ExportProgress progress) throws IOException {
        StringBuilder b = new StringBuilder(4096);
        write(log, controlId, now, b, progress);
        return b.toString();
    }

    static void write(SessionLog log, String controlId, Instant now, Appendable out, ExportProgress progress)
            throws IOException {
        ZoneId z = log.zone();
        seg(out, "MSH|^~\\&|VIGIL^" + esc(log.softwareVersion()) + "|CLINIC|||" + ExportText.hl7(now, z)
                + "||ORU^R01^ORU_R01|" + esc(controlId) + "|P|2.6|||NE|AL||UNICODE UTF-8|||IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO");
        SessionLog.PatientPart p = log.patient();
        if (p == null) {
            seg(out, "PID|||" + "CHAIR-" + esc(log.chairId()) + "^^^^PI");
        } else if (log.deidentified()) {
            seg(out, "PID|||" + esc(p.id()) + "^^^^ANON");
        } else {
            seg(out, "PID|||" + esc(p.id()) + "^^^^MR||" + name(p.name()) + "||"
                    + (p.birthDate() == null ? "" : p.birthDate().toString().replace("-", "")));
        }
        seg(out, "PV1||O|" + esc(log.chairId()));
        seg(out, "OBR|1|" + log.sessionId() + "^VIGIL|" + log.sessionId() + "^VIGIL|"
                + "252465000^Pulse oximetry^SCT|||" + ExportText.hl7(log.start(), z) + "|" + ExportText.hl7(log.end(), z));
        int nte = 0;
        if (log.deidentified()) {
            seg(out, "NTE|" + (++nte) + "||" + esc(Deidentifier.STATEMENT));
        }
        SessionLog.OrderPart o = log.order();
        if (o != null) {
            seg(out, "NTE|" + (++nte) + "||" + esc("Order: " + ExportText.number(o.doseMgPerKg()) + " mg/kg x "
                    + ExportText.number(o.weightKg()) + " kg = " + ExportText.number(o.totalMg()) + " mg = "
                    + ExportText.number(o.volumeMl()) + " mL at " + ExportText.number(o.concentrationMgPerMl())
                    + " mg/mL over " + ExportText.number(o.durationMin()) + " min = " + ExportText.number(o.rateMlPerH())
                    + " mL/h; prescriber " + o.prescriber()));
        }
        int[] obx = {0};
        List<SessionLog.DevicePart> devices = log.devices();
        for (int i = 0; i < devices.size(); i++) {
            SessionLog.DevicePart d = devices.get(i);
            for (DeviceIdentityChange c : d.identities()) {
                obx[0]++;
                seg(out, "OBX|" + obx[0] + "|ST|device_identity^Device identity^99VIGIL|" + (i + 1) + ".0.0.0|"
                        + esc(d.deviceId() + " (" + d.label() + ", " + d.protocol() + "): " + c.identity().describe())
                        + "||||||F|||" + ExportText.hl7(c.since(), z) + "||||" + equipment(d, c.identity()));
            }
        }
        long span = Math.max(1, log.duration(log.start()).toMillis());
        log.readings().forEach(r -> {
            obx[0]++;
            seg(out, reading(obx[0], r, devices, z));
            if (obx[0] % 5_000 == 0) {
                progress.checkpoint(0.9 * (r.time().toEpochMilli() - log.start().toEpochMilli()) / (double) span);
            }
        });
        for (RecordedEvent e : log.events()) {
            obx[0]++;
            String user = e.user() == null ? "" : " (" + e.user() + ")";
            seg(out, "OBX|" + obx[0] + "|ST|" + esc(e.type().key()) + "^" + esc(e.type().key().replace('_', ' '))
                    + "^99VIGIL|0.0.0.0|" + esc(CsvExporter.detail(e.detail()) + user) + "||||||F|||"
                    + ExportText.hl7(e.time(), z));
        }
        for (AlarmEpisode a : AlarmEpisode.of(log.alarms(), log.events(), log.zone())) {
            obx[0]++;
            String text = a.priority().key() + " " + a.kind().name().toLowerCase(Locale.ROOT) + " alarm: "
                    + (a.message() == null ? a.alarmId() : a.message())
                    + (a.acknowledgedBy() == null ? "" : "; acknowledged by " + a.acknowledgedBy() + " at "
                            + ExportText.iso(a.acknowledgedAt(), z))
                    + (a.end() == null ? "" : "; ended " + ExportText.iso(a.end(), z));
            seg(out, "OBX|" + obx[0] + "|ST|alarm^Alarm^99VIGIL|0.0.0.0|" + esc(text) + "||||||F|||"
                    + ExportText.hl7(a.onset(), z));
        }
    }

    private static String reading(int n, Reading r, List<SessionLog.DevicePart> devices, ZoneId z) {
        Vital v = r.vital();
        VitalCodes.Code c = VitalCodes.of(v);
        String id = c.mdcCode() + "^" + c.mdcTerm() + "^MDC" + (c.loinc() == null ? "" : "^" + c.loinc() + "^"
                + esc(c.loincName()) + "^LN");
        String unit = c.mdcUnitCode() + "^" + c.mdcUnitTerm() + "^MDC^" + esc(c.ucum()) + "^" + esc(c.ucum()) + "^UCUM";
        String status = !r.hasValue() ? "X" : r.isValid() ? "F" : "R";
        int dev = 1;
        String device = esc(r.deviceId());
        for (int i = 0; i < devices.size(); i++) {
            SessionLog.DevicePart d = devices.get(i);
            if (d.deviceId().equals(r.deviceId())) {
                dev = i + 1;
                device = equipment(d, d.identityAt(r.time()));
                break;
            }
        }
        String method = r.flags().isEmpty() ? "" : esc(r.flagsText().replace('|', ' ')) + "^^99VIGIL";
        return "OBX|" + n + "|NM|" + id + "|" + dev + ".0.0." + (v.ordinal() + 1) + "|" + ExportText.value(v, r.value())
                + "|" + unit + "|||||" + status + "|||" + ExportText.hl7(r.time(), z) + "|||" + method + "|" + device;
    }

    /** OBX-18 (EI) of a device as it identified itself: its EUI-64, else its serial, else its id; its label as the namespace. */
    static String equipment(SessionLog.DevicePart d, DeviceIdentity id) {
        if (!id.eui64().isEmpty()) {
            return id.eui64() + "^" + esc(d.label()) + "^" + id.eui64() + "^EUI-64";
        }
        return esc(id.serial().isEmpty() ? d.deviceId() : id.serial()) + "^" + esc(d.label());
    }

    private static String name(String name) {
        if (name == null) {
            return "";
        }
        int comma = name.indexOf(',');
        if (comma > 0) {
            return esc(name.substring(0, comma).trim()) + "^" + esc(name.substring(comma + 1).trim());
        }
        int space = name.lastIndexOf(' ');
        return space > 0 ? esc(name.substring(space + 1)) + "^" + esc(name.substring(0, space)) : esc(name);
    }

    private static void seg(Appendable out, String segment) throws IOException {
        out.append(segment).append(SEGMENT_END);
    }

    /** HL7 v2 escaping of the delimiters {@code | ^ ~ \ &} and line breaks. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\E\\");
                case '|' -> b.append("\\F\\");
                case '^' -> b.append("\\S\\");
                case '~' -> b.append("\\R\\");
                case '&' -> b.append("\\T\\");
                case '\r', '\n' -> b.append("\\.br\\");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
