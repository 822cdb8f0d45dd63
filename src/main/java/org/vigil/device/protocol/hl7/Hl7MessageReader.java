package org.vigil.device.protocol.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.v26.datatype.CWE;
import ca.uhn.hl7v2.model.v26.segment.OBX;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.ReadOnlyMessageIterator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.hl7.Hl7Rejection.ErrorCode;
import org.vigil.domain.Decimals;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.Measurement;
import org.vigil.domain.Vital;

/**
 * Reads one HL7 v2 message (IHE PCD-01 "Communicate PCD Data", ORU^R01) with HAPI HL7v2, every
 * version read with the v2.6 structures and without HAPI's validation (monitors break its rules
 * routinely and the mapping below is stricter where it matters).
 *
 * <p>Each OBX is looked up by OBX-3 ({@link Metric}: MDC code, LOINC, or the MDC reference id
 * when the code is wrong), in message order, whatever its OBX-1 set id (monitors repeat them):
 * <ul>
 *   <li>OBX-5 is the value, in OBX-6's unit ({@link Units}: kPa → mmHg, °F → °C; empty = the
 *       metric's own unit; a unit of another kind gives no value, the unit kept as the attribute
 *       {@code <vital>_unit});</li>
 *   <li>OBX-11 {@code F}, {@code R}, {@code C}, {@code P} or empty: a result; {@code X} (cannot
 *       obtain), {@code N}, {@code D}, {@code W} and other codes: no value;</li>
 *   <li>no value ({@link Measurement#absent}) also for an empty OBX-5, text that is not a plain
 *       decimal number, and the sentinels monitors send instead of one: a negative number (-100,
 *       -1; none of these metrics can be negative) and 8388606 or more (the IEEE 11073 FLOAT
 *       special values NaN, NRes, ±INF as integers);</li>
 *   <li>the first OBX of a vital that has a value wins; a repeat (a second SpO2 channel) is kept
 *       as an {@code obx.…} attribute;</li>
 *   <li>an unknown OBX-3 with a value is kept as the attribute
 *       {@code obx.<coding system>.<code>[@<OBX-4>]} = {@code <OBX-5> <OBX-6 text>}, never a
 *       vital; rows with no value (the device tree: MDS, VMD, channel rows with OBX-11 X) are
 *       skipped.</li>
 * </ul>
 * Attributes: {@code device_time} (OBX-14 of the first vital observation, else OBR-7, else MSH-7,
 * as ISO-8601), {@code message_time} (MSH-7), {@code nibp_time} (OBX-14 of the NIBP), {@code
 * control_id} (MSH-10), {@code sending_application} / {@code sending_facility} (MSH-3/4), {@code
 * bed} (PV1-3), {@code nibp_pulse}, {@code temperature} (°C). The device's identity
 * ({@link DeviceFrame#identity()}): {@code model} = MSH-3's first component (the name the sending
 * application gives itself: a monitor's own, or a gateway's), and the first OBX-18 of the message
 * (any OBX, the device-tree rows included): {@code eui64} when it is an EUI-64 (16 hexadecimal
 * digits in EI-1, or in EI-3 with EI-4 {@code EUI-64}), else {@code serial} = EI-1.
 *
 * <p>Not thread-safe (one HAPI parser each): one reader per decoder or connection.
 */
final class Hl7MessageReader {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final double SENTINEL_FLOOR = 8_388_606;
    private static final Set<String> RESULT_STATUSES = Set.of("", "F", "R", "C", "P");

    private final PipeParser parser;

    Hl7MessageReader() {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.6"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        parser = context.getPipeParser();
    }

    /** The outcome of reading one message: exactly one of the two is set. */
    record Result(Hl7Message message, Hl7Rejection rejection) {

        static Result rejected(String controlId, ErrorCode code, String reason) {
            return new Result(null, new Hl7Rejection(controlId, code, reason));
        }
    }

