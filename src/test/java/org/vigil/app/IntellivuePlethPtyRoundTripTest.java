package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmEventType;
import org.vigil.chair.ChairMonitor;
import org.vigil.chair.WaveTrace;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.PtyPair;
import org.vigil.storage.VigilDatabase;
import org.vigil.storage.WaveformChunk;

/**
 * A station with a simulated IntelliVue on a pseudo-terminal: its session associates and polls
 * the waves, the simulator answers with the pleth, the chair's trace fills at the monitor's 125
 * samples a second and the record holds it in rows, with a hole where the scenario took the
 * sensor off (the arrays come invalid, so nothing is drawn or recorded for them). The scenario's
 * desaturation at 12 s, once it alarms, says the scenario got that far.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IntellivuePlethPtyRoundTripTest {

    /**
     * The pleth by the desaturation alarm (12 s into the scenario): 9 s of it less what the
     * association and a busy machine may cost, so at least 6 s.
     */
    private static final int SAMPLES_WANTED = 125 * 6;

    @TempDir
    Path dir;

    @Test
    void thePlethCrossesAPtyToTheChairScreenAndIntoTheRecordWithTheSensorOffAsAHole() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        Files.writeString(dir.resolve("pleth.yaml"), String.join("\n",
                "name: pleth with a sensor off",
                "duration: 2m",
                "devices:",
                "  mon: { protocol: intellivue, reports: [hr, pr, spo2] }",
                "vitals: { hr: 72, pr: 72, spo2: 98 }",
                "events:",
                "  - { at: 6s, sensor_off: mon, for: 3s }",
                "  - { at: 12s, set: { spo2: 80 } }",
                ""));
        StationConfig cfg = OneChairConfig.write(dir,
                "      - { id: mon, protocol: intellivue, port: \"simulated:pleth.yaml\", vitals: [spo2, pr, hr] }\n");
        CountDownLatch desat = new CountDownLatch(1);
        long sessionId;
        String figure;
        WaveTrace.Source source;
        long samples;
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            ChairMonitor chair = station.chairs().get(0);
            WaveTrace trace = chair.pleth().orElseThrow();
            long started = System.nanoTime();
            chair.addAlarmListener(e -> {
                if (e.alarmId().equals("spo2.desat") && e.type() == AlarmEventType.RAISED) {
                    desat.countDown();
                }
            });
            assertTrue(desat.await(90, TimeUnit.SECONDS), "the desaturation at 12 s alarms");
            samples = trace.end();
            double seconds = (System.nanoTime() - started) / 1e9;
            figure = String.format(Locale.ROOT, "intellivue pleth over a pty: %d samples in the %.1f s from the station's"
                    + " start to the desaturation alarm (%.0f/s with the association and a 3 s sensor off; the monitor"
                    + " sends 125/s), in %d frames", samples, seconds, samples / seconds, trace.chunks());
            source = trace.source().orElseThrow();
            station.flush();
            sessionId = station.currentSessionIdOf(0).orElseThrow();
        }
        System.out.println(figure);
        assertTrue(samples >= SAMPLES_WANTED, "pleth samples at the chair: " + samples);
        assertEquals(new WaveTrace.Source("mon", 125.0, 0, 4095), source);

        List<WaveformChunk> rows = new ArrayList<>();
        try (VigilDatabase db = VigilDatabase.open(cfg.database())) {
            assertEquals(List.of("pleth"), db.waveforms().waves(sessionId));
            db.waveforms().forEachChunk(sessionId, "pleth", Instant.now().minus(Duration.ofHours(1)),
                    Instant.now().plus(Duration.ofHours(1)), rows::add);
        }
        int recorded = rows.stream().mapToInt(WaveformChunk::size).sum();
        assertTrue(recorded >= samples - 2 * 125, recorded + " of " + samples + " samples recorded");
        int holes = 0;
        for (int k = 0; k < rows.size(); k++) {
            WaveformChunk r = rows.get(k);
            assertEquals("mon", r.deviceId());
            assertEquals(125.0, r.rateHz());
            for (int i = 0; i < r.size(); i++) {
                assertTrue(r.sample(i) >= 0 && r.sample(i) <= 4095, "row " + k + " sample " + i + ": " + r.sample(i));
            }
            if (k > 0) {
                WaveformChunk before = rows.get(k - 1);
                Instant end = before.start().plusNanos(Math.round(before.size() * 1e9 / before.rateHz()));
                double gap = Duration.between(end, r.start()).toMillis() / 1000.0;
                if (gap > 1.5) {
                    holes++;
                    assertTrue(gap > 2.0 && gap < 4.5, "the hole lasts about as long as the sensor was off: " + gap + " s");
                }
            }
        }
        assertEquals(1, holes, "one hole, where the sensor was off");
    }
}
