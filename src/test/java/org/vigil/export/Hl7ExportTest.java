package org.vigil.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.v26.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v26.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v26.message.ORU_R01;
import ca.uhn.hl7v2.model.v26.segment.OBX;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.NoValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

class Hl7ExportTest {

    @TempDir
    Path dir;

    static ORU_R01 parse(String text) throws HL7Exception {
        try (HapiContext ctx = new DefaultHapiContext()) {
            ctx.setValidationContext(new NoValidation());
            PipeParser p = ctx.getPipeParser();
            return (ORU_R01) p.parse(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String export(SessionLog log) throws IOException {
        Path out = dir.resolve("s.hl7");
        ExportFixtures.factory().get(ExportFormat.HL7).export(log, out, ExportProgress.NONE);
        return Files.readString(out);
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        ExportFixtures.assertGolden("session-42.hl7", export(ExportFixtures.smallLog()));
    }

    @Test
    void hapiParsesTheMessageAndEveryObxCarriesMdcCodeUnitStatusTimeAndDevice() throws Exception {
        SessionLog log = ExportFixtures.smallLog();
        ORU_R01 m = parse(export(log));
        assertEquals("ORU", m.getMSH().getMessageType().getMessageCode().getValue());
        assertEquals("R01", m.getMSH().getMessageType().getTriggerEvent().getValue());
        assertEquals("2.6", m.getMSH().getVersionID().getVersionID().getValue());
        assertEquals("IHE_PCD_001", m.getMSH().getMessageProfileIdentifier(0).getEntityIdentifier().getValue());
        assertEquals("MRN-0042", m.getPATIENT_RESULT().getPATIENT().getPID().getPatientIdentifierList(0).getIDNumber().getValue());
        assertEquals("Doe", m.getPATIENT_RESULT().getPATIENT().getPID().getPatientName(0).getFamilyName().getSurname().getValue());

        ORU_R01_ORDER_OBSERVATION order = m.getPATIENT_RESULT().getORDER_OBSERVATION();
        List<Reading> readings = ExportFixtures.readings(log);
        Map<String, Integer> mdc = Map.of("147842", 0, "149530", 0, "150456", 0, "150021", 0, "150022", 0, "150023", 0,
                "151562", 0);
        Map<String, Integer> seen = new HashMap<>();
        int numeric = 0;
        int text = 0;
        List<String> identities = new java.util.ArrayList<>();
        Set<String> serials = new java.util.HashSet<>();
        for (int i = 0; i < order.getOBSERVATIONReps(); i++) {
            ORU_R01_OBSERVATION o = order.getOBSERVATION(i);
            OBX obx = o.getOBX();
            assertEquals(Integer.toString(i + 1), obx.getSetIDOBX().getValue());
            assertFalse(obx.getDateTimeOfTheObservation().isEmpty(), "OBX-14 of OBX " + (i + 1));
            assertTrue(Set.of("F", "R", "X").contains(obx.getObservationResultStatus().getValue()), "OBX-11");
            if ("NM".equals(obx.getValueType().getValue())) {
                Reading r = readings.get(numeric++);
                VitalCodes.Code c = VitalCodes.of(r.vital());
                assertEquals(Integer.toString(c.mdcCode()), obx.getObservationIdentifier().getIdentifier().getValue());
                assertEquals("MDC", obx.getObservationIdentifier().getNameOfCodingSystem().getValue());
                assertEquals(c.loinc(), obx.getObservationIdentifier().getAlternateIdentifier().getValue());
                assertEquals(c.ucum(), obx.getUnits().getAlternateIdentifier().getValue());
                assertEquals(Integer.toString(c.mdcUnitCode()), obx.getUnits().getIdentifier().getValue());
                String status = !r.hasValue() ? "X" : r.isValid() ? "F" : "R";
                assertEquals(status, obx.getObservationResultStatus().getValue(), "OBX-11 of " + r);
                assertEquals(ExportText.value(r.vital(), r.value()), obx.getObservationValue(0).getData().encode()
                        .replace("", ""));
                SessionLog.DevicePart d = log.devices().stream().filter(x -> x.deviceId().equals(r.deviceId())).findFirst()
                        .orElseThrow();
                DeviceIdentity id = d.identityAt(r.time());
                assertEquals(id.eui64().isEmpty() ? id.serial() : id.eui64(),
                        obx.getEquipmentInstanceIdentifier(0).getEntityIdentifier().getValue(), "OBX-18 of " + r);
                if (!id.eui64().isEmpty()) {
                    assertEquals("EUI-64", obx.getEquipmentInstanceIdentifier(0).getUniversalIDType().getValue());
                }
                serials.add(obx.getEquipmentInstanceIdentifier(0).getEntityIdentifier().getValue());
                seen.merge(obx.getObservationIdentifier().getIdentifier().getValue(), 1, Integer::sum);
            } else {
                assertEquals("ST", obx.getValueType().getValue());
                assertEquals("99VIGIL", obx.getObservationIdentifier().getNameOfCodingSystem().getValue());
                if ("device_identity".equals(obx.getObservationIdentifier().getIdentifier().getValue())) {
                    identities.add(obx.getObservationValue(0).getData().encode() + " / "
                            + obx.getEquipmentInstanceIdentifier(0).getEntityIdentifier().getValue());
                }
                text++;
            }
        }
        assertEquals(readings.size(), numeric);
        assertEquals(log.events().size() + 2 + 3, text, "every event, both alarms and the three identities told");
        assertEquals(List.of(
                "monitor (Bedside monitor, intellivue): Philips 866062, serial DE4200A042, software M.00.03, EUI-64 "
                        + "0009FBFFFF0042A1 / 0009FBFFFF0042A1",
                "oximeter (Pulse oximeter, masimo): serial 0000056661 / 0000056661",
                "oximeter (Pulse oximeter, masimo): serial 0000071234 / 0000071234"), identities);
        assertEquals(Set.of("0009FBFFFF0042A1", "0000056661", "0000071234"), serials,
                "readings name the monitor by its EUI-64 and the oximeter by the probe in use at their time");
        assertEquals(mdc.keySet(), seen.keySet(), "HR, PR, SpO2, NIBP sys/dia/mean and RR all present");
        long cuffs = readings.stream().filter(r -> r.vital() == Vital.NIBP_SYS).count();
        assertEquals(cuffs, seen.get("150021").longValue());
    }

    @Test
    void delimitersInTextAreEscaped() throws Exception {
        assertEquals("a\\F\\b\\S\\c\\R\\d\\T\\e\\E\\f", Hl7Oru.esc("a|b^c~d&e\\f"));
        SessionLog log = ExportFixtures.smallLog();
        String msg = export(log);
        assertTrue(msg.contains("Patient calm, says \"floaty\", eyes closed"));
        parse(msg);
    }
}
