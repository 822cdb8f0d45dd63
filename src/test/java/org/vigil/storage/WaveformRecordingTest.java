package org.vigil.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Pleth rows queued on the recording writer are committed by its thread with the session's other rows. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WaveformRecordingTest {

    @TempDir
    Path dir;

    @Test
    void waveChunksGoThroughTheWriterIntoTheWaveformTable() throws Exception {
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("vigil.db"))) {
            long session = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0));
            List<WaveformChunk> sent = new ArrayList<>();
            try (RecordingWriter w = new RecordingWriter(db, Duration.ofHours(1), new TestListener())) {
                for (int k = 0; k < 3000; k++) {
                    short[] samples = new short[75];
                    for (int i = 0; i < samples.length; i++) {
                        samples[i] = (short) (k + i * 100);
                    }
                    WaveformChunk c = new WaveformChunk("ox", "pleth", Fixtures.T0.plusSeconds(k), 75, samples);
                    sent.add(c);
                    assertTrue(w.append(session, c));
                }
                w.flush();
            }
            List<WaveformChunk> back = new ArrayList<>();
            db.waveforms().forEachChunk(session, "pleth", Fixtures.T0, Fixtures.T0.plusSeconds(4000), back::add);
            assertEquals(sent, back);
            assertEquals(List.of("pleth"), db.waveforms().waves(session));
        }
    }
}
