package org.vigil.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void serialPortsOfEverySystemAreRecognised() {
        assertEquals(new SerialPortEndpoint("/dev/ttyUSB0"), Endpoint.parse("/dev/ttyUSB0"));
        assertEquals(new SerialPortEndpoint("/dev/cu.usbserial-1410"), Endpoint.parse("/dev/cu.usbserial-1410"));
        assertEquals(new SerialPortEndpoint("COM3"), Endpoint.parse("COM3"));
        assertEquals(new SerialPortEndpoint("com12"), Endpoint.parse(" com12 "));
        assertEquals(new SerialPortEndpoint("\\\\.\\COM10"), Endpoint.parse("\\\\.\\COM10"));
        assertFalse(Endpoint.parse("COM3").simulated());
    }

    @Test
    void tcpAddressesAreParsedAndPrintedBack() {
        assertEquals(new TcpEndpoint("127.0.0.1", 5000), Endpoint.parse("tcp://127.0.0.1:5000"));
        assertEquals(new TcpEndpoint("::1", 4001), Endpoint.parse("tcp://[::1]:4001"));
        assertEquals("tcp://[::1]:4001", new TcpEndpoint("::1", 4001).describe());
        assertEquals("tcp://monitor.local:23", Endpoint.parse("TCP://monitor.local:23").describe());
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("tcp://host:0"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("tcp://host:5000/path"));
    }

    @Test
    void simulatedWithAndWithoutScenario() {
        Endpoint plain = Endpoint.parse("simulated");
        assertEquals(new SimulatedEndpoint(null), plain);
        assertTrue(plain.simulated());
        assertEquals("simulated", plain.describe());
        assertEquals(new SimulatedEndpoint("desat.yaml"), Endpoint.parse("simulated:desat.yaml"));
        assertEquals("simulated:desat.yaml", new SimulatedEndpoint("desat.yaml").describe());
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("simulated:"));
    }

    @Test
    void typosAreRefusedInsteadOfOpenedAsPorts() {
        for (String bad : new String[] {"simulate", "ttyUSB0", "COM", "udp://1.2.3.4:5", "", "/dev/tty USB0"}) {
            assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(bad), bad);
        }
    }
}
