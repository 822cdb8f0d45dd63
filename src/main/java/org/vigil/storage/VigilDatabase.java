package org.vigil.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.mc.SQLiteMCChacha20Config;

/**
 * The station's session database: one SQLite file in WAL mode, brought to the schema version
 * this code knows when opened. See {@code docs/decisions/0003-sqlite-storage.md}.
 *
 * <p>Open it once at start-up, call {@code sessions().recoverUnfinished(now)} before starting any
 * session, record through a {@link RecordingWriter} (which has its own connection) and read and
 * manage sessions through {@link #sessions()}. Close the writers first, then the database.
 */
public final class VigilDatabase implements AutoCloseable {

    /** How long a connection waits for another connection's write lock before failing. */
    static final int BUSY_TIMEOUT_MS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(VigilDatabase.class);

    private final Path file;
    private final DatabaseKey key;
    private final int schemaVersion;
    private final Connection connection;
    private final SessionRepository sessions;
    private final ArchiveQueries archive;
    private final WaveformStore waveforms;
    private final BulkAppender bulk;

    private VigilDatabase(Path file, DatabaseKey key, int schemaVersion, Connection connection) {
        this.file = file;
        this.key = key;
        this.schemaVersion = schemaVersion;
        this.connection = connection;
        this.sessions = new SessionRepository(connection, file);
        this.archive = new ArchiveQueries(connection, file, sessions);
        this.waveforms = new WaveformStore(connection, file, sessions);
        this.bulk = new BulkAppender(connection, file, sessions);
    }

    /**
     * Opens {@code file}, creating it and its parent directories if missing, and applies the
     * schema steps it lacks. Opening an up-to-date file changes nothing.
     *
     * @throws StorageException naming the file when it is not an SQLite database, is another
     *                          program's database, has a newer schema than this code knows, or
     *                          cannot be opened or migrated
     */
    public static VigilDatabase open(Path file) {
        return open(file, DatabaseKeys.standard());
    }

    /**
     * {@link #open(Path)} with the key from {@code keys}: a new file is created encrypted (and the
     * key file with it on first run), an unencrypted file of an earlier Vigil is encrypted once
     * (a copy of it kept beside it, see {@link PlainDatabases}), and an encrypted file whose key is
     * missing or wrong is refused, never replaced.
     */
    public static VigilDatabase open(Path file, DatabaseKeys keys) {
        return open(file, keys, Schema.MIGRATIONS);
    }

    /** {@link #open(Path)} with a given list of schema steps (tests). */
    static VigilDatabase open(Path file, List<Migration> migrations) {
        return open(file, DatabaseKeys.standard(), migrations);
    }

    static VigilDatabase open(Path file, DatabaseKeys keys, List<Migration> migrations) {
        Migrator.checkOrdered(migrations);
        Path path = file.toAbsolutePath().normalize();
        try {
            Path parent = path.getParent();
            if (parent != null) {
                OwnerOnly.createDirectories(parent, false);
            }
        } catch (IOException e) {
            throw new StorageException("cannot create the folder for session database " + path + ": " + e.getMessage(), e);
        }
        if (isNew(path)) {
            // a new (or still empty) file: the station's threads that open it at start create it one after the other, so
            // the second opens the encrypted file the first made (same key, same cipher header)
            synchronized (NEW_FILES) {
                return openExisting(path, keys, migrations);
            }
        }
        return openExisting(path, keys, migrations);
    }

    private static final Object NEW_FILES = new Object();

