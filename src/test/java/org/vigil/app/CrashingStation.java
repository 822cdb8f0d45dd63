package org.vigil.app;

import org.vigil.testsupport.TestActors;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vigil.alarm.AlarmEventType;
import org.vigil.config.ConfigLoader;
import org.vigil.config.StationConfig;
import org.vigil.chair.ChairMonitor;

/**
 * The station a nurse works at, in a JVM of its own for {@link RestartAfterCrashTest}: starts the
 * station on the given configuration (simulated devices on pseudo-terminals), pauses the audio,
 * raises chair 1's high limit for HR to 110, switches its PR low alarm off, types a baseline,
 * waits until the scenario's desaturation has latched and ended, flushes everything to disk and
 * prints {@code ready <session> <paused until>}. Then it waits to be killed.
 */
public final class CrashingStation {

    private CrashingStation() {
    }

    public static void main(String[] args) throws Exception {
        StationConfig cfg = ConfigLoader.forCurrentUser().load(Path.of(args[0]));
        Station station = Station.start(cfg, InstantSource.system(), false);
        ChairMonitor chair = station.chairs().get(0);
        CountDownLatch raised = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        chair.addAlarmListener(e -> {
            if (e.alarmId().equals("spo2.desat") && e.type() == AlarmEventType.RAISED) {
                raised.countDown();
            }
            if (e.alarmId().equals("spo2.desat") && e.type() == AlarmEventType.ENDED) {
                ended.countDown();
            }
        });
        chair.pauseAudio(TestActors.nurse("nurse"));
        if (!chair.changeLimit("hr.high", 110, TestActors.nurse("nurse")).changed()) {
            throw new IllegalStateException("hr.high refused");
        }
        chair.setAlarmEnabled("pr.low", false, TestActors.admin("nurse"));
        if (!chair.setBaselineTyped("130", "85", TestActors.nurse("nurse")).accepted()) {
            throw new IllegalStateException("baseline refused");
        }
        if (!raised.await(60, TimeUnit.SECONDS) || !ended.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no desaturation raised and ended");
        }
        station.flush();
        long session;
        try (var db = org.vigil.storage.VigilDatabase.open(cfg.database())) {
            session = db.sessions().listSessions().get(0).id();
        }
        System.out.println("ready " + session + " " + chair.alarms().audioPausedUntil());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
