package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.device.DeviceStream;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.device.transport.LinkProblem;
import org.vigil.device.transport.PtyPair;
import org.vigil.device.transport.SerialTransport;
import org.vigil.device.transport.TransportListener;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.FrameEncoder;
import org.vigil.sim.protocol.SimRegistry;

/**
 * The simulated Contec oximeter's bytes through a real pseudo-terminal at 115200 8N1, read by
 * jSerialComm and decoded by the registry's contec driver: values, then finger out, arrive as
 * readings. (The station does not drive protocol sessions yet, so the simulator streams without
 * waiting for the start command here; the session and responder meet in ContecResponderTest.)
 */
class ContecPtyRoundTripTest {

    @Test
    @Timeout(60)
    void valuesAndFingerOutCrossAPseudoTerminal() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        ProtocolDriver driver = ProtocolRegistry.standard().require("contec");
        FrameEncoder encoder = SimRegistry.standard().require("contec").newEncoder();
        List<Reading> readings = new ArrayList<>();
        CountDownLatch fingerOut = new CountDownLatch(1);
        DeviceStream stream = new DeviceStream("ox", driver.newDecoder(), InstantSource.system(), (id, rs) -> {
            synchronized (readings) {
                readings.addAll(rs);
                if (rs.stream().anyMatch(r -> r.flags().contains(ReadingFlag.SENSOR_OFF))) {
                    fingerOut.countDown();
                }
            }
        });
        LocalDateTime t = LocalDateTime.of(2026, 12, 3, 8, 0);
        try (PtyPair pty = PtyPair.open(); SerialTransport port = new SerialTransport(pty.slavePath(), (SerialSettings) driver.defaultLink())) {
            port.open(new TransportListener() {
                @Override
                public void onData(byte[] data, int len) {
                    stream.receive(data, len);
                }

                @Override
                public void onDisconnected(LinkProblem problem) {
                }
            });
            for (int s = 0; s < 3; s++) {
                byte[] second = encoder.encode(new DeviceOutput(t.plusSeconds(s), Map.of(Vital.SPO2, 96.0, Vital.PR, 71.0), false, false, null));
                pty.write(second, 0, second.length);
            }
            byte[] off = encoder.encode(new DeviceOutput(t.plusSeconds(3), Map.of(), true, false, null));
            pty.write(off, 0, off.length);
            assertTrue(fingerOut.await(30, TimeUnit.SECONDS), "finger-out readings arrive");
            assertEquals(0, pty.droppedBytes());
        }
        synchronized (readings) {
            Reading first = readings.get(0);
            assertEquals(Vital.SPO2, first.vital());
            assertEquals(96.0, first.value());
            assertEquals(71.0, readings.get(1).value());
            assertEquals(Set.of(ReadingFlag.INVALID, ReadingFlag.SENSOR_OFF), readings.get(readings.size() - 1).flags());
        }
        assertEquals(0, stream.discardedBytes());
        assertEquals(4 * 60, stream.frames());
    }
}
