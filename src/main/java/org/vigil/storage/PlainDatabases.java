package org.vigil.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Encrypts, once, a session database an earlier Vigil wrote unencrypted: its WAL is folded into
 * the file, a byte copy is kept beside it ({@code vigil.db.unencrypted-backup}, owner-only; delete
 * it once the station has run on the encrypted file), then SQLite3MultipleCiphers re-writes every
 * page under the key ({@code PRAGMA rekey}, which needs the rollback journal, so WAL is switched
 * off for the step and on again at the next open). Nothing else changes: same rows, same schema.
 */
final class PlainDatabases {

    static final String BACKUP_SUFFIX = ".unencrypted-backup";
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Logger log = LoggerFactory.getLogger(PlainDatabases.class);
    private static final Object LOCK = new Object();

    private PlainDatabases() {
    }

    /** True when {@code path} starts with the header of an unencrypted SQLite file. */
    static boolean isPlain(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            throw new StorageException("cannot read session database " + path + ": " + e.getMessage(), e);
        }
    }

    /** Encrypts {@code path} under the key of {@code keys} (made now if there is none yet) and returns the key. */
    static DatabaseKey encrypt(Path path, DatabaseKeys keys) {
        synchronized (LOCK) {
            if (!isPlain(path)) { // another connection of this station did it meanwhile
                return keys.existing().orElseThrow(() -> new StorageException("session database " + path
                        + " is encrypted and its key is missing (" + keys.describe() + ")"));
            }
            refuseForeign(path);
            DatabaseKey key = keys.existingOrNew();
            Path backup = backupName(path);
            try {
                try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + path);
                        Statement s = c.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    s.execute("PRAGMA journal_mode=DELETE");
                }
                Files.copy(path, backup);
                OwnerOnly.restrict(backup);
                try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + path);
                        Statement s = c.createStatement()) {
                    s.execute("SELECT sqlite3mc_config('cipher', 'chacha20')");
                    try (ResultSet rs = s.executeQuery("PRAGMA rekey = \"raw:" + key.hex() + "\"")) {
                        String answer = rs.next() ? rs.getString(1) : "";
                        if (!"ok".equalsIgnoreCase(answer)) {
                            throw new SQLException("rekey answered '" + answer + "'");
                        }
                    }
                }
            } catch (IOException | SQLException e) {
                throw new StorageException("cannot encrypt the unencrypted session database " + path + " ("
                        + e.getMessage() + "); the copy " + backup + " holds its rows", e);
            }
            VigilDatabase.restrictFiles(path);
            log.warn("session database {} was unencrypted: encrypted with the {}; the unencrypted copy {} "
                    + "is owner-only, delete it once the station has run on the encrypted file", path, key.source(), backup);
            return key;
        }
    }

    /** Another program's SQLite file is refused before anything is changed (Migrator says the same later). */
    private static void refuseForeign(Path path) {
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + path);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), sum(name = 'schema_version') FROM sqlite_master"
                        + " WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            if (rs.next() && rs.getInt(1) > 0 && rs.getInt(2) == 0) {
                throw new StorageException(path + " is an SQLite database of another program, not a Vigil session "
                        + "database (no schema_version table); the file was not changed");
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read session database " + path + ": " + e.getMessage(), e);
        }
    }

    private static Path backupName(Path path) {
        Path backup = Path.of(path + BACKUP_SUFFIX);
        for (int n = 2; Files.exists(backup); n++) {
            backup = Path.of(path + BACKUP_SUFFIX + "-" + n);
        }
        return backup;
    }
}
