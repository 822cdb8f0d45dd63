package org.vigil.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

class SessionRepositoryTest {

    @TempDir
    Path dir;
    private VigilDatabase db;
    private SessionRepository repo;

    @BeforeEach
    void open() {
        db = VigilDatabase.open(dir.resolve("vigil.db"));
        repo = db.sessions();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void startedSessionIsStoredWithItsDevicesAndNoEnd() {
        long id = repo.startSession(Fixtures.newSession("chair2", Fixtures.T0));
        SessionInfo s = repo.session(id).orElseThrow();
        assertEquals("chair2", s.chairId());
        assertEquals(Fixtures.T0, s.start());
        assertNull(s.end());
        assertNull(s.endReason());
        assertEquals("0.1.0-test", s.softwareVersion());
        assertEquals(Baseline.none(), s.baseline());
        assertNull(s.patientRef());
        assertEquals(Fixtures.newSession("chair2", Fixtures.T0).devices(), s.devices());
        assertEquals("masimo", s.devices().get(0).protocol());
        assertTrue(repo.session(id + 1).isEmpty());
    }

    @Test
    void endedSessionKeepsItsEndAndCannotEndTwice() {
        long id = repo.startSession(Fixtures.newSession("chair1", Fixtures.T0));
        Instant end = Fixtures.T0.plus(Duration.ofMinutes(75));
        repo.endSession(id, end, EndReason.CLOSED);
        SessionInfo s = repo.session(id).orElseThrow();
        assertEquals(end, s.end());
        assertEquals(EndReason.CLOSED, s.endReason());
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> repo.endSession(id, end.plusSeconds(1), EndReason.CLOSED));
        assertTrue(twice.getMessage().contains("already ended"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> repo.endSession(999, end, EndReason.CLOSED));
    }

    @Test
    void baselineIsStoredAndReplaced() {
        long id = repo.startSession(Fixtures.newSession("chair1", Fixtures.T0));
        repo.setBaseline(id, new Baseline(124.0, 78.0, 72.0));
        assertEquals(new Baseline(124.0, 78.0, 72.0), repo.session(id).orElseThrow().baseline());
        repo.setBaseline(id, new Baseline(130.0, 82.0, null));
        assertEquals(new Baseline(130.0, 82.0, null), repo.session(id).orElseThrow().baseline());
        assertThrows(IllegalArgumentException.class, () -> repo.setBaseline(999, Baseline.none()));
    }

    @Test
    void listShowsNewestFirstWithReadingAndRaisedAlarmCounts() throws Exception {
        long first = repo.startSession(Fixtures.newSession("chair1", Fixtures.T0));
        long second = repo.startSession(new NewSession("chair2", Fixtures.T0.plusSeconds(60), "0.1.0-test", true, List.of()));
        try (RecordingWriter w = new RecordingWriter(db, Duration.ofHours(1), new TestListener())) {
            for (int i = 0; i < 3; i++) {
                w.append(first, new Reading(Fixtures.T0.plusSeconds(i), "ox", Vital.SPO2, 97, Set.of()));
            }
            w.append(first, alarm(Fixtures.T0.plusSeconds(5), AlarmEventType.RAISED));
            w.append(first, alarm(Fixtures.T0.plusSeconds(9), AlarmEventType.ENDED));
            w.flush();
        }
        repo.endSession(first, Fixtures.T0.plusSeconds(90), EndReason.CLOSED);
        assertEquals(List.of(
                new SessionSummary(second, "chair2", Fixtures.T0.plusSeconds(60), null, null, true, 0, 0),
                new SessionSummary(first, "chair1", Fixtures.T0, Fixtures.T0.plusSeconds(90), EndReason.CLOSED, false, 3, 1)),
                repo.listSessions());
    }

    @Test
    void unfinishedSessionsEndAbnormallyAtTheirLastRecordedTime() throws Exception {
        long withReadings = repo.startSession(Fixtures.newSession("chair1", Fixtures.T0));
        long empty = repo.startSession(Fixtures.newSession("chair2", Fixtures.T0.plusSeconds(30)));
        long closed = repo.startSession(Fixtures.newSession("chair3", Fixtures.T0));
        repo.endSession(closed, Fixtures.T0.plusSeconds(40), EndReason.CLOSED);
        Instant lastAlarm = Fixtures.T0.plusSeconds(125);
        try (RecordingWriter w = new RecordingWriter(db, Duration.ofHours(1), new TestListener())) {
            w.append(withReadings, new Reading(Fixtures.T0.plusSeconds(120), "ox", Vital.SPO2, 97, Set.of()));
            w.append(withReadings, alarm(lastAlarm, AlarmEventType.RAISED));
            w.append(withReadings, new Reading(Fixtures.T0.plusSeconds(110), "ox", Vital.SPO2, 96, Set.of()));
            w.flush();
        }
        Instant now = Fixtures.T0.plus(Duration.ofHours(3));

        assertEquals(List.of(withReadings, empty), repo.recoverUnfinished(now));

        SessionInfo a = repo.session(withReadings).orElseThrow();
        assertEquals(EndReason.ENDED_ABNORMALLY, a.endReason());
        assertEquals(lastAlarm, a.end());
        SessionInfo b = repo.session(empty).orElseThrow();
        assertEquals(EndReason.ENDED_ABNORMALLY, b.endReason());
        assertEquals(Fixtures.T0.plusSeconds(30), b.end(), "a session with nothing recorded ends at its start");
        assertEquals(Fixtures.T0.plusSeconds(40), repo.session(closed).orElseThrow().end());
        SessionEvent note = repo.sessionEvents(withReadings).get(0);
        assertEquals(SessionEvent.SESSION_RECOVERED, note.type());
        assertEquals(now, note.time());
        assertEquals(lastAlarm.toString(), note.details().get("ended_at"));

        assertEquals(List.of(), repo.recoverUnfinished(now.plusSeconds(1)), "recovering twice changes nothing");
    }

    @Test
    void storedTextTheCodeDoesNotKnowFailsLoudly() throws Exception {
        long id = repo.startSession(Fixtures.newSession("chair1", Fixtures.T0));
        try (var c = db.connect(); var s = c.createStatement()) {
            s.execute("INSERT INTO reading (session_id, t_ms, device_id, vital, value, flags) VALUES ("
                    + id + ", 0, 'ox', 'spo2', 97, 'invalid|made_up_flag')");
        }
        StorageException e = assertThrows(StorageException.class, () -> repo.readings(id));
        assertTrue(e.getMessage().contains("made_up_flag"), e.getMessage());
    }

    private static AlarmEvent alarm(Instant t, AlarmEventType type) {
        return new AlarmEvent(t, type, "spo2.low", Priority.MEDIUM, AlarmKind.PHYSIOLOGICAL, "spo2", 86.0, 90.0,
                "SpO2 86 < 90", null);
    }
}
