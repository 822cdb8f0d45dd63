package org.vigil.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

/**
 * Run in a separate JVM by {@link CrashSafetyTest}: starts a session, records and flushes
 * {@value #FLUSHED} readings, an alarm and a session event, appends {@value #UNFLUSHED} more,
 * prints {@code flushed <sessionId>} and waits to be killed.
 */
final class CrashingRecorder {

    static final int FLUSHED = 500;
    static final int UNFLUSHED = 10;

    private CrashingRecorder() {
    }

    public static void main(String[] args) throws Exception {
        VigilDatabase db = VigilDatabase.open(Path.of(args[0]));
        long id = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0));
        RecordingWriter w = new RecordingWriter(db, Duration.ofHours(1), new TestListener());
        for (int i = 0; i < FLUSHED; i++) {
            w.append(id, new Reading(Fixtures.T0.plusSeconds(i), "ox", Vital.SPO2, 97, Set.of()));
        }
        w.append(id, new AlarmEvent(Fixtures.T0.plusSeconds(100), AlarmEventType.RAISED, "spo2.low", Priority.MEDIUM,
                AlarmKind.PHYSIOLOGICAL, "spo2", 86.0, 90.0, "SpO2 86 < 90", null));
        w.append(id, SessionEvent.of(Fixtures.T0.plusSeconds(1000), "audio_paused", Map.of("duration", "2m"), "nurse.kim"));
        w.flush();
        for (int i = 0; i < UNFLUSHED; i++) {
            w.append(id, new Reading(Fixtures.T0.plusSeconds(FLUSHED + i), "ox", Vital.SPO2, 97, Set.of()));
        }
        System.out.println("flushed " + id);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
