package org.vigil.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

/**
 * Storage faults at start, mid-run and at shutdown, as a station meets them: the chair's
 * recording (1 Hz SpO2, PR and HR, a cuff reading every 5 minutes) is appended whatever the
 * file's state, and every problem reaches the listener (the station's "recording unavailable").
 * The writer retries every 20 ms here; tests wait on what the listener is told, never on a clock.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StationStoreTest {

    private static final Duration INTERVAL = Duration.ofMillis(20);
    private static final Duration CLOSE_TIMEOUT = Duration.ofMillis(300);
    private static final InstantSource CLOCK = InstantSource.fixed(Fixtures.T0.plusSeconds(3600));

    @TempDir
    Path dir;

    /** What the writer told the station, in order: "failure: message" or "recovered". */
    private final BlockingQueue<String> told = new LinkedBlockingQueue<>();
    private final WriterListener listener = new WriterListener() {
        @Override
        public void onFailure(Exception cause) {
            told.add("failure: " + cause.getMessage());
        }

        @Override
        public void onRecovered() {
            told.add("recovered");
        }
    };

    @Test
    void garbageFileAtStartIsNeverTouchedAndTheRowsAreWrittenOnceItIsMovedAway() throws Exception {
        Path file = dir.resolve("vigil.db");
        byte[] garbage = "PK\u0003\u0004 a zip archive, not a session database\n".repeat(50).getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, garbage);
        StationStore store = store(file);
        long key = store.startSession(Fixtures.newSession("chair-1", Fixtures.T0));
        int rows = appendVitals(store, key, 0, 600);

        assertEquals("failure: vigil.db does not open with the station's key (wrong key, or not an SQLite file); it is left untouched", next());
        assertArrayEquals(garbage, Files.readAllBytes(file), "the garbage file is left as it was");
        assertEquals(List.of(file), files(dir), "nothing created or moved beside it");

        // the clinic moves the file away: recording comes back by itself, from the session's start
        Path kept = dir.resolve("kept-for-inspection.bin");
        Files.move(file, kept);
        assertEquals("recovered", next());
        assertTrue(store.flush(Duration.ofSeconds(10)));
        List<StationStore.Outcome> outcomes = store.close(CLOCK.instant());

        assertTrue(outcomes.get(0).saved(), outcomes.toString());
        assertArrayEquals(garbage, Files.readAllBytes(kept));
        try (VigilDatabase db = VigilDatabase.open(file)) {
            SessionInfo s = db.sessions().session(outcomes.get(0).sessionId()).orElseThrow();
            assertEquals(Fixtures.T0, s.start(), "the session keeps the time it began, not the time the disk came back");
            assertEquals(EndReason.CLOSED, s.endReason());
            assertEquals(rows, db.sessions().readings(s.id()).size());
        }
    }

    @Test
    void rowsPastTheBufferWhileStorageIsUnavailableAreACountedGapNeverASilentOne() throws Exception {
        Path file = dir.resolve("vigil.db");
        Files.writeString(file, "not a database");
        StationStore store = new StationStore(file, CLOCK, INTERVAL, 1_000, CLOSE_TIMEOUT, listener, c -> c);
        long key = store.startSession(Fixtures.newSession("chair-1", Fixtures.T0));
        int rows = appendVitals(store, key, 0, 600); // 1,804 rows into a buffer of 1,000
        assertTrue(next().startsWith("failure: "));

        Files.delete(file);
        assertEquals("recovered", next());
        assertTrue(store.flush(Duration.ofSeconds(10)));
        StationStore.Outcome o = store.close(CLOCK.instant()).get(0);

        assertEquals(rows - 1_000, o.lostRows());
        try (VigilDatabase db = VigilDatabase.open(file)) {
            assertEquals(1_000, db.sessions().readings(o.sessionId()).size(), "the first rows, kept in the buffer");
            List<SessionEvent> gaps = db.sessions().sessionEvents(o.sessionId()).stream()
                    .filter(e -> e.type().equals(SessionEvent.RECORDING_GAP)).toList();
            assertEquals(Long.toString(rows - 1_000), gaps.get(0).details().get("rows"), "written when storage came back");
            assertEquals("recording queue full", gaps.get(0).details().get("cause"));
            assertEquals(1, gaps.size(), "the lost rows are counted once");
            assertEquals(EndReason.ENDED_ABNORMALLY, db.sessions().session(o.sessionId()).orElseThrow().endReason());
        }
    }

    @Test
    void databaseOfANewerVigilIsRefusedAndLeftByteIdentical() throws Exception {
        Path file = dir.resolve("vigil.db");
        try (VigilDatabase db = VigilDatabase.open(file)) {
            db.sessions().startSession(Fixtures.newSession("chair-1", Fixtures.T0.minusSeconds(86_400)));
        }
        try (Connection c = org.vigil.storage.VigilDatabase.connection(file, org.vigil.storage.DatabaseKeys.standard()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version, description) VALUES (99, 'from a newer Vigil')");
        }
        byte[] before = Files.readAllBytes(file);
        List<Path> filesBefore = files(dir);

        StationStore store = store(file);
        long key = store.startSession(Fixtures.newSession("chair-1", Fixtures.T0));
        int rows = appendVitals(store, key, 0, 300);
        assertEquals("failure: vigil.db is from a newer version of Vigil; it is left untouched", next());
        List<StationStore.Outcome> outcomes = store.close(CLOCK.instant());

        StationStore.Outcome o = outcomes.get(0);
        assertFalse(o.saved());
        assertNull(o.sessionId(), "no session was created in a file of a newer version");
        assertEquals(rows, o.lostRows(), "every row is counted as lost, none silently");
        assertTrue(o.describe().contains("session NOT recorded"), o.describe());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(filesBefore, files(dir));
    }

    @Test
    void dataFolderThatIsAFileIsReportedAndRecordingStartsOnceItIsAFolder() throws Exception {
        Path notAFolder = dir.resolve("data");
        Files.writeString(notAFolder, "someone's notes");
        StationStore store = store(notAFolder.resolve("vigil.db"));
        long key = store.startSession(Fixtures.newSession("chair-1", Fixtures.T0));
        int rows = appendVitals(store, key, 0, 120);
        assertEquals("failure: folder data is a file", next());
        assertEquals("someone's notes", Files.readString(notAFolder));

        Files.move(notAFolder, dir.resolve("notes.txt"));
        assertEquals("recovered", next());
        assertTrue(store.flush(Duration.ofSeconds(10)));
        List<StationStore.Outcome> outcomes = store.close(CLOCK.instant());
        assertTrue(outcomes.get(0).saved());
        try (VigilDatabase db = VigilDatabase.open(notAFolder.resolve("vigil.db"))) {
            assertEquals(rows, db.sessions().readings(outcomes.get(0).sessionId()).size());
        }
    }

    @Test
    void fileRemovedUnderARunningStationIsAlarmedAndNeverWrittenAgain() throws Exception {
        Path file = dir.resolve("vigil.db");
        StationStore store = store(file);
        long key = store.startSession(Fixtures.newSession("chair-1", Fixtures.T0));
        appendVitals(store, key, 0, 300);
        assertTrue(store.flush(Duration.ofSeconds(10)));

        for (Path p : files(dir)) {
            Files.delete(p); // vigil.db, vigil.db-wal, vigil.db-shm
        }
        appendVitals(store, key, 300, 60);
        assertTrue(next().contains("was removed while the station ran"));
        List<StationStore.Outcome> outcomes = store.close(CLOCK.instant());

        assertFalse(outcomes.get(0).saved());
        assertTrue(outcomes.get(0).problem().contains("was removed"));
        assertTrue(outcomes.get(0).lostRows() > 0);
        assertFalse(Files.exists(file), "no new file appears at the path behind the nurse's back");
    }

    @Test
    void fileReplacedUnderARunningStationIsAlarmedAndTheNewFileIsLeftAlone() throws Exception {
        Path file = dir.resolve("vigil.db");
        StationStore store = store(file);
        long key = store.startSession(Fixtures.newSession("chair-1", Fixtures.T0));
        appendVitals(store, key, 0, 300);
        assertTrue(store.flush(Duration.ofSeconds(10)));

        Path other = dir.resolve("restored-from-backup.db");
        try (VigilDatabase db = VigilDatabase.open(other)) {
            db.sessions().startSession(Fixtures.newSession("chair-9", Fixtures.T0.minusSeconds(86_400)));
        }
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);
        byte[] replacement = Files.readAllBytes(file);
        appendVitals(store, key, 300, 60);
        assertTrue(next().contains("was replaced by another file while the station ran"));
        List<StationStore.Outcome> outcomes = store.close(CLOCK.instant());

        assertFalse(outcomes.get(0).saved());
        assertArrayEquals(replacement, Files.readAllBytes(file));
    }

    @Test
    void rowsLostToFailingWritesAtShutdownMarkTheSessionWithTheGapAndTheCount() throws Exception {
        Path file = dir.resolve("vigil.db");
        FailingWrites disk = new FailingWrites();
        StationStore store = new StationStore(file, CLOCK, INTERVAL, 10_000, CLOSE_TIMEOUT, listener, disk::around);
        long key = store.startSession(Fixtures.newSession("chair-1", Fixtures.T0));
        appendVitals(store, key, 0, 1200);
        assertTrue(store.flush(Duration.ofSeconds(10)));

        disk.full = true; // the disk fills in the last minute before the nurse closes the station
        int lastRows = appendVitals(store, key, 1201, 42); // 126 readings; with the two alarms, 128 rows as in the report
        store.writer().append(key, raised(1210, "spo2.desat", "SpO2 84 < 85"));
        store.writer().append(key, raised(1230, "hr.brady", "HR 38 < 40"));
        assertTrue(next().contains("disk is full"));
        assertEquals(128, lastRows + 2);
        List<StationStore.Outcome> outcomes = store.close(CLOCK.instant());

        StationStore.Outcome o = outcomes.get(0);
        assertEquals(lastRows + 2, o.lostRows());
        assertFalse(o.saved());
        try (VigilDatabase db = VigilDatabase.open(file)) {
            SessionInfo s = db.sessions().session(o.sessionId()).orElseThrow();
            assertEquals(EndReason.ENDED_ABNORMALLY, s.endReason(), "never 'closed' as if complete");
            SessionEvent gap = db.sessions().sessionEvents(s.id()).stream()
                    .filter(e -> e.type().equals(SessionEvent.RECORDING_GAP)).findFirst().orElseThrow();
            assertEquals(Long.toString(lastRows + 2), gap.details().get("rows"));
        }
    }

    @Test
    void readOnlyFileSystemAtStartThenWritable() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("ro"));
        Tmpfs.mountOrSkip(mount, "ro,size=1m");
        try {
            Path file = mount.resolve("vigil.db");
            StationStore store = store(file);
            long key = store.startSession(Fixtures.newSession("chair-1", Fixtures.T0));
            int rows = appendVitals(store, key, 0, 300);
            assertEquals("failure: folder ro is read-only", next());
            assertFalse(Files.exists(file));

            Tmpfs.run("mount", "-o", "remount,rw", mount.toString());
            assertEquals("recovered", next());
            assertTrue(store.flush(Duration.ofSeconds(10)));
            List<StationStore.Outcome> outcomes = store.close(CLOCK.instant());
            assertTrue(outcomes.get(0).saved());
            try (VigilDatabase db = VigilDatabase.open(file)) {
                assertEquals(rows, db.sessions().readings(outcomes.get(0).sessionId()).size());
            }
        } finally {
            Tmpfs.unmount(mount);
        }
    }

    @Test
    void diskThatFillsOnARealSmallFileSystemNeverLeavesTheSessionClosedAsComplete() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("small"));
        Tmpfs.mountOrSkip(mount, "size=1m");
        try {
            Path file = mount.resolve("vigil.db");
            StationStore store = store(file);
            long key = store.startSession(Fixtures.newSession("chair-1", Fixtures.T0));
            boolean full = false;
            // a whole day of 1 Hz vitals is far more than 1 MiB: the disk fills on the way
            for (int start = 0; start < 86_400 && !full; start += 600) {
                appendVitals(store, key, start, 600);
                full = !store.flush(Duration.ofMillis(500));
            }
            assertTrue(full, "the small file system filled");
            assertTrue(next().startsWith("failure: "));
            List<StationStore.Outcome> outcomes = store.close(CLOCK.instant());
            assertFalse(outcomes.get(0).saved());
            assertTrue(outcomes.get(0).lostRows() > 0);

            Tmpfs.run("mount", "-o", "remount,size=16m", mount.toString());
            try (VigilDatabase db = VigilDatabase.open(file)) {
                db.sessions().recoverUnfinished(CLOCK.instant()); // what the next start does
                SessionInfo s = db.sessions().session(outcomes.get(0).sessionId()).orElseThrow();
                assertEquals(EndReason.ENDED_ABNORMALLY, s.endReason(), "never 'closed' as if complete");
            }
        } finally {
            Tmpfs.unmount(mount);
        }
    }

    private StationStore store(Path file) {
        return new StationStore(file, CLOCK, INTERVAL, 10_000, CLOSE_TIMEOUT, listener, c -> c);
    }

    private String next() throws InterruptedException {
        String s = told.poll(20, TimeUnit.SECONDS);
        assertNotNull(s, "the writer told the station nothing");
        return s;
    }

    /** {@code seconds} of 1 Hz SpO2, PR and HR from {@code from}, with a cuff reading every 5 minutes. */
    private static int appendVitals(StationStore store, long key, int from, int seconds) {
        int rows = 0;
        for (int t = from; t < from + seconds; t++) {
            Instant at = Fixtures.T0.plusSeconds(t);
            store.writer().append(key, new Reading(at, "ox", Vital.SPO2, 97, Set.of()));
            store.writer().append(key, new Reading(at, "ox", Vital.PR, 72, Set.of()));
            store.writer().append(key, new Reading(at, "mon", Vital.HR, 71, Set.of()));
            rows += 3;
            if (t % 300 == 0) {
                store.writer().append(key, new Reading(at, "mon", Vital.NIBP_SYS, 124, Set.of()));
                store.writer().append(key, new Reading(at, "mon", Vital.NIBP_DIA, 78, Set.of()));
                rows += 2;
            }
        }
        return rows;
    }

    private static AlarmEvent raised(int second, String id, String message) {
        return new AlarmEvent(Fixtures.T0.plusSeconds(second), AlarmEventType.RAISED, id, Priority.HIGH,
                AlarmKind.PHYSIOLOGICAL, id.substring(0, id.indexOf('.')), 38.0, 40.0, message, null);
    }

    private static List<Path> files(Path folder) throws java.io.IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    /** The writer's way to the file, failing every write once {@link #full} is set. */
    private static final class FailingWrites {
        volatile boolean full;

        BatchCommitter.Connector around(BatchCommitter.Connector real) {
            return new BatchCommitter.Connector() {
                @Override
                public Connection open() throws SQLException {
                    return real.open();
                }

                @Override
                public void prepare() throws SQLException {
                    real.prepare();
                    if (full) {
                        throw new SQLException("[SQLITE_FULL] database or disk is full (test)");
                    }
                }

                @Override
                public long resolve(long sessionKey) {
                    return real.resolve(sessionKey);
                }
            };
        }
    }
}
