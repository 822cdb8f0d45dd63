package org.vigil.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.device.transport.PtyPair;
import org.vigil.device.transport.PtyTransport;
import org.vigil.device.transport.SerialTransport;
import org.vigil.domain.Reading;
import org.vigil.sim.protocol.RespondingLink;
import org.vigil.sim.protocol.Responder;

/**
 * A simulated request/response device on a pseudo-terminal: its {@link Responder} answers what
 * the station's session sends (HELLO → WELCOME, POLL → SPO2 n), and its own reports are held
 * back until it is greeted. The station side is a real {@link DeviceConnection} on the slave.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RespondingSimulatorPtyTest {

    /** Answers whole lines; reports only once greeted. */
    static final class HelloResponder implements Responder {
        private final StringBuilder pending = new StringBuilder();
        private final List<String> heard = new CopyOnWriteArrayList<>();
        private boolean greeted;
        private int n = 90;

        @Override
        public List<byte[]> onReceived(byte[] bytes, Instant now) {
            pending.append(new String(bytes, StandardCharsets.US_ASCII));
            List<byte[]> answers = new ArrayList<>();
            int nl;
            while ((nl = pending.indexOf("\n")) >= 0) {
                String line = pending.substring(0, nl);
                pending.delete(0, nl + 1);
                heard.add(line);
                if (line.equals("HELLO")) {
                    greeted = true;
                    answers.add("WELCOME\n".getBytes(StandardCharsets.US_ASCII));
                } else if (line.equals("POLL") && greeted) {
                    answers.add(("SPO2 " + n++ + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
            return answers;
        }

        @Override
        public boolean mayReport() {
            return greeted;
        }
    }

    @Test
    void theSimulatorAnswersTheStationsSessionOverAPty() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        HelloResponder responder = new HelloResponder();
        List<Reading> readings = new CopyOnWriteArrayList<>();
        CountDownLatch threeReadings = new CountDownLatch(3);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (PtyTransport pty = PtyTransport.create();
                RespondingLink device = new RespondingLink(pty, responder, InstantSource.system()).start()) {
            // before the station greets it, the device's own reports are held back
            device.write("SPO2 50\n".getBytes(StandardCharsets.US_ASCII), 0, 8);
            assertEquals(1, device.heldBack());
            DeviceListener listener = new DeviceListener() {
                @Override
                public void onReadings(String deviceId, List<Reading> rs) {
                    readings.addAll(rs);
                    rs.forEach(r -> threeReadings.countDown());
                }

                @Override
                public void onConnected(String deviceId, String endpoint) {
                }

                @Override
                public void onDisconnected(String deviceId, String reason) {
                }
            };
            String slave = pty.pty().slavePath();
            try (DeviceConnection c = new DeviceConnection("dev", () -> new SerialTransport(slave,
                    new ProtocolSessionLoopbackTest.HelloDriver().defaultSerial()), new ProtocolSessionLoopbackTest.HelloDriver(),
                    InstantSource.system(), listener, scheduler, Duration.ofSeconds(1))) {
                c.start();
                assertTrue(threeReadings.await(20, TimeUnit.SECONDS), "readings " + readings + ", heard " + responder.heard);
                assertEquals(LinkState.CONNECTED, c.state());
            }
        } finally {
            scheduler.shutdownNow();
        }
        assertEquals("HELLO", responder.heard.get(0));
        assertEquals(List.of(90.0, 91.0, 92.0), readings.subList(0, 3).stream().map(Reading::value).toList(),
                "the held-back report never reached the station");
    }
}
