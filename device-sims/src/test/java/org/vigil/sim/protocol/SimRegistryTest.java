package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.sim.scenario.ScenarioException;
import org.vigil.sim.scenario.ScenarioParser;

class SimRegistryTest {

    private final SimRegistry registry = SimRegistry.standard();

    @Test
    void givesAFreshEncoderPerKey() {
        assertInstanceOf(MasimoEncoder.class, registry.newEncoder("masimo"));
        assertInstanceOf(IvyEncoder.class, registry.newEncoder("Ivy"));
        assertTrue(registry.newEncoder("ivy") != registry.newEncoder("ivy"));
        assertEquals(List.of("masimo", "ivy", "contec"), registry.keys());
        assertTrue(registry.require("masimo").newResponder().isEmpty());
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheKnownKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.newEncoder("nonin2"));
        assertEquals("unknown protocol 'nonin2' (expected one of masimo, ivy, contec)", e.getMessage());
    }

    @Test
    void scenarioFilesAcceptExactlyTheRegistrysProtocols() {
        String yaml = """
                duration: 1m
                devices:
                  ox: { protocol: masimo, reports: [spo2] }
                """;
        SimRegistry onlyIvy = new SimRegistry(List.of(new IvySimDriver()));
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioParser(onlyIvy).parse("t.yaml", yaml));
        assertTrue(e.getMessage().contains("unknown protocol 'masimo' (expected one of ivy)"), e.getMessage());
    }
}
