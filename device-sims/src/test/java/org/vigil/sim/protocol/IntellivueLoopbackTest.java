package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.vigil.device.protocol.intellivue.MessageParser;
import org.vigil.device.protocol.intellivue.Messages.PollRequest;
import org.vigil.device.protocol.intellivue.Nomenclature;
import org.vigil.domain.Measurement;
import org.vigil.domain.Vital;
import org.vigil.domain.WaveSegment;

/**
 * The station's session and the simulated monitor, wired back to back in memory on one hand-moved
 * clock: association, MDS create answered, polls answered (linked when long), the monitor's bytes
 * decoded into the vitals it was given; the keep-alive keeps the association, silence loses it;
 * the periodic wave poll brings the pleth without a hole across its renewals, a sensor off is a
 * gap, and under the simulator registry the encoder's arrays pass only while the wave poll runs.
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
        final IntellivueDecoder decoder = new IntellivueDecoder(ZoneOffset.UTC);
        final ByteBuffer stationBuffer = ByteBuffer.allocate(SerialFraming.MAX_WIRE_LENGTH * 4);
        final List<DeviceFrame> frames = new ArrayList<>();
        final List<byte[]> sentByStation = new ArrayList<>();
        final LinkOutput link = b -> {
            toMonitor.add(b.clone());
            sentByStation.add(b.clone());
        };
        boolean monitorDeaf;
        boolean sensorOff;
        /** Under the simulator registry: the monitor has no view of the vitals; the encoder's reports stand for its replies. */
        final IntellivueEncoder registryEncoder;

        Loop(Timing timing, Duration monitorTimeout, int objectsPerPart) {
            this(timing, monitorTimeout, objectsPerPart, false);
        }

        Loop(Timing timing, Duration monitorTimeout, int objectsPerPart, boolean registry) {
            session = new IntellivueSession(timing);
            registryEncoder = registry ? new IntellivueEncoder() : null;
            monitor = new IntellivueResponder(registry ? null : () -> output(clock.now, sensorOff), clock, monitorTimeout,
                    objectsPerPart);
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
                Instant before = clock.now;
                clock.now = clock.now.plus(step);
                session.onTick(clock.now, link);
                toStation.addAll(monitor.onTick(clock.now));
                if (registryEncoder != null && clock.now.getEpochSecond() != before.getEpochSecond()) {
                    // the player's report of this second, as the registry's link lets it out
                    byte[] report = monitor.report(registryEncoder.encode(output(clock.now, sensorOff)), clock.now);
                    if (report != null) {
                        toStation.add(report);
                    }
                }
                pump();
            }
        }

        List<WaveSegment> waves() {
            return frames.stream().filter(f -> f.wave() != null).map(DeviceFrame::wave).toList();
        }

        /** The station's requests of one object type. */
        List<PollRequest> polls(int objectType) {
            List<PollRequest> polls = new ArrayList<>();
            for (byte[] wire : sentByStation) {
                new SerialFraming().read(ByteBuffer.wrap(wire), u -> {
                    if (MessageParser.parse(u) instanceof PollRequest p && p.objectType() == objectType) {
                        polls.add(p);
                    }
                });
            }
            return polls;
        }
    }

    static DeviceOutput output(Instant now) {
        return output(now, false);
    }

    static DeviceOutput output(Instant now, boolean sensorOff) {
        Map<Vital, Double> v = new EnumMap<>(Vital.class);
        v.put(Vital.HR, 64.0);
        v.put(Vital.PR, 65.0);
        v.put(Vital.SPO2, 98.0);
        v.put(Vital.PI, 3.1);
        v.put(Vital.RR, 12.0);
        v.put(Vital.NIBP_SYS, 118.0);
        v.put(Vital.NIBP_DIA, 76.0);
        v.put(Vital.NIBP_MEAN, 90.0);
        return new DeviceOutput(LocalDateTime.ofInstant(now, ZoneOffset.UTC).minusSeconds(7), sensorOff ? Map.of() : v,
                sensorOff, false, "SIM42");
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
    void theKeepAliveIsASinglePollOfTheAlertMonitorsStaticAttributeGroup() {
        Timing slowPolls = new Timing(Duration.ofSeconds(30), Duration.ofSeconds(4), Duration.ofSeconds(5),
                Duration.ofSeconds(60));
        Loop loop = new Loop(slowPolls, Duration.ofSeconds(10), 10);
        loop.open();
        loop.pump();
        loop.runFor(Duration.ofSeconds(20), Duration.ofMillis(250));
        List<PollRequest> keepAlives = loop.polls(Nomenclature.NOM_MOC_VMO_AL_MON);
        assertTrue(keepAlives.size() >= 4, "keep-alives in 20 s at 4 s: " + keepAlives.size());
        for (PollRequest p : keepAlives) {
            assertEquals(Nomenclature.NOM_ACT_POLL_MDIB_DATA, p.actionType());
            // NOM_ATTR_GRP_VMO_STATIC; 0x0801 would be NOM_ATTR_GRP_AL_MON, the alarm lists
            assertEquals(0x0811, p.attributeGroup());
        }
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

    /** The device times of {@code waves} follow each other without a hole or an overlap (1/100 s time stamps). */
    private static void backToBack(List<WaveSegment> waves) {
        for (int k = 1; k < waves.size(); k++) {
            WaveSegment a = waves.get(k - 1);
            Instant end = a.deviceTime().plusNanos(Math.round(a.seconds() * 1e9));
            long off = Duration.between(end, waves.get(k).deviceTime()).abs().toMillis();
            assertTrue(off <= 10, "segment " + k + " starts " + off + " ms off the end of the one before");
        }
    }

    @Test
    void thePlethFlowsWithoutAHoleAcrossTheRenewalsOfTheWavePoll() {
        Loop loop = new Loop(Timing.DEFAULT, Duration.ofSeconds(10), 10);
        loop.open();
        loop.pump();
        loop.runFor(Duration.ofSeconds(150), Duration.ofMillis(100));

        List<PollRequest> wavePolls = loop.polls(Nomenclature.NOM_MOC_VMO_METRIC_SA_RT);
        assertEquals(3, wavePolls.size(), "on association, then renewed after 50 and 100 s");
        for (PollRequest p : wavePolls) {
            assertEquals(60 * 8000, p.periodTicks());
            assertEquals(Nomenclature.NOM_ATTR_GRP_ALL, p.attributeGroup());
        }
        List<WaveSegment> waves = loop.waves();
        int samples = waves.stream().mapToInt(WaveSegment::size).sum();
        // from a second before the association to now, in whole arrays of 32 at 125/s
        assertEquals(151 * 125 / 32 * 32, samples, 32);
        assertTrue(waves.stream().allMatch(w -> w.sampleRate() == 125 && w.low() == 0 && w.high() == 4095));
        backToBack(waves);
        assertTrue(loop.frames.stream().anyMatch(f -> "true".equals(f.attributes().get("pleth_exported"))),
                "the monitor confirmed it exports the pleth");
        assertEquals(1, loop.session.associations());
        assertEquals(0, loop.decoder.discardedBytes());
        assertEquals(0, loop.decoder.rejectedMessages());
    }

    @Test
    void aSensorOffIsAGapInThePlethOnTheMonitorsClock() {
        Loop loop = new Loop(Timing.DEFAULT, Duration.ofSeconds(10), 10);
        loop.open();
        loop.pump();
        loop.runFor(Duration.ofSeconds(5), Duration.ofMillis(100));
        loop.sensorOff = true;
        loop.runFor(Duration.ofSeconds(3), Duration.ofMillis(100));
        loop.sensorOff = false;
        loop.runFor(Duration.ofSeconds(5), Duration.ofMillis(100));

        List<WaveSegment> waves = loop.waves();
        int holes = 0;
        for (int k = 1; k < waves.size(); k++) {
            WaveSegment a = waves.get(k - 1);
            Duration gap = Duration.between(a.deviceTime().plusNanos(Math.round(a.seconds() * 1e9)), waves.get(k).deviceTime());
            if (gap.toMillis() > 10) {
                holes++;
                assertEquals(3.0, gap.toMillis() / 1000.0, 0.3, "the hole lasts as long as the sensor was off");
            }
        }
        assertEquals(1, holes);
        assertTrue(loop.frames.stream().anyMatch(f -> "0xA000".equals(f.attributes().get("wave_state"))
                && f.wave() == null), "the invalid arrays came as gaps");
    }

    @Test
    void withoutWavesTheWavesAreNotPolledAndTheNumericsStillAre() {
        Loop loop = new Loop(Timing.DEFAULT.withoutWaves(), Duration.ofSeconds(10), 10);
        loop.open();
        loop.pump();
        loop.runFor(Duration.ofSeconds(5), Duration.ofMillis(100));
        assertTrue(loop.polls(Nomenclature.NOM_MOC_VMO_METRIC_SA_RT).isEmpty());
        assertTrue(loop.waves().isEmpty());
        assertEquals(6, loop.frames.stream().filter(f -> !f.measurements().isEmpty()).count());
    }

    @Test
    void underTheRegistryTheEncodersArraysPassOnlyWhileTheWavePollRunsStampedWithIt() {
        Loop loop = new Loop(Timing.DEFAULT, Duration.ofSeconds(10), 10, true);
        byte[] early = loop.monitor.report(loop.registryEncoder.encode(output(loop.clock.now)), loop.clock.now);
        assertEquals(null, early, "nothing before the association");
        loop.open();
        loop.pump();
        loop.runFor(Duration.ofSeconds(10), Duration.ofMillis(100));
        List<WaveSegment> waves = loop.waves();
        assertTrue(waves.size() >= 35, "about four arrays a second: " + waves.size());
        backToBack(waves);
        PollRequest wavePoll = loop.polls(Nomenclature.NOM_MOC_VMO_METRIC_SA_RT).get(0);
        assertTrue(loop.monitor.waveResults() >= 35);
        assertTrue(loop.frames.stream().filter(f -> !f.measurements().isEmpty()).count() >= 9, "the numerics pass too");

        Loop without = new Loop(Timing.DEFAULT.withoutWaves(), Duration.ofSeconds(10), 10, true);
        without.open();
        without.pump();
        without.runFor(Duration.ofSeconds(10), Duration.ofMillis(100));
        assertTrue(without.waves().isEmpty(), "a station that does not poll the waves gets none");
        assertTrue(without.frames.stream().filter(f -> !f.measurements().isEmpty()).count() >= 9);
        assertTrue(wavePoll.periodTicks() > 0);
    }

    @Test
    void theRegistrysWaveResultsCarryTheWavePollsInvokeIdAndPollNumber() {
        Loop loop = new Loop(Timing.DEFAULT, Duration.ofSeconds(10), 10, true);
        loop.open();
        loop.pump();
        loop.runFor(Duration.ofSeconds(3), Duration.ofMillis(100));
        PollRequest wavePoll = loop.polls(Nomenclature.NOM_MOC_VMO_METRIC_SA_RT).get(0);
        byte[] report = loop.monitor.report(loop.registryEncoder.encode(output(loop.clock.now.plusSeconds(1))),
                loop.clock.now);
        List<org.vigil.device.protocol.intellivue.Messages.PollResult> results = new ArrayList<>();
        new SerialFraming().read(ByteBuffer.wrap(report), u -> {
            if (MessageParser.parse(u) instanceof org.vigil.device.protocol.intellivue.Messages.PollResult r
                    && r.objectType() == Nomenclature.NOM_MOC_VMO_METRIC_SA_RT) {
                results.add(r);
            }
        });
        assertTrue(!results.isEmpty());
        for (var r : results) {
            assertEquals(wavePoll.invokeId(), r.invokeId());
            assertEquals(wavePoll.pollNumber(), r.pollNumber());
        }
    }

    @Test
    void aReportWrittenInPiecesGoesOutWholeOnceItsLastByteIsWritten() {
        Loop loop = new Loop(Timing.DEFAULT.withoutWaves(), Duration.ofSeconds(10), 10, true);
        loop.open();
        loop.pump();
        byte[] report = loop.registryEncoder.encode(output(loop.clock.now));
        byte[] whole = loop.monitor.report(report, loop.clock.now);
        assertTrue(whole.length > 0);
        // a writer that splits a frame (the latency bench writes it up to its last byte, then that byte)
        int firstEnd = 0;
        while ((report[firstEnd] & 0xFF) != SerialFraming.EOF) {
            firstEnd++;
        }
        byte[] head = loop.monitor.report(java.util.Arrays.copyOf(report, firstEnd), loop.clock.now);
        byte[] tail = loop.monitor.report(java.util.Arrays.copyOfRange(report, firstEnd, report.length), loop.clock.now);
        assertEquals(0, head.length, "nothing of a frame goes out before its last byte");
        byte[] both = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, both, head.length, tail.length);
        assertArrayEquals(whole, both, "every frame goes out whole, none lost or doubled");
    }
}
