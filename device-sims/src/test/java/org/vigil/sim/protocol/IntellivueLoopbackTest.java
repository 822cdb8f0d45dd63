package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.intellivue.IntellivueDecoder;
import org.vigil.device.protocol.intellivue.IntellivueSession;
import org.vigil.device.protocol.LinkOutput;
import org.vigil.device.protocol.SessionState;
import org.vigil.device.protocol.intellivue.IntellivueSession.Timing;
import org.vigil.device.protocol.intellivue.SerialFraming;
import org.vigil.domain.Measurement;
import org.vigil.domain.Vital;

/**
 * The station's session and the simulated monitor, wired back to back in memory on one hand-moved
 * clock: association, MDS create answered, polls answered (linked when long), the monitor's bytes
 * decoded into the vitals it was given; the keep-alive keeps the association, silence loses it.
 */
class IntellivueLoopbackTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    /** A clock moved by hand. */
    private static final class HandClock implements InstantSource {
        private Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Both ends plus the station's decoder, exchanging bytes through queues. */
    private static final class Loop {
        final HandClock clock = new HandClock();
        final Deque<byte[]> toMonitor = new ArrayDeque<>();
        final Deque<byte[]> toStation = new ArrayDeque<>();
        final IntellivueSession session;
        final IntellivueResponder monitor;
        final IntellivueDecoder decoder = new IntellivueDecoder();
        final ByteBuffer stationBuffer = ByteBuffer.allocate(SerialFraming.MAX_WIRE_LENGTH * 4);
        final List<DeviceFrame> frames = new ArrayList<>();
        final List<byte[]> sentByStation = new ArrayList<>();
        final LinkOutput link = b -> {
            toMonitor.add(b.clone());
            sentByStation.add(b.clone());
        };
        boolean monitorDeaf;

        Loop(Timing timing, Duration monitorTimeout, int objectsPerPart) {
            session = new IntellivueSession(timing);
            monitor = new IntellivueResponder(() -> output(clock.now), clock, monitorTimeout, objectsPerPart);
        }

        void pump() {
            while (!toMonitor.isEmpty() || !toStation.isEmpty()) {
                if (!toMonitor.isEmpty()) {
                    byte[] b = toMonitor.poll();
                    if (!monitorDeaf) {
                        toStation.addAll(monitor.onReceived(b, clock.now));
                    }
                }
                if (!toStation.isEmpty()) {
                    stationReceives(toStation.poll());
                }
            }
        }

        /** The station's receive path: bytes to the decoder, every frame to the session (and the chair). */
        void stationReceives(byte[] bytes) {
            stationBuffer.put(bytes).flip();
            decoder.decode(stationBuffer, f -> {
                frames.add(f);
                session.onFrame(f, link, clock.now);
            });
            stationBuffer.compact();
        }

        void open() {
            session.onOpen(link, clock.now);
        }

        void runFor(Duration d, Duration step) {
            Instant end = clock.now.plus(d);
            while (clock.now.isBefore(end)) {
                clock.now = clock.now.plus(step);
                session.onTick(clock.now, link);
                toStation.addAll(monitor.onTick(clock.now));
                pump();
            }
        }
    }

    static DeviceOutput output(Instant now) {
        Map<Vital, Double> v = new EnumMap<>(Vital.class);
        v.put(Vital.HR, 64.0);
        v.put(Vital.PR, 65.0);
        v.put(Vital.SPO2, 98.0);
        v.put(Vital.PI, 3.1);
        v.put(Vital.RR, 12.0);
        v.put(Vital.NIBP_SYS, 118.0);
        v.put(Vital.NIBP_DIA, 76.0);
        v.put(Vital.NIBP_MEAN, 90.0);
        return new DeviceOutput(LocalDateTime.ofInstant(now, ZoneOffset.UTC).minusSeconds(7), v, false, false, "SIM42");
    }

    @Test
    void associatesAnswersTheMdsCreateAndPollsNumerics() {
        Loop loop = new Loop(Timing.DEFAULT, Duration.ofSeconds(10), 10);
        loop.open();
        assertEquals(SessionState.NEGOTIATING, loop.session.state());
        loop.pump();
        assertEquals(SessionState.CONNECTED, loop.session.state());
        assertEquals(IntellivueResponder.State.ASSOCIATED, loop.monitor.state());

        loop.runFor(Duration.ofSeconds(5), Duration.ofMillis(100));

        List<DeviceFrame> numerics = loop.frames.stream().filter(f -> !f.measurements().isEmpty()).toList();
        assertEquals(6, numerics.size(), "one poll on association and one each second");
        DeviceFrame last = numerics.get(numerics.size() - 1);
        assertEquals(8, last.measurements().size());
        assertTrue(last.measurements().contains(Measurement.of(Vital.HR, 64)));
        assertTrue(last.measurements().contains(Measurement.of(Vital.NIBP_MEAN, 90)));
        assertEquals(java.util.Optional.of(new org.vigil.domain.DeviceIdentity("Philips", "865240", "SIM42",
                IntellivueEncoder.SOFTWARE, IntellivueEncoder.SYSTEM_ID)), last.identity(),
                "the simulated monitor's MDS identity on every numerics frame");
        // the device clock runs 7 s behind the station's, and the frame says so
        assertEquals("2026-03-01T08:59:58", last.attributes().get("device_time"));
        assertEquals(0, loop.decoder.discardedBytes());
        assertEquals(1, loop.session.associations());
    }

    @Test
    void aLongResultArrivesInLinkedPartsAndIsReassembled() {
        Loop loop = new Loop(Timing.DEFAULT, Duration.ofSeconds(10), 2);
        loop.open();
        loop.pump();
        loop.runFor(Duration.ofSeconds(2), Duration.ofMillis(500));
        List<DeviceFrame> numerics = loop.frames.stream().filter(f -> !f.measurements().isEmpty()).toList();
        assertEquals(3, numerics.size());
        for (DeviceFrame f : numerics) {
            assertEquals(8, f.measurements().size());
            assertEquals("3", f.attributes().get("linked"), "6 objects in parts of 2");
        }
    }

    @Test
    void thePollsKeepTheAssociationOpenAndAKeepAliveCoversLongPollPeriods() {
        Timing slowPolls = new Timing(Duration.ofSeconds(30), Duration.ofSeconds(4), Duration.ofSeconds(5),
                Duration.ofSeconds(60));
        Loop loop = new Loop(slowPolls, Duration.ofSeconds(10), 10);
        loop.open();
        loop.pump();
        loop.runFor(Duration.ofMinutes(3), Duration.ofMillis(250));
        assertEquals(SessionState.CONNECTED, loop.session.state());
        assertEquals(IntellivueResponder.State.ASSOCIATED, loop.monitor.state());
        assertEquals(1, loop.session.associations());
        // 1 + 6 numerics polls in 3 minutes; keep-alive polls in between
        assertEquals(7, loop.frames.stream().filter(f -> !f.measurements().isEmpty()).count());
        assertTrue(loop.monitor.pollsAnswered() > 7 + 30, "keep-alive polls answered: " + loop.monitor.pollsAnswered());
    }

    @Test
    void withoutKeepAliveTheMonitorAbortsAndTheSessionAssociatesAgain() {
        Timing noKeepAlive = new Timing(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(60));
        Loop loop = new Loop(noKeepAlive, Duration.ofSeconds(10), 10);
        loop.open();
        loop.pump();
        loop.runFor(Duration.ofSeconds(11), Duration.ofMillis(250));
        // the monitor timed out after 10 s of silence, sent an abort, and the station associated again
        assertEquals(2, loop.session.associations());
        assertEquals(SessionState.CONNECTED, loop.session.state());
        assertEquals(IntellivueResponder.State.ASSOCIATED, loop.monitor.state());
    }

    @Test
    void aSilentMonitorSendsTheSessionBackToNegotiatingAndItRetries() {
        Loop loop = new Loop(Timing.DEFAULT, Duration.ofSeconds(10), 10);
        loop.open();
        loop.pump();
        loop.monitorDeaf = true;
        loop.runFor(Duration.ofSeconds(10), Duration.ofMillis(100));
        assertEquals(SessionState.NEGOTIATING, loop.session.state());
        int sent = loop.sentByStation.size();
        loop.runFor(Duration.ofSeconds(5), Duration.ofMillis(100));
        assertEquals(sent + 1, loop.sentByStation.size(), "one association request per retry interval");
        loop.monitorDeaf = false;
        loop.runFor(Duration.ofSeconds(5), Duration.ofMillis(100));
        assertEquals(SessionState.CONNECTED, loop.session.state());
        assertEquals(2, loop.session.associations());
    }

    @Test
    void nothingIsSentBeforeOpenOrAfterRelease() {
        Loop loop = new Loop(Timing.DEFAULT, Duration.ofSeconds(10), 10);
        loop.runFor(Duration.ofSeconds(3), Duration.ofMillis(500));
        assertTrue(loop.sentByStation.isEmpty());
        loop.open();
        loop.pump();
        loop.session.release(loop.link, loop.clock.now);
        loop.pump();
        assertEquals(IntellivueResponder.State.IDLE, loop.monitor.state());
        int sent = loop.sentByStation.size();
        loop.runFor(Duration.ofSeconds(3), Duration.ofMillis(500));
        assertEquals(sent, loop.sentByStation.size());
    }
}
