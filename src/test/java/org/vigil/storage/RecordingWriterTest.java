package org.vigil.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordingWriterTest {

    /** Long enough that nothing is committed by the clock during a test: commits come from flush, size or close. */
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;
    private VigilDatabase db;
    private SessionRepository repo;
    private long session;
    private final TestListener listener = new TestListener();

    @BeforeEach
    void open() {
        db = VigilDatabase.open(dir.resolve("vigil.db"));
        repo = db.sessions();
        session = repo.startSession(Fixtures.newSession("chair1", Fixtures.T0));
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    private static Reading reading(int i) {
        Vital[] vitals = {Vital.SPO2, Vital.PR, Vital.PI, Vital.NIBP_SYS};
        Vital v = vitals[i % vitals.length];
        Instant t = Fixtures.T0.plusMillis(i);
        String device = v.isNibp() ? "mon" : "ox";
        if (i % 7 == 0) {
            return new Reading(t, device, v, Double.NaN, EnumSet.of(ReadingFlag.INVALID, ReadingFlag.SENSOR_OFF));
        }
        Set<ReadingFlag> flags = i % 5 == 0 ? Set.of(ReadingFlag.LOW_PERFUSION) : Set.of();
        return new Reading(t, device, v, 90 + (i % 100) / 10.0, flags);
    }

    @Test
    void hundredThousandReadingsLandWithAbsentValuesAndFlags() throws Exception {
        List<Reading> sent = new ArrayList<>();
        try (RecordingWriter w = new RecordingWriter(db, NEVER, listener)) {
            for (int i = 0; i < 100_000; i++) {
                Reading r = reading(i);
                sent.add(r);
                assertTrue(w.append(session, r));
            }
            w.flush();
            assertEquals(0, w.pendingCount());
            assertEquals(sent, repo.readings(session));
        }
        List<Reading> spo2 = repo.readings(session, Vital.SPO2, Fixtures.T0.plusMillis(40), Fixtures.T0.plusMillis(56));
        assertEquals(List.of(reading(40), reading(44), reading(48), reading(52)), spo2, "from inclusive, to exclusive");
        assertTrue(Double.isNaN(repo.readings(session, Vital.PR, Fixtures.T0.plusMillis(21), Fixtures.T0.plusMillis(22)).get(0).value()));
        try (Connection c = db.connect()) {
            assertEquals(100_000, Fixtures.count(c, "SELECT count(*) FROM reading WHERE session_id = " + session));
            assertEquals("invalid|sensor_off", Fixtures.text(c, "SELECT flags FROM reading WHERE t_ms = " + Fixtures.T0.plusMillis(7).toEpochMilli()));
            assertEquals(1, Fixtures.count(c, "SELECT value IS NULL FROM reading WHERE t_ms = " + Fixtures.T0.plusMillis(7).toEpochMilli()));
            assertEquals("", Fixtures.text(c, "SELECT flags FROM reading WHERE t_ms = " + Fixtures.T0.plusMillis(1).toEpochMilli()));
        }
        assertEquals(0, listener.failures.get());
    }

    @Test
    void concurrentAppendersEachSeeTheirOwnRowsAfterTheirFlush() throws Exception {
        int threads = 4;
        int perThread = 25_000;
        try (RecordingWriter w = new RecordingWriter(db, Duration.ofMillis(3), listener)) {
            List<Thread> workers = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                String device = "dev" + t;
                Thread worker = new Thread(() -> {
                    try (Connection c = db.connect()) {
                        for (int i = 0; i < perThread; i++) {
                            w.append(session, new Reading(Fixtures.T0.plusMillis(i), device, Vital.SPO2, 97, Set.of()));
                            if (i % 5_000 == 4_999) {
                                w.flush();
                                assertEquals(i + 1, Fixtures.count(c, "SELECT count(*) FROM reading WHERE device_id = '" + device + "'"));
                            }
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            assertEquals(List.of(), errors);
        }
        assertEquals(threads * perThread, repo.readings(session).size());
        assertEquals(0, listener.failures.get());
    }

    @Test
    void alarmAndSessionEventsRoundTrip() throws Exception {
        List<AlarmEvent> alarms = List.of(
                new AlarmEvent(Fixtures.T0.plusSeconds(10), AlarmEventType.RAISED, "spo2.low", Priority.MEDIUM,
                        AlarmKind.PHYSIOLOGICAL, "spo2", 86.0, 90.0, "SpO2 86 < 90", null),
                new AlarmEvent(Fixtures.T0.plusSeconds(20), AlarmEventType.ACKNOWLEDGED, "spo2.low", Priority.MEDIUM,
                        AlarmKind.PHYSIOLOGICAL, "spo2", 87.0, 90.0, "SpO2 87 < 90", "nurse.kim"),
                new AlarmEvent(Fixtures.T0.plusSeconds(30), AlarmEventType.RAISED, "ox.no_data", Priority.MEDIUM,
                        AlarmKind.TECHNICAL, "ox", null, null, "SpO2 device: no data", null));
        List<SessionEvent> events = List.of(
                SessionEvent.of(Fixtures.T0.plusSeconds(15), "audio_paused", Map.of("duration", "2m"), "nurse.kim"),
                SessionEvent.of(Fixtures.T0.plusSeconds(25), "limit_changed",
                        Map.of("rule", "spo2.low", "old", "90", "new", "88"), "dr.lee"),
                new SessionEvent(Fixtures.T0.plusSeconds(35), "note", null, null));
        try (RecordingWriter w = new RecordingWriter(db, NEVER, listener)) {
            alarms.forEach(a -> w.append(session, a));
            events.forEach(e -> w.append(session, e));
            w.flush();
        }
        assertEquals(alarms, repo.alarmEvents(session));
        assertEquals(events, repo.sessionEvents(session));
        SessionEvent change = repo.sessionEvents(session).get(1);
        assertEquals("{\"new\":\"88\",\"old\":\"90\",\"rule\":\"spo2.low\"}", change.detail());
        assertEquals(Map.of("rule", "spo2.low", "old", "90", "new", "88"), change.details());
        SessionSummary summary = repo.listSessions().get(0);
        assertEquals(2, summary.alarmCount(), "raised alarms");
    }

    @Test
    void appendReturnsWhileTheWriterThreadIsStalled() throws Exception {
        TestConnector disk = new TestConnector(db).stallNextOpen();
        try (RecordingWriter w = new RecordingWriter(disk, NEVER, 2_000_000, Duration.ofSeconds(10), listener)) {
            w.append(session, reading(0));
            assertFalse(w.flush(Duration.ZERO), "kicks the writer into its first commit");
            disk.stalled.await();
            for (int i = 1; i <= 10_000; i++) {
                assertTrue(w.append(session, reading(i)));
            }
            assertEquals(10_001, w.pendingCount());
            disk.release();
            w.flush();
            assertEquals(0, w.pendingCount());
        }
        assertEquals(10_001, repo.readings(session).size());
    }

    @Test
    void thousandPendingRowsStartACommitBeforeTheInterval() throws Exception {
        TestConnector disk = new TestConnector(db).stallNextOpen();
        try (RecordingWriter w = new RecordingWriter(disk, NEVER, 2_000_000, Duration.ofSeconds(10), listener)) {
            for (int i = 0; i < RecordingWriter.EARLY_COMMIT_ROWS; i++) {
                w.append(session, reading(i));
            }
            disk.stalled.await();
            disk.release();
        }
        assertEquals(RecordingWriter.EARLY_COMMIT_ROWS, repo.readings(session).size());
    }

    @Test
    void fullQueueRefusesNewRowsReportsAndRecordsTheGap() throws Exception {
        TestConnector disk = new TestConnector(db).stallNextOpen();
        try (RecordingWriter w = new RecordingWriter(disk, NEVER, 100, Duration.ofSeconds(10), listener)) {
            w.append(session, reading(0));
            w.flush(Duration.ZERO);
            disk.stalled.await();
            int refused = 0;
            for (int i = 1; i <= 150; i++) {
                if (!w.append(session, reading(i))) {
                    refused++;
                }
            }
            assertEquals(51, refused);
            assertEquals(51, w.droppedCount());
            assertEquals(100, w.pendingCount(), "everything queued before the queue filled is kept");
            disk.release();
            w.flush();
            assertEquals(1, listener.failures.get());
            assertTrue(listener.lastFailure.get().getMessage().contains("queue full"), listener.lastFailure.get().getMessage());

            w.append(session, reading(151));
            w.flush();
            assertEquals(1, listener.recoveries.get());
        }
        assertEquals(101, repo.readings(session).size());
        SessionEvent gap = repo.sessionEvents(session).get(0);
        assertEquals(SessionEvent.RECORDING_GAP, gap.type());
        assertEquals("51", gap.details().get("rows"));
        assertEquals(reading(100).time().toString(), gap.details().get("from"));
        assertEquals(reading(150).time().toString(), gap.details().get("to"));
    }

    @Test
    void failedCommitKeepsTheRowsReportsOnceAndRecovers() throws Exception {
        TestConnector disk = new TestConnector(db);
        try (RecordingWriter w = new RecordingWriter(disk, Duration.ofMillis(5), 2_000_000, Duration.ofSeconds(10), listener)) {
            for (int i = 0; i < 10; i++) {
                w.append(session, reading(i));
            }
            w.flush();

            disk.pullTheDisk();
            var threeRefusals = disk.awaitRefusals(3);
            for (int i = 10; i < 15; i++) {
                w.append(session, reading(i));
            }
            listener.failed.await();
            threeRefusals.await();
            assertEquals(1, listener.failures.get(), "one report per failure episode, however many retries");
            assertInstanceOf(SQLException.class, listener.lastFailure.get());
            assertEquals(5, w.pendingCount());
            assertEquals(10, repo.readings(session).size());

            disk.putTheDiskBack();
            w.flush();
            assertEquals(1, listener.recoveries.get());
            assertEquals(0, w.pendingCount());
        }
        assertEquals(15, repo.readings(session).size());
        assertEquals(1, listener.failures.get());
        assertEquals(0, repo.sessionEvents(session).size(), "no rows were lost, so no gap is recorded");
    }

    @Test
    void rowForAnUnknownSessionIsRejectedWithoutHoldingBackOthers() throws Exception {
        try (RecordingWriter w = new RecordingWriter(db, NEVER, listener)) {
            w.append(session, reading(0));
            w.append(424_242L, reading(1));
            w.append(session, reading(2));
            w.flush();
            assertEquals(1, w.rejectedCount());
            assertEquals(1, listener.failures.get());
            assertTrue(listener.lastFailure.get().getMessage().contains("refused"), listener.lastFailure.get().getMessage());

            w.append(session, reading(3));
            w.flush();
            assertEquals(1, listener.recoveries.get());
        }
        assertEquals(List.of(reading(0), reading(2), reading(3)), repo.readings(session));
    }

    @Test
    void closeCommitsWhatIsPendingAndRefusesLaterAppends() {
        RecordingWriter w = new RecordingWriter(db, NEVER, listener);
        for (int i = 0; i < 5; i++) {
            w.append(session, reading(i));
        }
        w.close();
        assertEquals(5, repo.readings(session).size());
        assertFalse(w.append(session, reading(5)));
        assertEquals(1, w.droppedCount());
        w.close();
    }

    @Test
    void closeGivesUpOnABrokenDiskAndCountsTheLoss() throws Exception {
        TestConnector disk = new TestConnector(db);
        RecordingWriter w = new RecordingWriter(disk, NEVER, 2_000_000, Duration.ZERO, listener);
        w.append(session, reading(0));
        w.flush();
        disk.pullTheDisk();
        w.append(session, reading(1));
        w.append(session, reading(2));
        w.close();
        assertEquals(2, w.droppedCount());
        assertEquals(1, listener.failures.get());
        assertEquals(1, repo.readings(session).size());
    }

    @Test
    void theSessionRepositoryCanWriteWhileTheWriterIsRunning() throws Exception {
        try (RecordingWriter w = new RecordingWriter(db, NEVER, listener)) {
            w.append(session, reading(0));
            w.flush();
            // Between commits the writer must not hold the write lock: ending a session and
            // starting the next must go through at once, not time out on a locked database.
            repo.endSession(session, Fixtures.T0.plusSeconds(60), EndReason.CLOSED);
            long next = repo.startSession(Fixtures.newSession("chair1", Fixtures.T0.plusSeconds(61)));
            w.append(next, reading(1));
            w.flush();
            assertEquals(1, repo.readings(next).size());
            assertEquals(EndReason.CLOSED, repo.session(session).orElseThrow().endReason());
        }
    }
}
