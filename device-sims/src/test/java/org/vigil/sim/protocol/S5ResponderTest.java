package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.ges5.S5Decoder;
import org.vigil.device.protocol.ges5.S5Session;
import org.vigil.domain.Vital;

/** The simulated S/5 answers the station's request like the monitor, in simulated time. */
class S5ResponderTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final S5Encoder ENCODER = new S5Encoder();

    private static byte[] record(Instant at) {
        LocalDateTime clock = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return ENCODER.encode(new DeviceOutput(clock, Map.of(Vital.HR, 70.0, Vital.SPO2, 98.0), false, false, null));
    }

    private static void send(S5Responder monitor, byte[] bytes, Instant now) {
        assertEquals(List.of(), monitor.onReceived(bytes, now), "the monitor does not answer a request itself");
    }

    /** Seconds (from T0) at which the monitor sent a record while polled once a second. */
    private static List<Integer> sendTimes(S5Responder monitor, int from, int to) {
        List<Integer> times = new ArrayList<>();
        for (int s = from; s < to; s++) {
            if (monitor.due(T0.plusSeconds(s))) {
                times.add(s);
            }
        }
        return times;
    }

    @Test
    void silentUntilRequestedThenEveryRequestedInterval() {
        S5Responder monitor = new S5Responder();
        assertEquals(List.of(), sendTimes(monitor, 0, 30));
        assertEquals(false, monitor.mayReport());

        send(monitor, new S5Session(Duration.ofSeconds(10)).onOpen(T0.plusSeconds(30)), T0.plusSeconds(30));

        assertEquals(List.of(30, 40, 50, 60), sendTimes(monitor, 30, 70));
        assertEquals(Duration.ofSeconds(10), monitor.interval());
        assertEquals(true, monitor.mayReport());
    }

    @Test
    void requestSplitIntoSingleBytesIsUnderstood() {
        S5Responder monitor = new S5Responder();
        byte[] request = new S5Session(Duration.ofSeconds(5)).onOpen(T0);
        for (byte b : request) {
            monitor.onReceived(new byte[] {b}, T0);
        }

        assertEquals(List.of(0, 5, 10), sendTimes(monitor, 0, 15));
        assertEquals(5, monitor.requests(), "one request per DRI level");
    }

    @Test
    void stopRequestEndsTheTransmission() {
        S5Session session = new S5Session(Duration.ofSeconds(5));
        S5Responder monitor = new S5Responder();
        send(monitor, session.onOpen(T0), T0);
        sendTimes(monitor, 0, 10);

        send(monitor, session.onClose(), T0.plusSeconds(10));

        assertEquals(List.of(), sendTimes(monitor, 10, 40));
        assertNull(monitor.interval());
        assertEquals(false, monitor.mayReport());
    }

    @Test
    void garbageAndDamagedRequestsAreIgnored() {
        S5Responder monitor = new S5Responder();
        byte[] request = new S5Session(Duration.ofSeconds(5)).onOpen(T0);
        byte[] damaged = request.clone();
        for (int i = 10; i < damaged.length; i += 52) {
            damaged[i] ^= 0x40;
        }
        send(monitor, new byte[] {0x7E, 1, 2, 3, 0x7E, 0x7D, 0x7E, 0x55}, T0);
        send(monitor, damaged, T0);

        assertEquals(0, monitor.requests());
        assertEquals(List.of(), sendTimes(monitor, 0, 20));
    }

    @Test
    void stationAndMonitorTalkAndTheStationAsksAgainAfterTheMonitorRestarts() {
        S5Session session = new S5Session(Duration.ofSeconds(5));
        S5Decoder decoder = new S5Decoder();
        List<DeviceFrame> frames = new ArrayList<>();
        S5Responder[] monitor = {new S5Responder()};
        ByteBuffer buf = ByteBuffer.allocate(decoder.maxFrameLength());
        send(monitor[0], session.onOpen(T0), T0);
        List<Integer> requestTimes = new ArrayList<>();
        for (int s = 0; s < 120; s++) {
            Instant now = T0.plusSeconds(s);
            if (s == 40) {
                monitor[0] = new S5Responder();
            }
            byte[] out = monitor[0].due(now) ? record(now) : new byte[0];
            buf.put(out).flip();
            int before = frames.size();
            decoder.decode(buf, frames::add);
            buf.compact();
            if (frames.size() > before) {
                session.onFrame(now);
            }
            byte[] request = session.onTick(now);
            if (request.length > 0) {
                requestTimes.add(s);
                send(monitor[0], request, now);
            }
        }

        assertEquals(List.of(50), requestTimes, "three intervals after the last record (t=35)");
        assertEquals(8 + 14, frames.size(), "t=0..35, then from the poll after the request: t=51..116");
        assertEquals("2026-12-03T09:00:51Z", frames.get(8).attributes().get("device_time"));
        assertEquals(0, decoder.discardedBytes());
    }
}
