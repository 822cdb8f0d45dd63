package org.vigil.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

class FhirExportTest {

    static FhirContext ctx;
    static FhirValidator validator;

    @TempDir
    Path dir;

    @BeforeAll
    static void validator() {
        ctx = FhirContext.forR4();
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        validator = ctx.newValidator().registerValidatorModule(module);
    }

    static String export(Path dir, SessionLog log) throws IOException {
        Path out = dir.resolve("s.json");
        ExportFixtures.factory().get(ExportFormat.FHIR).export(log, out, ExportProgress.NONE);
        return Files.readString(out);
    }

    static List<String> errors(String json) {
        ValidationResult r = validator.validateWithResult(json);
        return r.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(SingleValidationMessage::toString).collect(Collectors.toList());
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        ExportFixtures.assertGolden("session-42.fhir.json", export(dir, ExportFixtures.smallLog()));
    }

    @Test
    void theBundleIsValidAgainstTheR4DefinitionsAndTheVitalSignsProfiles() throws IOException {
        List<String> errors = errors(export(dir, ExportFixtures.smallLog()));
        assertEquals(List.of(), errors);
    }

    @Test
    void eachIdentityADeviceToldIsADeviceAndEachObservationNamesTheOneInForce() throws IOException {
        SessionLog log = ExportFixtures.smallLog();
        Bundle b = ctx.newJsonParser().parseResource(Bundle.class, export(dir, log));
        java.util.Map<String, org.hl7.fhir.r4.model.Device> devices = new java.util.HashMap<>();
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (e.getResource() instanceof org.hl7.fhir.r4.model.Device d) {
                devices.put(e.getFullUrl(), d);
            }
        }
        assertEquals(4, devices.size(), "the station, the monitor, the oximeter with each of its two probes");
        org.hl7.fhir.r4.model.Device monitor = devices.values().stream().filter(d -> "DE4200A042".equals(d.getSerialNumber()))
                .findFirst().orElseThrow();
        assertEquals("Philips", monitor.getManufacturer());
        assertEquals("866062", monitor.getModelNumber());
        assertEquals("M.00.03", monitor.getVersionFirstRep().getValue());
        assertEquals("00-09-FB-FF-FF-00-42-A1", monitor.getIdentifier().get(1).getValue());
        assertEquals("67972", monitor.getIdentifier().get(1).getType().getCodingFirstRep().getCode());
        for (Reading r : ExportFixtures.readings(log)) {
            if (r.vital() == Vital.NIBP_SYS || r.vital() == Vital.NIBP_DIA || r.vital() == Vital.NIBP_MEAN) {
                continue;
            }
            SessionLog.DevicePart part = log.devices().stream().filter(x -> x.deviceId().equals(r.deviceId())).findFirst()
                    .orElseThrow();
            String serial = part.identityAt(r.time()).serial();
            Observation o = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(x -> x instanceof Observation).map(x -> (Observation) x)
                    .filter(x -> x.getEffectiveDateTimeType().getValue().toInstant().equals(r.time())
                            && x.getCode().getCoding().stream().anyMatch(c -> c.getCode().equals(
                                    Integer.toString(VitalCodes.of(r.vital()).mdcCode()))))
                    .findFirst().orElseThrow();
            assertEquals(serial, devices.get(o.getDevice().getReference()).getSerialNumber(), "device of " + r);
        }
    }

    @Test
    void everyObservationHasItsLoincAndMdcCodesUcumUnitTimeAndDevice() throws IOException {
        SessionLog log = ExportFixtures.smallLog();
        Bundle b = ctx.newJsonParser().parseResource(Bundle.class, export(dir, log));
        List<Reading> readings = ExportFixtures.readings(log);
        long cuffs = readings.stream().filter(r -> r.vital() == Vital.NIBP_SYS).count();
        int observations = 0;
        int bp = 0;
        Set<String> loinc = new HashSet<>();
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (!(e.getResource() instanceof Observation o)) {
                continue;
            }
            observations++;
            assertTrue(o.hasEffectiveDateTimeType());
            assertTrue(o.getDevice().getReference().startsWith("urn:uuid:"));
            assertTrue(o.getSubject().getReference().startsWith("urn:uuid:"));
            Set<String> codes = o.getCode().getCoding().stream().map(c -> c.getSystem() + "|" + c.getCode())
                    .collect(Collectors.toSet());
            o.getCode().getCoding().stream().filter(c -> c.getSystem().equals(VitalCodes.LOINC_SYSTEM))
                    .map(Coding::getCode).forEach(loinc::add);
            if (codes.contains("http://loinc.org|85354-9")) {
                bp++;
                assertEquals(List.of("8480-6", "8462-4", "8478-0"), o.getComponent().stream()
                        .map(c -> c.getCode().getCodingFirstRep().getCode()).toList());
                for (Observation.ObservationComponentComponent c : o.getComponent()) {
                    assertEquals("mm[Hg]", c.getValueQuantity().getCode());
                    assertEquals(VitalCodes.UCUM_SYSTEM, c.getValueQuantity().getSystem());
                    assertEquals(VitalCodes.MDC_SYSTEM, c.getCode().getCoding().get(1).getSystem());
                }
            } else if (o.hasValueQuantity()) {
                assertEquals(VitalCodes.UCUM_SYSTEM, o.getValueQuantity().getSystem());
                assertTrue(Set.of("/min", "%").contains(o.getValueQuantity().getCode()));
                assertTrue(codes.stream().anyMatch(c -> c.startsWith(VitalCodes.MDC_SYSTEM + "|")));
            } else {
                assertTrue(o.hasDataAbsentReason());
            }
            if (codes.contains("http://loinc.org|59408-5")) {
                assertTrue(codes.contains("http://loinc.org|2708-6"));
            }
        }
        assertEquals(cuffs, bp);
        assertEquals(readings.size() - 2 * cuffs, observations, "one per reading, one per cuff measurement");
        assertEquals(Set.of("8867-4", "8889-8", "2708-6", "59408-5", "9279-1", "85354-9"), loinc);
        Patient p = (Patient) b.getEntryFirstRep().getResource();
        assertEquals("MRN-0042", p.getIdentifierFirstRep().getValue());
        assertEquals("1980-04-12", p.getBirthDateElement().getValueAsString());
        assertEquals(2, b.getEntry().stream().filter(e -> e.getResource().fhirType().equals("DetectedIssue")).count());
    }
}