    /**
     * Reads one message's content (segments separated by CR, LF or CR LF): its header
     * ({@link Hl7Header}, refused as there), then the whole message with HAPI. Never throws.
     */
    Result read(byte[] content) {
        Hl7Header.Scan scan = Hl7Header.scan(content);
        if (scan.rejection() != null) {
            return new Result(null, scan.rejection());
        }
        Hl7Header h = scan.header();
        String controlId = h.controlId();
        Message message;
        try {
            message = parser.parse(h.text());
        } catch (HL7Exception | RuntimeException e) {
            return Result.rejected(controlId, ErrorCode.DATA_TYPE, "the message cannot be parsed: " + oneLine(e.getMessage()));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "control_id", controlId);
        put(attributes, "sending_application", h.sendingApplication());
        put(attributes, "sending_facility", h.sendingFacility());
        // MSH-3's first component names the sending application: the monitor's (or gateway's) model
        put(attributes, DeviceFrame.MODEL, h.sendingApplicationName());
        Optional<String> messageTime = Hl7Time.iso(h.messageTime());
        messageTime.ifPresent(t -> attributes.put("message_time", t));
        Hl7Location location = h.location();
        put(attributes, "bed", location.text());
        Observations obs = new Observations(attributes);
        try {
            for (Iterator<Structure> it = ReadOnlyMessageIterator.createPopulatedSegmentIterator(message); it.hasNext(); ) {
                if (it.next() instanceof OBX obx) {
                    obs.add(obx);
                }
            }
        } catch (HL7Exception | RuntimeException e) {
            return Result.rejected(controlId, ErrorCode.DATA_TYPE, "an OBX cannot be read: " + oneLine(e.getMessage()));
        }
        if (obs.deviceTime == null) {
            obs.deviceTime = Hl7Time.iso(h.firstComponent("OBR", 7)).orElse(messageTime.orElse(null));
        }
        if (obs.deviceTime != null) {
            attributes.put("device_time", obs.deviceTime);
        }
        DeviceFrame frame = new DeviceFrame(new ArrayList<>(obs.vitals.values()), Set.of(), attributes);
        return new Result(new Hl7Message(controlId, h.sendingApplication(), h.sendingFacility(), location, frame), null);
    }

    /** The observations of one message, in the making. */
    private static final class Observations {
        final Map<Vital, Measurement> vitals = new EnumMap<>(Vital.class);
        final Map<String, String> attributes;
        String deviceTime;

        Observations(Map<String, String> attributes) {
            this.attributes = attributes;
        }

