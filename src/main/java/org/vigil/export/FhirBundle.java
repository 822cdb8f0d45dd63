package org.vigil.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.alarm.Priority;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

/**
 * A session as a FHIR R4 {@code Bundle} of type {@code collection}, written with Jackson's
 * streaming generator (readings are never all in memory): one {@code Patient}, one
 * {@code Encounter} (the session, class AMB), a {@code Device} for the station and one per
 * monitor, one {@code Observation} per reading in the vital-signs profiles (heart rate 8867-4,
 * SpO2 2708-6 + 59408-5, respiratory rate 9279-1, blood pressure panel 85354-9 with 8480-6 and
 * 8462-4 components and 8478-0 mean) coded in LOINC and IEEE 11073 MDC with UCUM units, and one
 * {@code DetectedIssue} per alarm. Pulse rate (8889-8) and perfusion index (MDC only) are
 * Observations without a vital-signs profile. A value the device did not send has a
 * {@code dataAbsentReason}; a flagged value has status {@code preliminary} and its flags in a note.
 */
final class FhirBundle {

    static final String VITAL_SIGNS = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String PROFILE = "http://hl7.org/fhir/StructureDefinition/";
    private static final JsonFactory JSON = new JsonFactory();

    private final SessionLog log;
    private final Instant now;
    private final ZoneId zone;
    private final String seed;
    private final String patientUrl;
    private final String encounterUrl;
    private final String stationUrl;
    /** Per device id, the full URL of its Device for each identity it told (one when it told none). */
    private final Map<String, List<String>> deviceUrls = new java.util.LinkedHashMap<>();
    private final Map<String, SessionLog.DevicePart> devices = new java.util.HashMap<>();
    private int observations;

    FhirBundle(SessionLog log, Instant now) {
        this.log = log;
        this.now = now;
        this.zone = log.zone();
        this.seed = log.deidentified() && log.patient() != null ? log.patient().id()
                : "session-" + log.sessionId() + "-" + log.start().toEpochMilli();
        this.patientUrl = url("patient");
        this.encounterUrl = url("encounter");
        this.stationUrl = url("device-station");
        for (SessionLog.DevicePart d : log.devices()) {
            List<String> urls = new ArrayList<>();
            urls.add(url("device-" + d.deviceId()));
            for (int k = 1; k < d.identities().size(); k++) {
                urls.add(url("device-" + d.deviceId() + "-" + (k + 1)));
            }
            deviceUrls.put(d.deviceId(), urls);
            devices.put(d.deviceId(), d);
        }
    }

