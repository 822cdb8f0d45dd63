package org.vigil.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VigilDatabaseTest {

    /** The newest schema step this code knows (tests add their own steps after it). */
    private static final int LATEST = Schema.latestVersion(Schema.MIGRATIONS);

    @TempDir
    Path dir;

    @Test
    void freshFileGetsTheLatestSchemaInWalMode() throws Exception {
        Path file = dir.resolve("new/sub/folder/vigil.db");
        try (VigilDatabase db = VigilDatabase.open(file)) {
            assertEquals(VigilDatabase.supportedSchemaVersion(), db.schemaVersion());
            assertEquals(file.toAbsolutePath(), db.file());
            try (Connection c = db.connect()) {
                assertEquals("wal", Fixtures.text(c, "PRAGMA journal_mode"));
                assertEquals(1, Fixtures.count(c, "PRAGMA foreign_keys"));
                assertEquals(2, Fixtures.count(c, "PRAGMA synchronous"), "FULL");
                assertEquals(VigilDatabase.BUSY_TIMEOUT_MS, Fixtures.count(c, "PRAGMA busy_timeout"));
                for (String table : List.of("session", "session_device", "reading", "alarm_event", "session_event",
                        "alarm_settings")) {
                    assertEquals(1, Fixtures.count(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'"), table);
                }
                assertEquals(1, Fixtures.count(c, "SELECT count(*) FROM sqlite_master WHERE name = 'reading_by_session_vital_time'"));
            }
        }
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void reopeningChangesNothingAndKeepsData() throws Exception {
        Path file = dir.resolve("vigil.db");
        long id;
        try (VigilDatabase db = VigilDatabase.open(file)) {
            id = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0));
        }
        try (VigilDatabase db = VigilDatabase.open(file); Connection c = db.connect()) {
            assertEquals(LATEST, db.schemaVersion());
            assertEquals(Schema.MIGRATIONS.size(), Fixtures.count(c, "SELECT count(*) FROM schema_version"));
            assertEquals("chair1", db.sessions().session(id).orElseThrow().chairId());
        }
    }

    @Test
    void newerSchemaIsRefusedNamingTheFileAndBothVersions() throws Exception {
        Path file = dir.resolve("from-the-future.db");
        VigilDatabase.open(file).close();
        try (Connection c = VigilDatabase.connection(file, DatabaseKeys.standard()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version, description) VALUES (" + (LATEST + 5) + ", 'a later release')");
        }
        StorageException e = assertThrows(StorageException.class, () -> VigilDatabase.open(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("schema version " + (LATEST + 5)), e.getMessage());
        assertTrue(e.getMessage().contains("up to " + LATEST), e.getMessage());
    }

    @Test
    void textFileIsRefusedNamingItAndLeftUntouched() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are not the sessions you are looking for\n");
        StorageException e = assertThrows(StorageException.class, () -> VigilDatabase.open(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not an SQLite file"), e.getMessage());
        assertEquals("these are not the sessions you are looking for\n", Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void anotherProgramsSqliteDatabaseIsRefused() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE contacts (name TEXT)");
        }
        StorageException e = assertThrows(StorageException.class, () -> VigilDatabase.open(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a Vigil session database"), e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(0, Fixtures.count(c, "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'"));
        }
    }

    @Test
    void upgradeAppliesOnlyTheMissingSteps() throws Exception {
        Path file = dir.resolve("vigil.db");
        VigilDatabase.open(file).close();
        List<Migration> withV2 = new ArrayList<>(Schema.MIGRATIONS);
        withV2.add(new Migration(LATEST + 1, "nurse notes", List.of("CREATE TABLE note (session_id INTEGER, text TEXT)")));
        try (VigilDatabase db = VigilDatabase.open(file, withV2); Connection c = db.connect()) {
            assertEquals(LATEST + 1, db.schemaVersion());
            assertEquals(Schema.MIGRATIONS.size() + 1, Fixtures.count(c, "SELECT count(*) FROM schema_version"));
        }
        try (VigilDatabase db = VigilDatabase.open(file, withV2)) {
            assertEquals(LATEST + 1, db.schemaVersion());
        }
        assertThrows(StorageException.class, () -> VigilDatabase.open(file), "older code refuses the v2 file");
    }

    @Test
    void failingStepRollsBackAndLeavesThePreviousVersion() throws Exception {
        Path file = dir.resolve("vigil.db");
        VigilDatabase.open(file).close();
        List<Migration> broken = new ArrayList<>(Schema.MIGRATIONS);
        broken.add(new Migration(LATEST + 1, "half-done step", List.of(
                "CREATE TABLE half (x INTEGER)",
                "ALTER TABLE no_such_table ADD COLUMN y INTEGER")));
        StorageException e = assertThrows(StorageException.class, () -> VigilDatabase.open(file, broken));
        assertTrue(e.getMessage().contains("schema step " + (LATEST + 1)), e.getMessage());
        assertTrue(e.getMessage().contains("stays at version " + LATEST), e.getMessage());
        try (VigilDatabase db = VigilDatabase.open(file); Connection c = db.connect()) {
            assertEquals(LATEST, db.schemaVersion());
            assertEquals(0, Fixtures.count(c, "SELECT count(*) FROM sqlite_master WHERE name = 'half'"));
        }
    }

    @Test
    void stepsMustBeNumberedInIncreasingOrder() {
        List<Migration> gap = List.of(Schema.MIGRATIONS.get(1), Schema.MIGRATIONS.get(0));
        Path file = dir.resolve("vigil.db");
        assertThrows(IllegalStateException.class, () -> VigilDatabase.open(file, gap));
        assertFalse(Files.exists(file), "nothing is created for a bad step list");
    }

    @Test
    void aStepNumberedBelowOnesTheFileHasIsStillAppliedOnce() throws Exception {
        // areas number their steps (review 4, export 5, accounts 6, audit 7): a file made before an area
        // was merged gets that area's step when it is opened by code that has it
        Path file = dir.resolve("vigil.db");
        List<Migration> without3 = new ArrayList<>(Schema.MIGRATIONS);
        without3.remove(2);
        VigilDatabase.open(file, without3).close();
        try (VigilDatabase db = VigilDatabase.open(file); Connection c = db.connect()) {
            assertEquals(LATEST, db.schemaVersion());
            assertEquals(1, Fixtures.count(c, "SELECT count(*) FROM schema_version WHERE version = 3"));
            assertEquals(1, Fixtures.count(c, "SELECT count(*) FROM sqlite_master WHERE name = 'patient'"));
        }
    }
}