        void add(OBX obx) throws HL7Exception {
            equipment(obx);
            CWE id = obx.getObx3_ObservationIdentifier();
            String code = value(id.getCwe1_Identifier());
            String system = value(id.getCwe3_NameOfCodingSystem());
            Optional<Metric> metric = Metric.of(code, value(id.getCwe2_Text()), system);
            if (metric.isEmpty()) {
                metric = Metric.of(value(id.getCwe4_AlternateIdentifier()), value(id.getCwe5_AlternateText()),
                        value(id.getCwe6_NameOfAlternateCodingSystem()));
            }
            String raw = obx.getObx5_ObservationValueReps() == 0 ? "" : text(obx.getObx5_ObservationValue(0).getData());
            CWE unit = obx.getObx6_Units();
            String unitCode = value(unit.getCwe1_Identifier());
            String unitText = value(unit.getCwe2_Text());
            String sub = value(obx.getObx4_ObservationSubID());
            String otherKey = "obx." + (system.isEmpty() ? "-" : system) + "." + code + (sub.isEmpty() ? "" : "@" + sub);
            if (metric.isEmpty()) {
                if (!raw.isBlank()) {
                    String u = unitText.isEmpty() ? unitCode : unitText;
                    putUnique(otherKey, raw.trim() + (u.isEmpty() ? "" : " " + u));
                }
                return;
            }
            Metric m = metric.get();
            String status = value(obx.getObx11_ObservationResultStatus()).toUpperCase(Locale.ROOT);
            OptionalDouble number = RESULT_STATUSES.contains(status) ? number(raw) : OptionalDouble.empty();
            OptionalDouble converted = OptionalDouble.empty();
            if (number.isPresent()) {
                converted = Units.convert(number.getAsDouble(), m.dimension(), unitCode, unitText);
                if (converted.isEmpty()) {
                    String name = m.vital() != null ? m.vital().key() : m.attribute();
                    attributes.putIfAbsent(name + "_unit", unitCode + (unitText.isEmpty() ? "" : "^" + unitText));
                }
            }
            String time = Hl7Time.iso(value(obx.getObx14_DateTimeOfTheObservation())).orElse(null);
            if (m.vital() == null) {
                if (converted.isPresent() && !attributes.containsKey(m.attribute())) {
                    attributes.put(m.attribute(), Decimals.format(converted.getAsDouble()));
                } else if (!raw.isBlank()) {
                    putUnique(otherKey, raw.trim() + (unitText.isEmpty() ? "" : " " + unitText));
                }
                return;
            }
            Vital v = m.vital();
            Measurement existing = vitals.get(v);
            if (existing != null && (existing.hasValue() || converted.isEmpty())) {
                if (!raw.isBlank()) {
                    putUnique(otherKey, raw.trim() + (unitText.isEmpty() ? "" : " " + unitText));
                }
                return;
            }
            vitals.put(v, converted.isPresent() ? Measurement.of(v, converted.getAsDouble()) : Measurement.absent(v, Set.of()));
            if (time != null) {
                if (deviceTime == null) {
                    deviceTime = time;
                }
                if (v.isNibp() && converted.isPresent()) {
                    attributes.putIfAbsent("nibp_time", time);
                }
            }
        }

        /** The message's first OBX-18: the equipment's EUI-64, or else its identifier as a serial. */
        private void equipment(OBX obx) throws HL7Exception {
            if (obx.getObx18_EquipmentInstanceIdentifierReps() == 0
                    || attributes.containsKey(DeviceFrame.EUI64) || attributes.containsKey(DeviceFrame.SERIAL)) {
                return;
            }
            var ei = obx.getObx18_EquipmentInstanceIdentifier(0);
            String entity = value(ei.getEi1_EntityIdentifier());
            String universal = value(ei.getEi3_UniversalID());
            String universalType = value(ei.getEi4_UniversalIDType()).replace("-", "").toUpperCase(Locale.ROOT);
            if (DeviceIdentity.isEui64(entity)) {
                attributes.put(DeviceFrame.EUI64, entity.toUpperCase(Locale.ROOT));
            } else if (universalType.equals("EUI64") && DeviceIdentity.isEui64(universal)) {
                attributes.put(DeviceFrame.EUI64, universal.toUpperCase(Locale.ROOT));
                put(attributes, DeviceFrame.SERIAL, entity);
            } else {
                put(attributes, DeviceFrame.SERIAL, entity);
            }
        }

        private void putUnique(String key, String value) {
            String k = key;
            for (int n = 2; attributes.containsKey(k); n++) {
                k = key + "#" + n;
            }
            attributes.put(k, value);
        }
    }

    /** A plain decimal that is no sentinel, or empty. */
    static OptionalDouble number(String raw) {
        String t = raw == null ? "" : raw.trim();
        if (!NUMBER.matcher(t).matches()) {
            return OptionalDouble.empty();
        }
        double d = Double.parseDouble(t);
        if (d < 0 || d >= SENTINEL_FLOOR) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(d);
    }

    private static String text(Type data) throws HL7Exception {
        if (data == null) {
            return "";
        }
        if (data instanceof Primitive p) {
            return p.getValue() == null ? "" : p.getValue();
        }
        return data.encode();
    }

    private static String value(Primitive p) {
        String v = p == null ? null : p.getValue();
        return v == null ? "" : v.trim();
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, value.trim());
        }
    }

    private static String oneLine(String s) {
        return s == null ? "no detail" : s.replaceAll("\\s+", " ").trim();
    }
}
