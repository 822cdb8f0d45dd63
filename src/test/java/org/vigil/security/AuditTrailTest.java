package org.vigil.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.Role;
import org.vigil.storage.DatabaseKey;
import org.vigil.storage.DatabaseKeys;
import org.vigil.storage.VigilDatabase;

class AuditTrailTest {

    static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    static final InstantSource CLOCK = InstantSource.fixed(T0);
    static final Actor NURSE = new Actor("u-ann", "Ann Nurse", Role.NURSE, T0, "login");
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    Path db() {
        return dir.resolve("data/vigil.db");
    }

    DatabaseKeys keys() {
        return DatabaseKeys.inFolder(dir.resolve("keys"), Map.of());
    }

    DatabaseKey key() {
        return keys().existing().orElseThrow();
    }

    static AuditEntry entry(int i) {
        return new AuditEntry(T0.plusSeconds(i), NURSE, "session.viewed", "session:" + i, Map.of("n", Integer.toString(i)));
    }

    /** Writes {@code n} entries through a trail and closes it. */
    void writeEntries(int n) throws Exception {
        try (AuditTrail trail = AuditTrail.start(db(), keys(), CLOCK)) {
            for (int i = 1; i <= n; i++) {
                trail.record(entry(i));
            }
            assertTrue(trail.flush(WAIT));
        }
    }

    Connection connect() throws SQLException {
        return VigilDatabase.connection(db(), keys());
    }

    AuditVerifier.Verdict verify() throws Exception {
        try (Connection c = connect()) {
            return AuditVerifier.verify(c, db(), key());
        }
    }

