package org.vigil.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.vigil.session.Patient;

/** Encryption at rest: the file, its WAL, the key file, a wrong or missing key, and the one-time migration. */
class DatabaseEncryptionTest {

    private static final String NAME = "Quartermaine, Zebulon";
    private static final String MRN = "MRN-778899";

    @TempDir
    Path dir;

    private DatabaseKeys keysIn(String folder) {
        return DatabaseKeys.inFolder(dir.resolve(folder), Map.of());
    }

    private static Connection plain(Path file) throws SQLException {
        return new SQLiteConfig().createConnection("jdbc:sqlite:" + file);
    }

    @Test
    void theDatabaseAndItsWalAreNotReadableAsPlainSqlite() throws Exception {
        Path file = dir.resolve("data/vigil.db");
        try (VigilDatabase db = VigilDatabase.open(file, keysIn("keys"))) {
            db.sessions().patients().create(new Patient(0, MRN, NAME, LocalDate.of(1970, 1, 2), 80.0, ""));
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 16);
            assertNotEquals("SQLite format 3\0", new String(head, StandardCharsets.ISO_8859_1), "no SQLite header");
            for (Path p : List.of(file, Path.of(file + "-wal"))) {
                if (Files.exists(p)) {
                    String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                    assertFalse(bytes.contains("Zebulon") || bytes.contains(MRN), p + " holds the patient in clear");
                }
            }
        }
        // an ordinary SQLite driver without the key sees no database
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = plain(file); Statement s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM patient").next();
            }
        });
        assertEquals(26, e.getErrorCode() & 0xFF, "SQLITE_NOTADB: " + e.getMessage());
        try (VigilDatabase db = VigilDatabase.open(file, keysIn("keys"))) {
            assertEquals(NAME, db.sessions().patients().byMrn(MRN).orElseThrow().name(), "the key opens it");
        }
    }

    @Test
    void firstRunCreatesAnOwnerOnlyKeyFileInItsOwnFolderAndOwnerOnlyDataFiles() throws Exception {
        Path file = dir.resolve("data/vigil.db");
        try (VigilDatabase db = VigilDatabase.open(file, keysIn("keys"))) {
            db.sessions().startSession(Fixtures.newSession("chair-1", Fixtures.T0));
        }
        Path keyFile = dir.resolve("keys").resolve(DatabaseKeys.KEY_FILE);
        assertTrue(Files.isRegularFile(keyFile));
        assertEquals(64, Files.readString(keyFile).strip().length(), "256 bits in hex");
        assertEquals("rw-------", perms(keyFile));
        assertEquals("rwx------", perms(keyFile.getParent()));
        assertEquals("rwx------", perms(file.getParent()), "the data folder it created");
        assertEquals("rw-------", perms(file));
        for (Path p : List.of(Path.of(file + "-wal"), Path.of(file + "-shm"))) {
            if (Files.exists(p)) {
                assertEquals("rw-------", perms(p), p.toString());
            }
        }
        assertFalse(Files.exists(file.getParent().resolve(DatabaseKeys.KEY_FILE)), "the key never lies beside the data");
    }

    @Test
    void aWrongKeyIsRefusedNamingTheFileAndTheKeyAndTheFileIsLeftAsItWas() throws Exception {
        Path file = dir.resolve("vigil.db");
        VigilDatabase.open(file, keysIn("keys")).close();
        byte[] before = Files.readAllBytes(file);
        DatabaseKeys other = keysIn("other-keys");
        other.existingOrNew();
        StorageException e = assertThrows(StorageException.class, () -> VigilDatabase.open(file, other));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("wrong key"), e.getMessage());
        assertTrue(e.getMessage().contains(other.describe()), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "never a new empty database over the old one");
    }

    @Test
    void aMissingKeyIsAnErrorNamingTheKeyFileAndNoNewKeyOrDatabaseIsMade() throws Exception {
        Path file = dir.resolve("vigil.db");
        VigilDatabase.open(file, keysIn("keys")).close();
        byte[] before = Files.readAllBytes(file);
        DatabaseKeys lost = keysIn("lost-keys");
        StorageException e = assertThrows(StorageException.class, () -> VigilDatabase.open(file, lost));
        assertTrue(e.getMessage().contains("key is missing"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("lost-keys").resolve(DatabaseKeys.KEY_FILE).toString()), e.getMessage());
        assertFalse(Files.exists(dir.resolve("lost-keys")), "no new key for an existing encrypted file");
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aKeyFromTheEnvironmentWinsAndABadOneIsNamedNotShown() {
        String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        DatabaseKeys env = DatabaseKeys.inFolder(dir.resolve("keys"), Map.of(DatabaseKeys.ENV_KEY, hex));
        assertEquals(DatabaseKeys.ENV_KEY, env.describe());
        VigilDatabase.open(dir.resolve("vigil.db"), env).close();
        assertFalse(Files.exists(dir.resolve("keys")), "no key file when the environment holds the key");

        DatabaseKeys bad = DatabaseKeys.inFolder(dir.resolve("keys"), Map.of(DatabaseKeys.ENV_KEY, "secret-passphrase"));
        StorageException e = assertThrows(StorageException.class, () -> VigilDatabase.open(dir.resolve("v2.db"), bad));
        assertTrue(e.getMessage().contains(DatabaseKeys.ENV_KEY), e.getMessage());
        assertFalse(e.getMessage().contains("secret-passphrase"), e.getMessage());
    }

    @Test
    void anUnencryptedDatabaseIsEncryptedOnceWithABackupAndNothingLost() throws Exception {
        Path file = dir.resolve("vigil.db");
        long session;
        try (Connection c = plain(file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
            }
            Migrator.migrate(c, file, Schema.MIGRATIONS);
            SessionRepository repo = new SessionRepository(c, file);
            repo.patients().create(new Patient(0, MRN, NAME, null, 70.0, ""));
            session = repo.startSession(Fixtures.newSession("chair-1", Fixtures.T0));
            try (Statement s = c.createStatement()) {
                for (int i = 0; i < 500; i++) {
                    s.execute("INSERT INTO reading (session_id, t_ms, device_id, vital, value) VALUES (" + session + ", "
                            + i + ", 'ox', 'SPO2', 97)");
                }
            }
        }
        assertTrue(PlainDatabases.isPlain(file));

        try (VigilDatabase db = VigilDatabase.open(file, keysIn("keys")); Connection c = db.connect()) {
            assertEquals(500, Fixtures.count(c, "SELECT count(*) FROM reading WHERE session_id = " + session));
            assertEquals(NAME, db.sessions().patients().byMrn(MRN).orElseThrow().name());
            assertEquals("wal", Fixtures.text(c, "PRAGMA journal_mode"), "back in WAL after the step");
        }
        assertFalse(PlainDatabases.isPlain(file), "encrypted in place");
        Path backup = Path.of(file + PlainDatabases.BACKUP_SUFFIX);
        assertTrue(PlainDatabases.isPlain(backup), "the unencrypted copy is kept");
        assertEquals("rw-------", perms(backup));
        try (Connection c = plain(backup)) {
            assertEquals(500, Fixtures.count(c, "SELECT count(*) FROM reading"), "the copy holds every row");
        }

        VigilDatabase.open(file, keysIn("keys")).close();
        assertFalse(Files.exists(Path.of(file + PlainDatabases.BACKUP_SUFFIX + "-2")), "encrypted once only");
    }

    @Test
    void anotherProgramsUnencryptedDatabaseIsNotEncrypted() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = plain(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE contacts (name TEXT)");
        }
        byte[] before = Files.readAllBytes(file);
        StorageException e = assertThrows(StorageException.class, () -> VigilDatabase.open(file, keysIn("keys")));
        assertTrue(e.getMessage().contains("another program"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertFalse(Files.exists(Path.of(file + PlainDatabases.BACKUP_SUFFIX)));
    }

    @Test
    void threadsOpeningANewDatabaseAtOnceShareOneKeyAndOneFile() throws Exception {
        Path file = dir.resolve("data/vigil.db");
        int threads = 4;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> opened = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                opened.add(pool.submit(() -> {
                    go.await();
                    try (VigilDatabase db = VigilDatabase.open(file, keysIn("keys"))) {
                        return db.schemaVersion();
                    }
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<Integer> f : opened) {
                assertEquals(VigilDatabase.supportedSchemaVersion(), f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        try (VigilDatabase db = VigilDatabase.open(file, keysIn("keys"))) {
            assertEquals(VigilDatabase.supportedSchemaVersion(), db.schemaVersion());
        }
    }

    private static String perms(Path p) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
