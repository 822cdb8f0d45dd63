package org.vigil.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.AlarmSettingsState;
import org.vigil.alarm.Baseline;
import org.vigil.alarm.Priority;

/**
 * The alarm settings in force per chair (table {@code alarm_settings}, one row per chair), saved
 * as they change so that a restart after a crash can put them back. Has its own connection, so a
 * save never waits for the recording writer's transaction beyond SQLite's busy timeout; calls are
 * synchronous (disk): make them from the saver thread or at start-up, never from the core thread.
 *
 * <p>The {@code state} column holds one item per line, fields separated by tabs:
 * <pre>
 * threshold  ALARM_ID  VALUE
 * off        ALARM_ID
 * baseline   SYS  DIA  HR          (empty field: not taken)
 * paused     UNTIL_MS
 * latched    ALARM_ID  PRIORITY  KIND  PARAMETER  VALUE  LIMIT  RAISED_MS  ESCALATED  PAUSE_SILENCED  MESSAGE
 * </pre>
 */
public final class AlarmSettingsStore implements AutoCloseable {

    /** What was saved for a chair, by which session and when. */
    public record Saved(String chairId, long sessionId, Instant savedAt, AlarmSettingsState state) {
    }

    private final Connection connection;
    private final Path file;

    AlarmSettingsStore(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** Replaces the chair's saved settings. */
    public synchronized void save(String chairId, long sessionId, Instant savedAt, AlarmSettingsState state) {
        Objects.requireNonNull(state, "state");
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT OR REPLACE INTO alarm_settings (chair_id, session_id, saved_at, state) VALUES (?, ?, ?, ?)")) {
            p.setString(1, chairId);
            p.setLong(2, sessionId);
            p.setLong(3, savedAt.toEpochMilli());
            p.setString(4, encode(state));
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("save the alarm settings of chair " + chairId, e);
        }
    }

    /** The chair's saved settings, if any. */
    public synchronized Optional<Saved> load(String chairId) {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT session_id, saved_at, state FROM alarm_settings WHERE chair_id = ?")) {
            p.setString(1, chairId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Saved(chairId, rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                        decode(rs.getString(3))));
            }
        } catch (SQLException e) {
            throw failure("read the alarm settings of chair " + chairId, e);
        }
    }

    /** Forgets the chair's saved settings (a normal close: the next start uses the clinic's). */
    public synchronized void delete(String chairId) {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM alarm_settings WHERE chair_id = ?")) {
            p.setString(1, chairId);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("forget the alarm settings of chair " + chairId, e);
        }
    }

    @Override
    public synchronized void close() {
        VigilDatabase.closeQuietly(connection);
    }

    static String encode(AlarmSettingsState s) {
        StringBuilder b = new StringBuilder();
        s.thresholds().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> line(b, "threshold", e.getKey(), Double.toString(e.getValue())));
        new TreeSet<>(s.off()).forEach(id -> line(b, "off", id));
        if (s.baseline() != null) {
            Baseline bl = s.baseline();
            line(b, "baseline", num(bl.sys()), num(bl.dia()), num(bl.hr()));
        }
        if (s.audioPausedUntil() != null) {
            line(b, "paused", Long.toString(s.audioPausedUntil().toEpochMilli()));
        }
        for (AlarmSettingsState.Latched a : s.latched()) {
            line(b, "latched", a.id(), a.priority().name(), a.kind().name(), text(a.parameter()), num(a.value()),
                    num(a.limit()), Long.toString(a.raisedAt().toEpochMilli()), Boolean.toString(a.escalated()),
                    Boolean.toString(a.pauseSilenced()), text(a.message()));
        }
        return b.toString();
    }

    static AlarmSettingsState decode(String text) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        Set<String> off = new TreeSet<>();
        Baseline baseline = null;
        Instant paused = null;
        List<AlarmSettingsState.Latched> latched = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "threshold" -> thresholds.put(f[1], Double.parseDouble(f[2]));
                case "off" -> off.add(f[1]);
                case "baseline" -> baseline = new Baseline(num(f[1]), num(f[2]), num(f[3]));
                case "paused" -> paused = Instant.ofEpochMilli(Long.parseLong(f[1]));
                case "latched" -> latched.add(new AlarmSettingsState.Latched(f[1], Priority.valueOf(f[2]),
                        AlarmKind.valueOf(f[3]), f[4].isEmpty() ? null : f[4], num(f[5]), num(f[6]), f[10],
                        Instant.ofEpochMilli(Long.parseLong(f[7])), Boolean.parseBoolean(f[8]),
                        Boolean.parseBoolean(f[9])));
                default -> throw new IllegalArgumentException("unknown saved alarm setting: " + f[0]);
            }
        }
        return new AlarmSettingsState(thresholds, off, baseline, paused, latched);
    }

    private static void line(StringBuilder b, String... fields) {
        b.append(String.join("\t", fields)).append('\n');
    }

    private static String num(Double d) {
        return d == null || d.isNaN() ? "" : Double.toString(d);
    }

    private static Double num(String s) {
        return s.isEmpty() ? null : Double.valueOf(s);
    }

    /** Free text in one field: no tabs or line breaks. */
    private static String text(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private StorageException failure(String what, SQLException e) {
        return new StorageException("cannot " + what + " in session database " + file + ": " + e.getMessage(), e);
    }
}