    /** What an attacker with the key to the file does first: removes the triggers that refuse edits. */
    void asAnAttacker(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_event_no_update");
            s.execute("DROP TRIGGER audit_event_no_delete");
            s.execute(sql);
        }
    }

    @Test
    void entriesAreChainedInOrderAndTheHeadIsSignedOutsideTheDatabase() throws Exception {
        writeEntries(5);
        List<AuditRow> rows = new ArrayList<>();
        try (Connection c = connect()) {
            AuditTable.each(c, rows::add);
        }
        assertEquals(5, rows.size());
        String prev = AuditRow.GENESIS;
        for (int i = 0; i < 5; i++) {
            AuditRow r = rows.get(i);
            assertEquals(i + 1, r.seq());
            assertEquals(prev, r.prevHash());
            assertEquals(r.computeHash(), r.hash());
            assertEquals("Ann Nurse", r.actorName());
            assertEquals(Role.NURSE, r.actorRole());
            assertEquals("login", r.actorHow());
            assertEquals(Map.of("n", Integer.toString(i + 1)), r.details());
            prev = r.hash();
        }
        Path head = AuditHead.fileFor(db());
        assertTrue(Files.readString(head).contains("seq=5\nhash=" + prev + "\n"), Files.readString(head));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(head)));
        AuditVerifier.Verdict v = verify();
        assertTrue(v.ok(), v.toString());
        assertEquals(5, v.rows());
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() throws Exception {
        writeEntries(2);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLException up = assertThrows(SQLException.class, () -> s.execute("UPDATE audit_event SET action = 'x'"));
            assertTrue(up.getMessage().contains("append-only"), up.getMessage());
            SQLException del = assertThrows(SQLException.class, () -> s.execute("DELETE FROM audit_event WHERE seq = 1"));
            assertTrue(del.getMessage().contains("append-only"), del.getMessage());
        }
        assertTrue(verify().ok());
    }

    @Test
    void aRowEditedInTheDatabaseIsNamed() throws Exception {
        writeEntries(5);
        asAnAttacker("UPDATE audit_event SET target = 'session:99' WHERE seq = 3");
        AuditVerifier.Verdict v = verify();
        assertEquals(3, v.problem().orElseThrow().seq(), v.toString());
        assertTrue(v.problem().get().what().contains("row changed"), v.toString());
    }

    @Test
    void aRowEditedWithItsHashRecomputedBreaksTheLinkToTheNextRow() throws Exception {
        writeEntries(5);
        AuditRow third;
        try (Connection c = connect()) {
            third = AuditTable.bySeq(c, 3).orElseThrow();
        }
        AuditRow forged = new AuditRow(3, third.at(), third.actorId(), third.actorName(), third.actorRole(), third.actorHow(),
                third.actorAuthenticatedAt(), third.action(), "session:99", third.detail(), third.prevHash(), "");
        asAnAttacker("UPDATE audit_event SET target = 'session:99', hash = '" + forged.computeHash() + "' WHERE seq = 3");
        AuditVerifier.Verdict v = verify();
        assertEquals(4, v.problem().orElseThrow().seq(), v.toString());
        assertTrue(v.problem().get().what().contains("prev_hash is not the hash of seq 3"), v.toString());
    }

    @Test
    void aDeletedRowIsNamed() throws Exception {
        writeEntries(5);
        asAnAttacker("DELETE FROM audit_event WHERE seq = 3");
        AuditVerifier.Verdict v = verify();
        assertEquals(3, v.problem().orElseThrow().seq(), v.toString());
        assertTrue(v.problem().get().what().contains("row missing"), v.toString());
    }

    @Test
    void aTruncatedTailIsFoundByTheSignedHead() throws Exception {
        writeEntries(5);
        asAnAttacker("DELETE FROM audit_event WHERE seq >= 4");
        AuditVerifier.Verdict v = verify();
        assertEquals(4, v.problem().orElseThrow().seq(), v.toString());
        assertTrue(v.problem().get().what().contains("truncated"), v.toString());
    }

    @Test
    void aHeadWrittenWithoutTheKeyOrRemovedIsNamed() throws Exception {
        writeEntries(3);
        Path head = AuditHead.fileFor(db());
        String text = Files.readString(head);
        Files.writeString(head, text.replace("seq=3", "seq=2"));
        AuditVerifier.Verdict forged = verify();
        assertTrue(forged.problem().orElseThrow().what().contains("not signed"), forged.toString());
        Files.delete(head);
        AuditVerifier.Verdict missing = verify();
        assertTrue(missing.problem().orElseThrow().what().contains("missing"), missing.toString());
    }

    @Test
    void theNextStartWritesWhatItFoundAboutTheHeadIntoTheTrail() throws Exception {
        writeEntries(5);
        asAnAttacker("DELETE FROM audit_event WHERE seq >= 4");
        try (AuditTrail trail = AuditTrail.start(db(), keys(), CLOCK)) {
            trail.record(entry(6));
            assertTrue(trail.flush(WAIT));
        }
        try (Connection c = connect()) {
            AuditRow found = AuditTable.bySeq(c, 4).orElseThrow();
            assertEquals("audit.head.ahead", found.action());
            assertEquals(Map.of("head_seq", "5", "table_last_seq", "3"), found.details());
            assertEquals("session.viewed", AuditTable.bySeq(c, 5).orElseThrow().action());
        }
    }

    @Test
    void recordingNeverThrowsAndWaitsWhileTheDatabaseCannotBeOpened() throws Exception {
        AtomicBoolean diskBack = new AtomicBoolean();
        DatabaseKeys keys = keys();
        AuditTrail.Backend backend = new AuditTrail.Backend() {
            @Override
            public Connection connect() throws SQLException {
                if (!diskBack.get()) {
                    throw new SQLException("disk unavailable (test)");
                }
                try (VigilDatabase d = VigilDatabase.open(db(), keys)) {
                    return d.newConnection();
                }
            }

            @Override
            public AuditHead head() {
                return new AuditHead(AuditHead.fileFor(db()), keys.existing().orElseThrow().derive(AuditHead.PURPOSE));
            }
        };
        try (AuditTrail trail = new AuditTrail(backend, CLOCK, 100)) {
            for (int i = 1; i <= 10; i++) {
                trail.record(entry(i));
            }
            trail.record(null);
            assertFalse(trail.flush(Duration.ofMillis(50)), "nothing can be written yet");
            diskBack.set(true);
            assertTrue(trail.flush(WAIT));
            assertEquals(10, trail.written());
            assertTrue(trail.problem().isEmpty());
        }
        assertEquals(10, verify().rows());
    }

    @Test
    void entriesThatFindTheQueueFullAreCountedInTheTrail() throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DatabaseKeys keys = keys();
        AuditTrail.Backend backend = new AuditTrail.Backend() {
            @Override
            public Connection connect() throws Exception {
                opened.countDown();
                assertTrue(release.await(20, TimeUnit.SECONDS));
                try (VigilDatabase d = VigilDatabase.open(db(), keys)) {
                    return d.newConnection();
                }
            }

            @Override
            public AuditHead head() {
                return new AuditHead(AuditHead.fileFor(db()), keys.existing().orElseThrow().derive(AuditHead.PURPOSE));
            }
        };
        try (AuditTrail trail = new AuditTrail(backend, CLOCK, 3)) {
            trail.record(entry(1));
            // the writer holds entry 1 and hangs on the disk: record() still returns at once on this thread
            assertTrue(opened.await(20, TimeUnit.SECONDS));
            for (int i = 2; i <= 8; i++) {
                trail.record(entry(i));
            }
            assertEquals(4, trail.dropped(), "3 fit in the queue, 4 did not");
            release.countDown();
            assertTrue(trail.flush(WAIT));
        }
        try (Connection c = connect()) {
            List<AuditRow> rows = new ArrayList<>();
            AuditTable.each(c, rows::add);
            AuditRow dropped = rows.stream().filter(r -> r.action().equals("audit.dropped")).findFirst().orElseThrow();
            assertEquals("4", dropped.details().get("entries"));
            assertEquals(5, rows.size(), "the dropped count, then entries 1 to 4");
        }
        assertTrue(verify().ok());
    }
}