    private String url(String what) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((seed + "/" + what).getBytes(StandardCharsets.UTF_8));
    }

    void write(OutputStream out, ExportProgress progress) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("resourceType", "Bundle");
            if (log.deidentified()) {
                g.writeObjectFieldStart("meta");
                g.writeArrayFieldStart("security");
                coding(g, "http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "PSEUDED", "pseudonymized");
                g.writeEndArray();
                g.writeArrayFieldStart("tag");
                coding(g, "urn:vigil:export", "deidentified", Deidentifier.STATEMENT);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeStringField("type", "collection");
            if (!log.deidentified()) {
                g.writeStringField("timestamp", ExportText.iso(now, zone));
            }
            g.writeArrayFieldStart("entry");
            patient(g);
            encounter(g);
            devices(g);
            readings(g, progress);
            alarms(g);
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void entry(JsonGenerator g, String fullUrl, String type) throws IOException {
        g.writeStartObject();
        g.writeStringField("fullUrl", fullUrl);
        g.writeObjectFieldStart("resource");
        g.writeStringField("resourceType", type);
    }

    private static void endEntry(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeEndObject();
    }

    private void patient(JsonGenerator g) throws IOException {
        entry(g, patientUrl, "Patient");
        SessionLog.PatientPart p = log.patient();
        g.writeArrayFieldStart("identifier");
        g.writeStartObject();
        if (p == null) {
            g.writeStringField("system", "urn:vigil:chair");
            g.writeStringField("value", log.chairId());
        } else if (log.deidentified()) {
            g.writeStringField("system", "urn:vigil:pseudonym");
            g.writeStringField("value", p.id());
        } else {
            g.writeObjectFieldStart("type");
            g.writeArrayFieldStart("coding");
            coding(g, "http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number");
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("value", p.id());
        }
        g.writeEndObject();
        g.writeEndArray();
        if (p != null && !log.deidentified()) {
            g.writeArrayFieldStart("name");
            g.writeStartObject();
            g.writeStringField("text", p.name());
            g.writeEndObject();
            g.writeEndArray();
            if (p.birthDate() != null) {
                g.writeStringField("birthDate", p.birthDate().toString());
            }
        }
        endEntry(g);
    }

    private void encounter(JsonGenerator g) throws IOException {
        entry(g, encounterUrl, "Encounter");
        if (!log.deidentified()) {
            g.writeArrayFieldStart("identifier");
            g.writeStartObject();
            g.writeStringField("system", "urn:vigil:session");
            g.writeStringField("value", Long.toString(log.sessionId()));
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeStringField("status", log.end() == null ? "in-progress" : "finished");
        g.writeObjectFieldStart("class");
        g.writeStringField("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode");
        g.writeStringField("code", "AMB");
        g.writeStringField("display", "ambulatory");
        g.writeEndObject();
        reference(g, "subject", patientUrl);
        g.writeObjectFieldStart("period");
        g.writeStringField("start", ExportText.iso(log.start(), zone));
        if (log.end() != null) {
            g.writeStringField("end", ExportText.iso(log.end(), zone));
        }
        g.writeEndObject();
        g.writeArrayFieldStart("location");
        g.writeStartObject();
        g.writeObjectFieldStart("location");
        g.writeStringField("display", "chair " + log.chairId());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        endEntry(g);
    }

    private void devices(JsonGenerator g) throws IOException {
        entry(g, stationUrl, "Device");
        deviceName(g, "Vigil station");
        g.writeArrayFieldStart("version");
        g.writeStartObject();
        g.writeStringField("value", log.softwareVersion().isEmpty() ? "unknown" : log.softwareVersion());
        g.writeEndObject();
        g.writeEndArray();
        endEntry(g);
        for (SessionLog.DevicePart d : log.devices()) {
            List<String> urls = deviceUrls.get(d.deviceId());
            for (int k = 0; k < urls.size(); k++) {
                DeviceIdentityChange c = d.identities().isEmpty() ? null : d.identities().get(k);
                device(g, urls.get(k), d, c);
            }
        }
    }

    /** One Device: a configured device as it identified itself from {@code c.since()} ({@code c} null: it told nothing). */
    private void device(JsonGenerator g, String url, SessionLog.DevicePart d, DeviceIdentityChange c) throws IOException {
        DeviceIdentity id = c == null ? DeviceIdentity.UNKNOWN : c.identity();
        entry(g, url, "Device");
        g.writeArrayFieldStart("identifier");
        g.writeStartObject();
        g.writeStringField("system", "urn:vigil:device");
        g.writeStringField("value", d.deviceId());
        g.writeEndObject();
        if (!id.eui64().isEmpty()) {
            // the IEEE 11073 system id (MDC_ATTR_SYS_ID), written as the EUI-64 is printed: XX-XX-…
            g.writeStartObject();
            g.writeObjectFieldStart("type");
            g.writeArrayFieldStart("coding");
            coding(g, VitalCodes.MDC_SYSTEM, "67972", "MDC_ATTR_SYS_ID");
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("value", String.join("-", id.eui64().split("(?<=\\G..)")));
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!id.manufacturer().isEmpty()) {
            g.writeStringField("manufacturer", id.manufacturer());
        }
        if (!id.serial().isEmpty()) {
            g.writeStringField("serialNumber", id.serial());
        }
        g.writeArrayFieldStart("deviceName");
        name(g, d.label() + " (" + d.protocol() + ")", "user-friendly-name");
        if (!id.model().isEmpty()) {
            name(g, id.model(), "model-name");
        }
        g.writeEndArray();
        if (!id.model().isEmpty()) {
            g.writeStringField("modelNumber", id.model());
        }
        if (!id.software().isEmpty()) {
            g.writeArrayFieldStart("version");
            g.writeStartObject();
            g.writeStringField("value", id.software());
            g.writeEndObject();
            g.writeEndArray();
        }
        if (c != null) {
            g.writeArrayFieldStart("note");
            g.writeStartObject();
            g.writeStringField("text", "identity reported by the device from " + ExportText.iso(c.since(), zone));
            g.writeEndObject();
            g.writeEndArray();
        }
        reference(g, "parent", stationUrl);
        endEntry(g);
    }

    private static void deviceName(JsonGenerator g, String name) throws IOException {
        g.writeArrayFieldStart("deviceName");
        name(g, name, "user-friendly-name");
        g.writeEndArray();
    }

    private static void name(JsonGenerator g, String name, String type) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("type", type);
        g.writeEndObject();
    }

    private void readings(JsonGenerator g, ExportProgress progress) throws IOException {
        long span = Math.max(1, log.duration(log.start()).toMillis());
        List<Reading> cuff = new ArrayList<>(3);
        long[] count = {0};
        log.readings().forEach(r -> {
            if (r.vital().isNibp()) {
                if (!cuff.isEmpty() && (!cuff.get(0).time().equals(r.time()) || !cuff.get(0).deviceId().equals(r.deviceId())
                        || cuff.stream().anyMatch(c -> c.vital() == r.vital()))) {
                    bloodPressure(g, cuff);
                    cuff.clear();
                }
                cuff.add(r);
            } else {
                if (!cuff.isEmpty() && !cuff.get(0).time().equals(r.time())) {
                    bloodPressure(g, cuff);
                    cuff.clear();
                }
                single(g, r);
            }
            if (++count[0] % 5_000 == 0) {
                progress.checkpoint(0.9 * (r.time().toEpochMilli() - log.start().toEpochMilli()) / (double) span);
            }
        });
        if (!cuff.isEmpty()) {
            bloodPressure(g, cuff);
        }
    }

    private void single(JsonGenerator g, Reading r) throws IOException {
        Vital v = r.vital();
        String profile = switch (v) {
            case HR -> "heartrate";
            case SPO2 -> "oxygensat";
            case RR -> "resprate";
            default -> null;
        };
        startObservation(g, profile, List.of(r));
        g.writeObjectFieldStart("code");
        g.writeArrayFieldStart("coding");
        VitalCodes.Code c = VitalCodes.of(v);
        if (v == Vital.SPO2) {
            coding(g, VitalCodes.LOINC_SYSTEM, VitalCodes.LOINC_O2_SAT_ARTERIAL, "Oxygen saturation in Arterial blood");
        }
        if (c.loinc() != null) {
            coding(g, VitalCodes.LOINC_SYSTEM, c.loinc(), c.loincName());
        }
        coding(g, VitalCodes.MDC_SYSTEM, Integer.toString(c.mdcCode()), c.mdcTerm());
        g.writeEndArray();
        g.writeStringField("text", v.label());
        g.writeEndObject();
        common(g, r);
        value(g, "valueQuantity", r);
        endEntry(g);
    }

    private void bloodPressure(JsonGenerator g, List<Reading> cuff) throws IOException {
        Map<Vital, Reading> parts = new EnumMap<>(Vital.class);
        for (Reading r : cuff) {
            parts.put(r.vital(), r);
        }
        startObservation(g, "bp", cuff);
        g.writeObjectFieldStart("code");
        g.writeArrayFieldStart("coding");
        coding(g, VitalCodes.LOINC_SYSTEM, VitalCodes.LOINC_BP_PANEL, "Blood pressure panel with all children optional");
        g.writeEndArray();
        g.writeStringField("text", "NIBP");
        g.writeEndObject();
        Reading first = cuff.get(0);
        common(g, first);
        g.writeArrayFieldStart("component");
        for (Vital v : List.of(Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN)) {
            Reading r = parts.get(v);
            if (r == null && v == Vital.NIBP_MEAN) {
                continue;
            }
            VitalCodes.Code c = VitalCodes.of(v);
            g.writeStartObject();
            g.writeObjectFieldStart("code");
            g.writeArrayFieldStart("coding");
            coding(g, VitalCodes.LOINC_SYSTEM, c.loinc(), c.loincName());
            coding(g, VitalCodes.MDC_SYSTEM, Integer.toString(c.mdcCode()), c.mdcTerm());
            g.writeEndArray();
            g.writeEndObject();
            if (r == null) {
                absent(g);
            } else {
                value(g, "valueQuantity", r);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        endEntry(g);
    }

    private void startObservation(JsonGenerator g, String profile, List<Reading> rs) throws IOException {
        observations++;
        entry(g, url("obs-" + observations), "Observation");
        if (profile != null) {
            g.writeObjectFieldStart("meta");
            g.writeArrayFieldStart("profile");
            g.writeString(PROFILE + profile);
            g.writeEndArray();
            g.writeEndObject();
        }
        boolean valid = rs.stream().allMatch(r -> !r.hasValue() || r.isValid());
        g.writeStringField("status", valid ? "final" : "preliminary");
        if (profile != null) {
            g.writeArrayFieldStart("category");
            g.writeStartObject();
            g.writeArrayFieldStart("coding");
            coding(g, VITAL_SIGNS, "vital-signs", "Vital Signs");
            g.writeEndArray();
            g.writeStringField("text", "Vital Signs");
            g.writeEndObject();
            g.writeEndArray();
        }
    }

    private void common(JsonGenerator g, Reading r) throws IOException {
        reference(g, "subject", patientUrl);
        reference(g, "encounter", encounterUrl);
        g.writeStringField("effectiveDateTime", ExportText.iso(r.time(), zone));
        String flags = r.flagsText();
        if (!flags.isEmpty()) {
            g.writeArrayFieldStart("note");
            g.writeStartObject();
            g.writeStringField("text", "flags: " + flags.replace('|', ' '));
            g.writeEndObject();
            g.writeEndArray();
        }
        List<String> urls = deviceUrls.get(r.deviceId());
        String device = urls == null ? stationUrl : urls.get(Math.max(0, devices.get(r.deviceId()).identityIndexAt(r.time())));
        reference(g, "device", device);
    }

    private static void value(JsonGenerator g, String field, Reading r) throws IOException {
        if (!r.hasValue()) {
            absent(g);
            return;
        }
        VitalCodes.Code c = VitalCodes.of(r.vital());
        g.writeObjectFieldStart(field);
        g.writeNumberField("value", BigDecimal.valueOf(r.value()).setScale(r.vital().decimals(), RoundingMode.HALF_UP));
        g.writeStringField("unit", c.ucum());
        g.writeStringField("system", VitalCodes.UCUM_SYSTEM);
        g.writeStringField("code", c.ucum());
        g.writeEndObject();
    }

    private static void absent(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("dataAbsentReason");
        g.writeArrayFieldStart("coding");
        coding(g, "http://terminology.hl7.org/CodeSystem/data-absent-reason", "error", "Error");
        g.writeEndArray();
        g.writeEndObject();
    }

    private void alarms(JsonGenerator g) throws IOException {
        int n = 0;
        for (AlarmEpisode a : AlarmEpisode.of(log.alarms(), log.events(), log.zone())) {
            entry(g, url("alarm-" + (++n)), "DetectedIssue");
            g.writeStringField("status", "final");
            g.writeObjectFieldStart("code");
            g.writeStringField("text", a.kind() == org.vigil.alarm.AlarmKind.TECHNICAL ? "technical alarm"
                    : "physiological alarm");
            g.writeEndObject();
            g.writeStringField("severity", a.priority() == Priority.HIGH ? "high"
                    : a.priority() == Priority.MEDIUM ? "moderate" : "low");
            reference(g, "patient", patientUrl);
            g.writeObjectFieldStart("identifiedPeriod");
            g.writeStringField("start", ExportText.iso(a.onset(), zone));
            if (a.end() != null) {
                g.writeStringField("end", ExportText.iso(a.end(), zone));
            }
            g.writeEndObject();
            reference(g, "author", stationUrl);
            StringBuilder d = new StringBuilder(a.message() == null ? a.alarmId() : a.message());
            if (a.limit() != null) {
                d.append("; limit ").append(ExportText.number(a.limit()));
            }
            if (a.acknowledgedBy() != null) {
                d.append("; acknowledged by ").append(a.acknowledgedBy()).append(" at ")
                        .append(ExportText.iso(a.acknowledgedAt(), zone));
            }
            if (!a.silencing().isEmpty()) {
                d.append("; ").append(String.join(", ", a.silencing()));
            }
            g.writeStringField("detail", d.toString());
            endEntry(g);
        }
    }

    private static void reference(JsonGenerator g, String field, String url) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("reference", url);
        g.writeEndObject();
    }

    private static void coding(JsonGenerator g, String system, String code, String display) throws IOException {
        g.writeStartObject();
        g.writeStringField("system", system);
        g.writeStringField("code", code);
        if (display != null) {
            g.writeStringField("display", display);
        }
        g.writeEndObject();
    }
}
