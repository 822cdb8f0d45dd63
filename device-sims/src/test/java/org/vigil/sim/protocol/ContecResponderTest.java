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

    private final ContecResponder device = new ContecResponder("CMS50E");

    private byte[] send(byte[] bytes, Instant at) {
        return device.receive(bytes, bytes.length, at);
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
        device.receive(new byte[] {0x13, (byte) 0xA1, 0x7D, (byte) 0x81}, 4, T0); // noise, then a start cut short
        device.receive(start, 4, T0);
        assertFalse(device.streaming(T0));
        device.receive(new byte[] {start[4], start[5], start[6], start[7], start[8]}, 5, T0);
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
        assertThrows(IllegalArgumentException.class, () -> new ContecResponder("CMS50D+X"));
    }

    @Test
    void theStationSessionTickedEvery100MsKeepsItStreamingAndSilenceStopsIt() {
        ContecSession session = new ContecSession();
        byte[] answer = send(session.onOpen(T0), T0);
        assertEquals(0x04, answer[0], "the device id answers the open");
        for (int ms = 100; ms <= 120_000; ms += 100) {
            Instant now = T0.plusMillis(ms);
            send(session.onTick(now), now);
            assertTrue(device.streaming(now), "at " + ms + " ms");
        }
        Instant last = T0.plusSeconds(120);
        assertTrue(device.streaming(last.plusSeconds(10)));
        assertFalse(device.streaming(last.plusSeconds(16)));
    }
}
