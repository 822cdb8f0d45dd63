package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.device.DeviceConnection;
import org.vigil.device.DeviceListener;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.RawCaptureFiles;
import org.vigil.device.RawTap;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.device.transport.PtyPair;
import org.vigil.device.transport.PtyTransport;
import org.vigil.device.transport.RawCapture;
import org.vigil.device.transport.SerialTransport;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;
import org.vigil.sim.SpedUpScript;
import org.vigil.sim.live.LivePlayer;
import org.vigil.sim.live.Sleeper;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.FrameEncoder;
import org.vigil.sim.protocol.SimRegistry;
import org.vigil.sim.replay.RawReplay;

/**
 * A field problem becomes a regression test: a Nonin oximeter's bytes (with garbage and a
 * sensor-off stretch) received by a station link over a pty are captured to a raw capture file;
 * that file replayed through a new pty into a new link gives the same readings, in the same order.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RawCaptureReplayTest {

    @TempDir
    Path dir;

    private static final class Collect implements DeviceListener {
        final List<String> readings = new ArrayList<>();
        final CountDownLatch frames;

        Collect(int expectedFrames) {
            frames = new CountDownLatch(expectedFrames);
        }

        @Override
        public synchronized void onReadings(String deviceId, List<Reading> rs) {
            for (Reading r : rs) {
                readings.add(r.deviceId() + " " + r.vital().key() + " " + r.value() + " " + r.flagsText());
            }
            frames.countDown();
        }

        synchronized List<String> readings() {
            return List.copyOf(readings);
        }

        @Override
        public void onConnected(String deviceId, String endpoint) {
        }

        @Override
        public void onDisconnected(String deviceId, String reason) {
        }
    }

    @Test
    void aCaptureReplayedGivesTheSameReadings() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        ProtocolDriver nonin = ProtocolRegistry.standard().require("nonin");
        FrameEncoder encoder = SimRegistry.standard().require("nonin").newEncoder();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        LocalDateTime t = LocalDateTime.of(2026, 12, 3, 8, 0);
        for (int s = 0; s < 8; s++) {
            boolean off = s == 4 || s == 5;
            wire.writeBytes(encoder.encode(new DeviceOutput(t.plusSeconds(s), off ? Map.of()
                    : Map.of(Vital.SPO2, 97.0 - s, Vital.PR, 70.0 + s), off, false, null)));
            if (s == 2) {
                wire.writeBytes(new byte[] {0x55, 0x01, 0x7F, 0x00, (byte) 0xAA, 0x13});
            }
        }
        byte[] sent = wire.toByteArray();
        int frames = 8 * 3 - 1; // the garbage costs the packet it cut into

        ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor();
        Path file = dir.resolve("captures").resolve("chair-1-ox.vraw");
        Collect live = new Collect(frames);
        try (RawCaptureFiles captures = new RawCaptureFiles(); PtyPair pty = PtyPair.open()) {
            RawTap tap = captures.open(file, new RawCapture.Header("nonin", "ox", InstantSource.system().instant()));
            DeviceConnection link = new DeviceConnection("ox", () -> new SerialTransport(pty.slavePath(), nonin.defaultSerial()),
                    nonin, InstantSource.system(), live, connector, Duration.ofSeconds(1), tap);
            link.start();
            for (int off = 0; off < sent.length; off += 500) {
                pty.write(sent, off, Math.min(500, sent.length - off));
            }
            assertTrue(live.frames.await(30, TimeUnit.SECONDS), "live frames decoded");
            link.close();
            assertTrue(captures.flush(Duration.ofSeconds(10)));
            assertEquals(0, captures.droppedBytes());
        }
        RawCapture.Capture capture = RawCapture.read(file);
        assertEquals(new RawCapture.Header("nonin", "ox", capture.header().start()), capture.header());
        assertEquals(java.util.Arrays.toString(sent), java.util.Arrays.toString(capture.bytes()), "every byte captured, in order");

        Collect replayed = new Collect(frames);
        try (PtyTransport out = PtyTransport.create()) {
            DeviceConnection link = new DeviceConnection("ox", () -> new SerialTransport(out.pty().slavePath(),
                    nonin.defaultSerial()), nonin, InstantSource.system(), replayed, connector, Duration.ofSeconds(1));
            link.start();
            LivePlayer player = new LivePlayer(Map.of("ox", SpedUpScript.of(new RawReplay(capture, "ox", "nonin"), 10)),
                    Map.of("ox", out), InstantSource.system(), Sleeper.PARK, false);
            player.start();
            assertTrue(player.awaitFinished(Duration.ofSeconds(30)));
            assertTrue(replayed.frames.await(30, TimeUnit.SECONDS), "replayed frames decoded");
            link.close();
        } finally {
            connector.shutdownNow();
        }
        assertEquals(live.readings(), replayed.readings());
        assertTrue(live.readings().stream().anyMatch(r -> r.contains("sensor_off")), live.readings().toString());
    }

    @Test
    void replayKeepsTheCapturedTimingAndACutFileEndsAtItsLastWholeRecord() throws Exception {
        java.time.Instant start = java.time.Instant.parse("2026-12-03T08:00:00Z");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (RawCapture.Writer w = new RawCapture.Writer(b, new RawCapture.Header("contec", "ox", start))) {
            w.write(start.plusMillis(10), new byte[] {1, 2, 3}, 0, 3);
            w.write(start.plusMillis(1500), new byte[] {4}, 0, 1);
            w.write(start.plusMillis(1400), new byte[] {5, 6}, 0, 2); // a clock step back: kept in order
        }
        byte[] whole = b.toByteArray();
        RawCapture.Capture c = RawCapture.read(new java.io.ByteArrayInputStream(whole), "t");
        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(1500), Duration.ofMillis(1500)),
                c.bursts().stream().map(RawCapture.Burst::offset).toList());
        RawReplay replay = new RawReplay(c, "ox", "contec");
        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(1500), Duration.ofMillis(1500)),
                replay.emissions().stream().map(org.vigil.sim.Emission::at).toList());
        assertEquals(List.of(Duration.ofMillis(5), Duration.ofMillis(750), Duration.ofMillis(750)),
                SpedUpScript.of(replay, 2).emissions().stream().map(org.vigil.sim.Emission::at).toList());
        RawCapture.Capture cut = RawCapture.read(new java.io.ByteArrayInputStream(java.util.Arrays.copyOf(whole, whole.length - 1)), "t");
        assertEquals(2, cut.bursts().size());
        Path bad = dir.resolve("bad.vraw");
        Files.writeString(bad, "hello\n");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> RawCapture.read(bad));
        assertTrue(e.getMessage().contains("not a raw capture"), e.getMessage());
    }
}
