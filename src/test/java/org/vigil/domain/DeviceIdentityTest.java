package org.vigil.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a device tells about itself is cleaned, bounded, described in words and looked up by time. */
class DeviceIdentityTest {

    @Test
    void deviceTextIsTrimmedCutAtNulFreedOfControlCharactersAndBounded() {
        DeviceIdentity id = new DeviceIdentity(" Philips\u0000\u0000", "866\t062", "DE351A4061\u0000\u0009", null, "0009fbffff88c1bd");
        assertEquals("Philips", id.manufacturer());
        assertEquals("866 062", id.model());
        assertEquals("DE351A4061", id.serial());
        assertEquals("", id.software());
        assertEquals("0009FBFFFF88C1BD", id.eui64());
        assertEquals(DeviceIdentity.MAX_LENGTH, new DeviceIdentity("x".repeat(500), "", "", "", "").manufacturer().length());
    }

    @Test
    void anEui64IsSixteenHexDigits() {
        assertTrue(DeviceIdentity.isEui64("080019FFFE0B4020"));
        assertFalse(DeviceIdentity.isEui64("080019FFFE0B402"));
        assertFalse(DeviceIdentity.isEui64("080019FFFE0B402G"));
        assertFalse(DeviceIdentity.isEui64(null));
        assertThrows(IllegalArgumentException.class, () -> new DeviceIdentity("", "", "", "", "B40_GE"));
    }

    @Test
    void describedInOneLineWithWhatIsKnownOnly() {
        assertEquals("Philips 866062, serial DE351A4061, software L.01.18, EUI-64 0009FBFFFF88C1BD",
                new DeviceIdentity("Philips", "866062", "DE351A4061", "L.01.18", "0009FBFFFF88C1BD").describe());
        assertEquals("serial 0000056661", DeviceIdentity.serialOnly("0000056661").describe());
        assertEquals("N-595, software 1.61.00", new DeviceIdentity("", "N-595", "", "1.61.00", "").describe());
        assertEquals("not reported by the device", DeviceIdentity.UNKNOWN.describe());
        assertTrue(DeviceIdentity.UNKNOWN.isUnknown());
        assertEquals("Philips 866062", new DeviceIdentity("Philips", "Philips 866062", "", "", "").makeAndModel());
    }

    @Test
    void deidentifiedIdentitiesKeepModelAndSoftwareButNoSerialOrEui64() {
        assertEquals(new DeviceIdentity("Philips", "866062", "", "L.01.18", ""),
                new DeviceIdentity("Philips", "866062", "DE351A4061", "L.01.18", "0009FBFFFF88C1BD").withoutIdentifiers());
    }

    @Test
    void theIdentityInForceIsTheLastChangeOfThatDeviceAtOrBeforeTheTime() {
        Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
        DeviceIdentity a = DeviceIdentity.serialOnly("1");
        DeviceIdentity b = DeviceIdentity.serialOnly("2");
        DeviceIdentity m = DeviceIdentity.serialOnly("M");
        List<DeviceIdentityChange> changes = List.of(new DeviceIdentityChange("ox", t0, a),
                new DeviceIdentityChange("mon", t0.plusSeconds(5), m), new DeviceIdentityChange("ox", t0.plusSeconds(10), b));
        assertEquals(DeviceIdentity.UNKNOWN, DeviceIdentityChange.at(changes, "ox", t0.minusMillis(1)));
        assertEquals(a, DeviceIdentityChange.at(changes, "ox", t0));
        assertEquals(a, DeviceIdentityChange.at(changes, "ox", t0.plusSeconds(9)));
        assertEquals(b, DeviceIdentityChange.at(changes, "ox", t0.plusSeconds(10)));
        assertEquals(m, DeviceIdentityChange.at(changes, "mon", t0.plusSeconds(60)));
    }
}
