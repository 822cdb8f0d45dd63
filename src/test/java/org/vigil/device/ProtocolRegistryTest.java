package org.vigil.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.NibpPolicy;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.device.protocol.ivy.IvyDriver;
import org.vigil.device.protocol.masimo.MasimoDriver;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.SimRegistry;

class ProtocolRegistryTest {

    private final ProtocolRegistry registry = ProtocolRegistry.standard();

    @Test
    void findsDriversByKeyIgnoringCaseAndBlanks() {
        assertEquals(new MasimoDriver(), registry.require("masimo"));
        assertEquals(new IvyDriver(), registry.require(" IVY "));
        assertTrue(registry.find("nonesuch").isEmpty());
        assertTrue(registry.find(null).isEmpty());
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheKnownKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.require("masimoo"));
        assertEquals("unknown protocol 'masimoo' (expected one of " + String.join(", ", registry.keys()) + ")", e.getMessage());
        assertTrue(e.getMessage().contains("masimo, ivy"));
    }

    @Test
    void keysAndDriversAreInRegistryOrder() {
        assertEquals(List.of("masimo", "ivy"), registry.keys().subList(0, 2));
        assertEquals(List.of(new MasimoDriver(), new IvyDriver()), registry.all().subList(0, 2));
        assertEquals(registry.keys(), registry.all().stream().map(ProtocolDriver::key).toList());
    }

    @Test
    void twoDriversWithOneKeyAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ProtocolRegistry(List.of(new MasimoDriver(), new MasimoDriver())));
    }

    @Test
    void everyDriverIsCompleteAndHasASimulatorOfTheSameKey() {
        SimRegistry sims = SimRegistry.standard();
        for (ProtocolDriver d : registry.all()) {
            assertEquals(d.key().toLowerCase(java.util.Locale.ROOT), d.key());
            assertFalse(d.description().isBlank(), d.key());
            assertFalse(d.defaultLabel().isBlank(), d.key());
            assertFalse(d.vitals().isEmpty(), d.key());
            assertTrue(d.newDecoder() != d.newDecoder(), d.key() + ": a fresh decoder per link");
            assertEquals(d.vitals().stream().anyMatch(Vital::isNibp), d.nibpPolicy() != NibpPolicy.NONE, d.key());
            assertTrue(sims.find(d.key()).isPresent(), d.key() + " has no simulator");
            assertTrue(d.vitals().containsAll(sims.require(d.key()).reports()),
                    d.key() + ": the simulator reports only what the station's driver accepts");
        }
    }

    @Test
    void streamingDriversHaveNoSessionAndSerialDefaults() {
        assertTrue(new MasimoDriver().newSession().isEmpty());
        assertEquals(new SerialSettings(9600, 8, 'N', 1), new IvyDriver().defaultSerial());
        assertEquals(NibpPolicy.REPEATS_LAST_RESULT, new IvyDriver().nibpPolicy());
        assertEquals(NibpPolicy.NONE, new MasimoDriver().nibpPolicy());
    }
}
