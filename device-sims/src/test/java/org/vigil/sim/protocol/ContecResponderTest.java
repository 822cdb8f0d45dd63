package org.vigil.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.contec.ContecCommands;
import org.vigil.device.protocol.contec.ContecDecoder;
import org.vigil.device.protocol.contec.ContecSession;

/** The simulated oximeter streams only after the start command and while the host keeps it alive. */
class ContecResponderTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private Instant clockNow = T0;
    private final ContecResponder device = new ContecResponder("CMS50E", () -> clockNow);

    private byte[] send(byte[] bytes, Instant at) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        device.onReceived(bytes, at).forEach(all::writeBytes);
        return all.toByteArray();
    }

    @Test
    void silentUntilTheStartCommand() {
        assertFalse(device.streaming(T0));
        send(ContecCommands.keepAlive(), T0);
        assertFalse(device.streaming(T0));
        assertEquals(0, send(ContecCommands.start(), T0.plusSeconds(1)).length);
        assertTrue(device.streaming(T0.plusSeconds(1)));
    }

    @Test
    void stopsFifteenSecondsAfterTheLastCommandAndKeepAlivesDoNotRestartIt() {
        send(ContecCommands.start(), T0);
        assertTrue(device.streaming(T0.plusSeconds(15)));
        assertFalse(device.streaming(T0.plusSeconds(15).plusMillis(1)));
        send(ContecCommands.keepAlive(), T0.plusSeconds(20));
        assertFalse(device.streaming(T0.plusSeconds(20)));
        send(ContecCommands.start(), T0.plusSeconds(21));
        assertTrue(device.streaming(T0.plusSeconds(21)));
    }

    @Test
    void aKeepAliveArrivingAfterTheLimitIsTooLateEvenIfNobodyAskedInBetween() {
        send(ContecCommands.start(), T0);
        send(ContecCommands.keepAlive(), T0.plusSeconds(16));
        assertFalse(device.streaming(T0.plusSeconds(16)));
    }

    @Test
    void theStopCommandStopsAtOnce() {
        send(ContecCommands.start(), T0);
        send(ContecCommands.stop(), T0.plusSeconds(1));
        assertFalse(device.streaming(T0.plusSeconds(1)));
    }

    @Test
    void commandsAreAssembledAcrossCallsAndNoiseIsIgnored() {
        byte[] start = ContecCommands.start();
        send(new byte[] {0x13, (byte) 0xA1, 0x7D, (byte) 0x81}, T0); // noise, then a start cut short
        send(java.util.Arrays.copyOf(start, 4), T0);
        assertFalse(device.streaming(T0));
        send(java.util.Arrays.copyOfRange(start, 4, 9), T0);
        assertTrue(device.streaming(T0));
    }

    @Test
    void answersTheDeviceIdCommandWithAPacketTheStationReads() {
        byte[] answer = send(ContecCommands.command(ContecCommands.ASK_DEVICE_ID), T0);
        assertEquals(9, answer.length);
        ContecDecoder decoder = new ContecDecoder();
        byte[] second = new ContecEncoder().encode(new DeviceOutput(java.time.LocalDateTime.of(2026, 12, 3, 8, 0),
                java.util.Map.of(), false, false, null));
        ByteBuffer in = ByteBuffer.allocate(answer.length + second.length).put(answer).put(second).flip();
        List<DeviceFrame> frames = new ArrayList<>();
        decoder.decode(in, frames::add);
        assertEquals("CMS50E", frames.get(0).attributes().get("model"));
    }

    @Test
    void aDeviceIdLongerThanSevenCharactersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ContecResponder("CMS50D+X", () -> T0));
    }

    @Test
    void mayReportJudgesTheSilenceAtTheClocksTime() {
        send(ContecCommands.start(), T0);
        assertTrue(device.mayReport());
        clockNow = T0.plusSeconds(16);
        assertFalse(device.mayReport());
    }

    /**
     * The station's session, this responder, the encoder and the station's decoder joined in
     * memory: ticks every 100 ms, a second of packets whenever the device streams. The downlink
     * (station to device) can be cut to play a host that stopped talking.
     */
    private final class Link {
        final ContecSession session = new ContecSession();
        final ContecDecoder decoder = new ContecDecoder();
        final ContecEncoder encoder = new ContecEncoder();
        final ByteBuffer wire = ByteBuffer.allocate(4096);
        /** When a frame of values arrived (one a second while streaming). */
        final List<Long> framesAt = new ArrayList<>();
        boolean downlink = true;

        final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
        final org.vigil.device.protocol.LinkOutput out = pending::writeBytes;

        /** Delivers what the session sent since the last call. */
        void deliver(Instant now) {
            byte[] fromStation = pending.toByteArray();
            pending.reset();
            if (downlink && fromStation.length > 0) {
                toStation(send(fromStation, now), now);
            }
        }

        void toStation(byte[] bytes, Instant now) {
            wire.put(bytes).flip();
            decoder.decode(wire, f -> {
                if (!f.measurements().isEmpty()) {
                    framesAt.add(java.time.Duration.between(T0, now).toMillis());
                }
                session.onFrame(f, out, now);
            });
            wire.compact();
        }

        void run(int fromMs, int toMs) {
            for (int ms = fromMs + 100; ms <= toMs; ms += 100) {
                Instant now = T0.plusMillis(ms);
                if (ms % 1000 == 0 && device.streaming(now)) {
                    toStation(encoder.encode(new DeviceOutput(java.time.LocalDateTime.of(2026, 12, 3, 8, 0).plusSeconds(ms / 1000),
                            java.util.Map.of(org.vigil.domain.Vital.SPO2, 97.0, org.vigil.domain.Vital.PR, 70.0), false, false, null)), now);
                }
                session.onTick(now, out);
                deliver(now);
            }
        }

        long framesBetween(long fromMs, long toMs) {
            return framesAt.stream().filter(t -> t > fromMs && t <= toMs).count();
        }
    }

    @Test
    void theStationSessionKeepsItStreamingForMinutes() {
        Link link = new Link();
        link.session.onOpen(link.out, T0);
        link.deliver(T0);
        link.run(0, 120_000);
        assertEquals(120, link.framesBetween(0, 120_000));
        assertEquals(org.vigil.device.protocol.SessionState.CONNECTED, link.session.state());
    }

    @Test
    void aHostThatStopsTalkingLosesTheStreamAfter15sAndGetsItBackWhenItTalksAgain() {
        Link link = new Link();
        link.session.onOpen(link.out, T0);
        link.deliver(T0);
        link.run(0, 10_000);
        link.downlink = false; // the last command the device heard: the keep-alive at 10 s
        link.run(10_000, 40_000);
        assertEquals(15, link.framesBetween(10_000, 40_000), "frames until 15 s after the last command");
        assertEquals(org.vigil.device.protocol.SessionState.NEGOTIATING, link.session.state());
        link.downlink = true;
        link.run(40_000, 50_000);
        assertEquals(List.of(43_000L), link.framesAt.stream().filter(t -> t > 40_000 && t <= 43_000).toList(),
                "the start command at 42 s (repeated every 2 s without data) brings it back at the next second");
    }
}
