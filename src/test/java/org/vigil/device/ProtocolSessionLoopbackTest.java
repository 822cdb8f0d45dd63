package org.vigil.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.LinkOutput;
import org.vigil.device.protocol.LinkSettings;
import org.vigil.device.protocol.NibpPolicy;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.protocol.ProtocolSession;
import org.vigil.device.protocol.SerialSettings;
import org.vigil.device.protocol.SessionState;
import org.vigil.domain.Measurement;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

/**
 * A request/response device over loopback TCP: the connection opens the driver's session, which
 * associates (HELLO → WELCOME) and then polls on every tick (POLL → SPO2 n); control frames reach
 * the session only, readings reach the chair, and the link goes CONNECTING → NEGOTIATING →
 * CONNECTED. The fake device answers nothing before it is greeted.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProtocolSessionLoopbackTest {

    /** Text lines ending in LF; "WELCOME" is a control frame (kind=welcome), "SPO2 n" a reading. */
    static final class LineDecoder implements FrameDecoder {
        private long discarded;

        @Override
        public void decode(ByteBuffer in, Consumer<DeviceFrame> out) {
            while (true) {
                int start = in.position();
                int end = -1;
                for (int i = start; i < in.limit(); i++) {
                    if (in.get(i) == '\n') {
                        end = i;
                        break;
                    }
                }
                if (end < 0) {
                    if (in.remaining() >= maxFrameLength()) {
                        discarded += in.remaining();
                        in.position(in.limit());
                    }
                    return;
                }
                byte[] line = new byte[end - start];
                in.get(start, line);
                in.position(end + 1);
                String s = new String(line, StandardCharsets.US_ASCII);
                if (s.equals("WELCOME")) {
                    out.accept(new DeviceFrame(List.of(), Set.of(), Map.of("kind", "welcome")));
                } else if (s.startsWith("SPO2 ")) {
                    out.accept(new DeviceFrame(List.of(Measurement.of(Vital.SPO2, Double.parseDouble(s.substring(5)))),
                            Set.of(), Map.of()));
                } else {
                    discarded += line.length + 1;
                }
            }
        }

        @Override
        public long discardedBytes() {
            return discarded;
        }

        @Override
        public int maxFrameLength() {
            return 64;
        }
    }

    static final class HelloSession implements ProtocolSession {
        private SessionState state = SessionState.NEGOTIATING;

        @Override
        public void onOpen(LinkOutput out, Instant now) {
            out.send("HELLO\n".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void onFrame(DeviceFrame frame, LinkOutput out, Instant now) {
            if ("welcome".equals(frame.attributes().get("kind"))) {
                state = SessionState.CONNECTED;
            }
        }

        @Override
        public void onTick(Instant now, LinkOutput out) {
            if (state == SessionState.CONNECTED) {
                out.send("POLL\n".getBytes(StandardCharsets.US_ASCII));
            }
        }

        @Override
        public SessionState state() {
            return state;
        }
    }

    record HelloDriver() implements ProtocolDriver {
        public String key() {
            return "hello";
        }

        public String description() {
            return "test request/response protocol";
        }

        public String defaultLabel() {
            return "Test device";
        }

        public LinkSettings defaultLink() {
            return new SerialSettings(9600, 8, 'N', 1);
        }

        public Set<Vital> vitals() {
            return EnumSet.of(Vital.SPO2);
        }

        public FrameDecoder newDecoder() {
            return new LineDecoder();
        }

        public NibpPolicy nibpPolicy() {
            return NibpPolicy.NONE;
        }

        @Override
        public Optional<ProtocolSession> newSession() {
            return Optional.of(new HelloSession());
        }
    }

    /** The fake device: answers HELLO with WELCOME and each POLL (after the greeting) with SPO2 90, 91 … */
    private static void answer(Socket s, List<String> heard) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream();
        boolean greeted = false;
        int n = 90;
        String line;
        while ((line = in.readLine()) != null) {
            heard.add(line);
            if (line.equals("HELLO")) {
                greeted = true;
                out.write("WELCOME\n".getBytes(StandardCharsets.US_ASCII));
            } else if (line.equals("POLL") && greeted) {
                out.write(("SPO2 " + n++ + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        }
    }

    @Test
    void theConnectionAssociatesThenPollsAndTheReadingsReachTheChair() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        List<Reading> readings = new CopyOnWriteArrayList<>();
        List<LinkState> states = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch threeReadings = new CountDownLatch(3);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread device = new Thread(() -> {
                try (Socket s = server.accept()) {
                    answer(s, heard);
                } catch (Exception e) {
                    // the station closed the link at the end of the test
                }
            }, "fake-device");
            device.setDaemon(true);
            device.start();
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

                @Override
                public void onLinkState(String deviceId, LinkState state) {
                    states.add(state);
                }
            };
            int port = server.getLocalPort();
            try (DeviceConnection c = new DeviceConnection("dev", () -> new org.vigil.device.transport.TcpTransport(
                    "127.0.0.1", port), new HelloDriver(), InstantSource.system(), listener, scheduler, Duration.ofSeconds(1))) {
                assertEquals(LinkState.CONNECTING, c.state());
                c.start();
                assertTrue(threeReadings.await(20, TimeUnit.SECONDS), "readings: " + readings + ", heard " + heard);
                assertEquals(LinkState.CONNECTED, c.state());
            }
        } finally {
            scheduler.shutdownNow();
        }
        assertEquals("HELLO", heard.get(0), "the session greets first");
        assertTrue(heard.subList(1, heard.size()).stream().allMatch("POLL"::equals), heard.toString());
        assertEquals(List.of(90.0, 91.0, 92.0), readings.subList(0, 3).stream().map(Reading::value).toList());
        assertEquals(List.of(LinkState.NEGOTIATING, LinkState.CONNECTED), states.subList(0, 2));
    }
}
