package org.vigil.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.domain.Vital;
import org.vigil.domain.WaveChunk;
import org.vigil.domain.WaveSegment;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.FrameEncoder;
import org.vigil.sim.protocol.SimRegistry;

/** A simulated oximeter's pleth comes out of the device stream as stamped wave chunks at the device's rate. */
class DeviceStreamWaveTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @ParameterizedTest
    @CsvSource({"nonin, 75, 25, 255", "nonin-df7, 75, 25, 65535", "contec, 60, 1, 127"})
    void thePlethArrivesAsWaveChunks(String protocol, double rate, int perFrame, int high) {
        List<WaveChunk> chunks = new ArrayList<>();
        DeviceStream stream = new DeviceStream("ox", ProtocolRegistry.standard().require(protocol).newDecoder(),
                InstantSource.fixed(NOW), (id, rs) -> { }, (id, ms) -> { }, f -> { }, chunks::add);
        FrameEncoder encoder = SimRegistry.standard().require(protocol).newEncoder();
        LocalDateTime t = LocalDateTime.of(2026, 12, 3, 8, 0);
        for (int s = 0; s < 4; s++) {
            byte[] b = encoder.encode(new DeviceOutput(t.plusSeconds(s), Map.of(Vital.SPO2, 97.0, Vital.PR, 75.0), false, false, null));
            stream.receive(b, b.length);
        }
        int samples = chunks.stream().mapToInt(c -> c.segment().size()).sum();
        assertTrue(samples >= 3 * rate && samples <= 4 * rate, protocol + ": about 4 s of samples, got " + samples);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (WaveChunk c : chunks) {
            assertEquals("ox", c.deviceId());
            assertEquals(NOW, c.time());
            WaveSegment w = c.segment();
            assertEquals(WaveSegment.PLETH, w.metric());
            assertEquals(rate, w.sampleRate());
            assertEquals(perFrame, w.size());
            assertEquals(high, w.high());
            for (int i = 0; i < w.size(); i++) {
                min = Math.min(min, w.sample(i));
                max = Math.max(max, w.sample(i));
            }
        }
        assertTrue(max - min > high / 8, protocol + ": a pulse wave, not a flat line (" + min + ".." + max + ")");
        assertEquals(chunks.size(), stream.waveFrames());
    }
}
