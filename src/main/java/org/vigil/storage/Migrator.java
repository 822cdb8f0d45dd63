package org.vigil.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the newest schema step in {@code schema_version} order. Steps are numbered
 * by area (decision 29: review 4, export 5, accounts 6, audit trail 7, devices 8), so a list may have gaps
 * while areas are built apart; every step of the list that the file has not applied yet is applied,
 * in order, even one numbered below a step the file already has. Each step runs in
 * its own IMMEDIATE transaction together with its {@code schema_version} row and re-reads the
 * version inside the transaction, so a step is applied exactly once even when two processes open
 * the same new file at once, and a failing step leaves the previous version intact.
 */
final class Migrator {

    private static final Logger log = LoggerFactory.getLogger(Migrator.class);

    private Migrator() {
    }

    /** Applies the missing steps and returns the resulting version. */
    static int migrate(Connection c, Path file, List<Migration> migrations) throws SQLException {
        int known = Schema.latestVersion(migrations);
        refuseForeignDatabase(c, file);
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS schema_version (
                        version     INTEGER PRIMARY KEY,
                        description TEXT NOT NULL,
                        applied_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    )""");
        }
        int current = currentVersion(c);
        refuseNewer(file, current, known);
        for (Migration m : migrations) {
            if (!applied(c, m.version())) {
                apply(c, file, m);
            }
        }
        return currentVersion(c);
    }

    private static boolean applied(Connection c, int version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM schema_version WHERE version = ?")) {
            p.setInt(1, version);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    private static void apply(Connection c, Path file, Migration m) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (applied(c, m.version())) { // another process applied it meanwhile
                c.rollback();
                return;
            }
            try (Statement s = c.createStatement()) {
                for (String sql : m.statements()) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version (version, description) VALUES (?, ?)")) {
                p.setInt(1, m.version());
                p.setString(2, m.description());
                p.executeUpdate();
            }
            c.commit();
            log.info("session database {} migrated to schema version {} ({})", file, m.version(), m.description());
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw new StorageException("session database " + file + ": schema step " + m.version() + " ("
                    + m.description() + ") failed, the file stays at version " + currentVersion(c) + ": " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void refuseNewer(Path file, int current, int known) {
        if (current > known) {
            throw new StorageException("session database " + file + " has schema version " + current
                    + " but this version of Vigil knows schema versions up to " + known
                    + "; open it with a newer Vigil (the file was not changed)");
        }
    }

    private static void refuseForeignDatabase(Connection c, Path file) throws SQLException {
        boolean hasTables = false;
        boolean hasVersionTable = false;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                hasTables = true;
                hasVersionTable |= "schema_version".equals(rs.getString(1));
            }
        }
        if (hasTables && !hasVersionTable) {
            throw new StorageException(file + " is an SQLite database of another program, not a Vigil session "
                    + "database (no schema_version table); the file was not changed");
        }
    }

    static void checkOrdered(List<Migration> migrations) {
        int previous = 0;
        for (int i = 0; i < migrations.size(); i++) {
            int v = migrations.get(i).version();
            if (v <= previous) {
                throw new IllegalStateException("schema steps must be numbered in increasing order (1, 2, 3 ..., gaps"
                        + " allowed between areas); step " + (i + 1) + " has version " + v + " after " + previous);
            }
            previous = v;
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed", e);
        }
    }
}
