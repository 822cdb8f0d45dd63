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
 * Brings a database to the newest schema step in {@code schema_version} order. Each step runs in
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
            if (m.version() > current) {
                current = apply(c, file, m);
            }
        }
        return current;
    }

    private static int apply(Connection c, Path file, Migration m) throws SQLException {
        c.setAutoCommit(false);
        try {
            int current = currentVersion(c);
            if (current >= m.version()) {
                c.rollback();
                return current;
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
            return m.version();
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw new StorageException("session database " + file + ": schema step " + m.version() + " ("
                    + m.description() + ") failed, the file stays at version " + (m.version() - 1) + ": " + e.getMessage(), e);
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
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("schema steps must be numbered 1, 2, 3 ... without gaps; step "
                        + (i + 1) + " has version " + migrations.get(i).version());
            }
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