    private static boolean isNew(Path path) {
        try {
            return !Files.isRegularFile(path) || Files.size(path) == 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static VigilDatabase openExisting(Path path, DatabaseKeys keys, List<Migration> migrations) {
        DatabaseKey key = keyFor(path, keys);
        Connection c;
        try {
            c = connect(path, key);
        } catch (SQLException e) {
            throw openFailure(path, keys, e);
        }
        try {
            warnIfNotWal(c, path);
            int version = Migrator.migrate(c, path, migrations);
            restrictFiles(path);
            log.info("session database {} open at schema version {}", path, version);
            return new VigilDatabase(path, key, version, c);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        } catch (SQLException e) {
            closeQuietly(c);
            throw openFailure(path, keys, e);
        }
    }

    /**
     * The key for {@code path}: a missing or empty file gets the existing key or a new one; an
     * unencrypted file is encrypted first; an encrypted one needs its key.
     */
    private static DatabaseKey keyFor(Path path, DatabaseKeys keys) {
        long size;
        try {
            size = Files.isRegularFile(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            throw new StorageException("cannot read session database " + path + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            return keys.existingOrNew();
        }
        if (PlainDatabases.isPlain(path)) {
            return PlainDatabases.encrypt(path, keys);
        }
        return keys.existing().orElseThrow(() -> new StorageException("session database " + path
                + " is encrypted and its key is missing: set " + DatabaseKeys.ENV_KEY + " or restore the "
                + keys.describe() + "; the file was not changed and no new database was created"));
    }

    /** The database file and its WAL and shared-memory files readable by their owner only. */
    static void restrictFiles(Path path) {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            OwnerOnly.restrictQuietly(Path.of(path + suffix));
        }
    }

    /** The schema version this code creates and understands. */
    public static int supportedSchemaVersion() {
        return Schema.latestVersion(Schema.MIGRATIONS);
    }

    /** The absolute path of the database file. */
    public Path file() {
        return file;
    }

    /** The file's schema version after opening. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Sessions, devices, readings and events: start, end, recover, list and read back. */
    public SessionRepository sessions() {
        return sessions;
    }

    /** The read side's queries: the filtered session list, a session's clinical part, streamed readings. */
    public ArchiveQueries archive() {
        return archive;
    }

    /** Waveform chunks (pleth): append and stream back. */
    public WaveformStore waveforms() {
        return waveforms;
    }

    /** Whole recordings appended in few transactions (imports, generated data); not for live recording. */
    public BulkAppender bulk() {
        return bulk;
    }

    /**
     * A store of the alarm settings in force per chair, on a connection of its own (close it
     * before the database).
     */
    public AlarmSettingsStore alarmSettings() {
        try {
            return new AlarmSettingsStore(connect(), file);
        } catch (SQLException e) {
            throw new StorageException("cannot open session database " + file + " for the alarm settings: " + e.getMessage(), e);
        }
    }

    /**
     * The user accounts and the record of emergency access, on a connection of their own (close
     * the store before the database).
     */
    public AccountStore accounts() {
        try {
            return new AccountStore(connect(), file);
        } catch (SQLException e) {
            throw new StorageException("cannot open session database " + file + " for the user accounts: " + e.getMessage(), e);
        }
    }

    /** The outbox of messages to the clinic's interface engine, on a connection of its own (close it before the database). */
    public OutboxStore outbox() {
        try {
            return new OutboxStore(connect(), file);
        } catch (SQLException e) {
            throw new StorageException("cannot open session database " + file + " for the outbox: " + e.getMessage(), e);
        }
    }

    /** Closes this database's own connection; {@link RecordingWriter}s close theirs themselves. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing session database {} failed", file, e);
        }
    }

    /** A new connection to this file with the station's settings, for a {@link RecordingWriter}. */
    Connection connect() throws SQLException {
        return connect(file, key);
    }

    /**
     * A new JDBC connection to this database with the station's settings and key, for the layers
     * above that keep tables of their own in it (the audit trail) and for tools and tests. The
     * caller closes it.
     */
    public Connection newConnection() throws SQLException {
        return connect();
    }

    /**
     * WAL, {@code synchronous=FULL} (each commit reaches the disk; see the decision record),
     * foreign keys on, a busy timeout, and IMMEDIATE transactions so that a writer takes the write
     * lock when it begins rather than failing half-way.
     */
    static Connection connect(Path path, DatabaseKey key) throws SQLException {
        SQLiteConfig config = new SQLiteMCChacha20Config().withRawUnsaltedKey(key.bytes()).build();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.createConnection("jdbc:sqlite:" + path);
    }

    /**
     * A connection to an existing database with the key from {@code keys}, without creating,
     * encrypting or migrating anything (tools and tests that look at the file as it is).
     */
    public static Connection connection(Path file, DatabaseKeys keys) throws SQLException {
        Path path = file.toAbsolutePath().normalize();
        DatabaseKey key = keys.existing().orElseThrow(() -> new StorageException("no database key: set "
                + DatabaseKeys.ENV_KEY + " or restore the " + keys.describe()));
        return connect(path, key);
    }

    /** Primary SQLite result code of an exception (the low byte of extended codes). */
    static int primaryCode(SQLException e) {
        return e.getErrorCode() & 0xFF;
    }

    private static StorageException openFailure(Path path, DatabaseKeys keys, SQLException e) {
        if (primaryCode(e) == 26 /* SQLITE_NOTADB */) {
            return new StorageException(path + " is not a Vigil session database that the " + keys.describe()
                    + " opens (wrong key, or not an SQLite file); the file was not changed: give the right key,"
                    + " or choose another file or move this one away", e);
        }
        return new StorageException("cannot open session database " + path + ": " + e.getMessage(), e);
    }

    private static void warnIfNotWal(Connection c, Path path) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            String mode = rs.next() ? rs.getString(1) : "?";
            if (!"wal".equalsIgnoreCase(mode)) {
                log.warn("session database {} is in journal mode {} instead of WAL (file system without shared memory?)", path, mode);
            }
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("closing connection failed", e);
        }
    }
}
