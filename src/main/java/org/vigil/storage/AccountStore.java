package org.vigil.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.domain.Role;

/**
 * The station's user accounts and its record of emergency access, in the session database
 * (schema step 6), on a connection of its own. Every call blocks on the disk (a few
 * milliseconds): screens call it off the FX thread. Close it before the database.
 */
public final class AccountStore implements AutoCloseable {

    private static final String COLUMNS = "id, login, name, role, password_hash, pin_hash, enabled, failed_attempts,"
            + " locked_until, created_at";

    private final Connection connection;
    private final Path file;

    AccountStore(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** How many accounts exist (enabled or not). */
    public synchronized int count() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM user_account")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failure("count the user accounts", e);
        }
    }

    /** The account whose login is {@code login} (case-insensitive). */
    public synchronized Optional<AccountRow> byLogin(String login) {
        try (PreparedStatement p = connection.prepareStatement("SELECT " + COLUMNS + " FROM user_account WHERE login = ?")) {
            p.setString(1, login);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read user " + login, e);
        }
    }

    /** Every account, by login. */
    public synchronized List<AccountRow> all() {
        List<AccountRow> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM user_account ORDER BY login")) {
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failure("list the user accounts", e);
        }
    }

    /**
     * Adds an account and returns it with its new id.
     *
     * @throws StorageException when the login is taken (the message says so) or the disk fails
     */
    public synchronized AccountRow insert(AccountRow a) {
        try (PreparedStatement p = connection.prepareStatement("""
                INSERT INTO user_account (login, name, role, password_hash, pin_hash, enabled, failed_attempts,
                    locked_until, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, a.login());
            p.setString(2, a.name());
            p.setString(3, a.role().name());
            p.setString(4, a.passwordHash());
            p.setString(5, a.pinHash());
            p.setInt(6, a.enabled() ? 1 : 0);
            p.setLong(7, a.createdAt().toEpochMilli());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return new AccountRow(keys.getLong(1), a.login(), a.name(), a.role(), a.passwordHash(), a.pinHash(),
                        a.enabled(), 0, null, a.createdAt());
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                throw new StorageException("the login " + a.login() + " is taken", e);
            }
            throw failure("add user " + a.login(), e);
        }
    }

    /** Writes every field of {@code a} but its id, login and creation time. */
    public synchronized void update(AccountRow a) {
        try (PreparedStatement p = connection.prepareStatement("""
                UPDATE user_account SET name = ?, role = ?, password_hash = ?, pin_hash = ?, enabled = ?,
                    failed_attempts = ?, locked_until = ? WHERE id = ?""")) {
            p.setString(1, a.name());
            p.setString(2, a.role().name());
            p.setString(3, a.passwordHash());
            p.setString(4, a.pinHash());
            p.setInt(5, a.enabled() ? 1 : 0);
            p.setInt(6, a.failedAttempts());
            if (a.lockedUntil() == null) {
                p.setNull(7, Types.INTEGER);
            } else {
                p.setLong(7, a.lockedUntil().toEpochMilli());
            }
            p.setLong(8, a.id());
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("update user " + a.login(), e);
        }
    }

    /** Records a use of emergency access. */
    public synchronized BreakGlassUse addBreakGlass(Instant at, String name, String reason) {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO break_glass (at, name, reason) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setLong(1, at.toEpochMilli());
            p.setString(2, name);
            p.setString(3, reason);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return new BreakGlassUse(keys.getLong(1), at, name, reason, null, null);
            }
        } catch (SQLException e) {
            throw failure("record emergency access", e);
        }
    }

    /** Uses of emergency access no admin has reviewed yet, oldest first. */
    public synchronized List<BreakGlassUse> unreviewedBreakGlass() {
        List<BreakGlassUse> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, at, name, reason FROM break_glass WHERE reviewed_by IS NULL ORDER BY at, id")) {
            while (rs.next()) {
                out.add(new BreakGlassUse(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), null, null));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read emergency access", e);
        }
    }

    /** Marks a use of emergency access as reviewed by {@code admin}. */
    public synchronized void markReviewed(long id, String admin, Instant at) {
        try (PreparedStatement p = connection.prepareStatement(
                "UPDATE break_glass SET reviewed_by = ?, reviewed_at = ? WHERE id = ? AND reviewed_by IS NULL")) {
            p.setString(1, admin);
            p.setLong(2, at.toEpochMilli());
            p.setLong(3, id);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("review emergency access", e);
        }
    }

    @Override
    public synchronized void close() {
        VigilDatabase.closeQuietly(connection);
    }

    private static AccountRow row(ResultSet rs) throws SQLException {
        long locked = rs.getLong(9);
        Instant lockedUntil = rs.wasNull() ? null : Instant.ofEpochMilli(locked);
        return new AccountRow(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getInt(7) == 1, rs.getInt(8), lockedUntil,
                Instant.ofEpochMilli(rs.getLong(10)));
    }

    private StorageException failure(String what, SQLException e) {
        return new StorageException("session database " + file + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
