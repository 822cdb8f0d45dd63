package org.vigil.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * How domain values become columns and back. Times are epoch milliseconds; an absent reading value
 * ({@code NaN}) is NULL; flags are {@link Reading#flagsText()}; enums are stored by their keys
 * (alarm kind in lower case). Text the code does not know fails loudly rather than being guessed.
 */
final class Codec {

    static final String INSERT_READING =
            "INSERT INTO reading (session_id, t_ms, device_id, vital, value, flags) VALUES (?, ?, ?, ?, ?, ?)";
    static final String INSERT_ALARM_EVENT = "INSERT INTO alarm_event (session_id, t_ms, event, alarm_id, priority, kind, "
            + "parameter, value, limit_value, message, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_SESSION_EVENT =
            "INSERT INTO session_event (session_id, t_ms, type, detail, user, recorded_at, seq, corrects) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    static final String READING_COLUMNS = "t_ms, device_id, vital, value, flags";
    static final String ALARM_EVENT_COLUMNS = "t_ms, event, alarm_id, priority, kind, parameter, value, limit_value, message, user";
    static final String SESSION_EVENT_COLUMNS = "t_ms, type, detail, user, recorded_at, seq, corrects";

    private Codec() {
    }

    static void bindReading(PreparedStatement p, long sessionId, Reading r) throws SQLException {
        p.setLong(1, sessionId);
        p.setLong(2, r.time().toEpochMilli());
        p.setString(3, r.deviceId());
        p.setString(4, r.vital().key());
        if (r.hasValue()) {
            p.setDouble(5, r.value());
        } else {
            p.setNull(5, Types.REAL);
        }
        p.setString(6, r.flagsText());
    }

    static void bindAlarmEvent(PreparedStatement p, long sessionId, AlarmEvent e) throws SQLException {
        p.setLong(1, sessionId);
        p.setLong(2, e.time().toEpochMilli());
        p.setString(3, e.type().key());
        p.setString(4, e.alarmId());
        p.setString(5, e.priority().key());
        p.setString(6, e.kind().name().toLowerCase(Locale.ROOT));
        p.setString(7, e.parameter());
        setDouble(p, 8, e.value());
        setDouble(p, 9, e.limit());
        p.setString(10, e.message());
        p.setString(11, e.user());
    }

    static void bindSessionEvent(PreparedStatement p, long sessionId, SessionEvent e) throws SQLException {
        p.setLong(1, sessionId);
        p.setLong(2, e.time().toEpochMilli());
        p.setString(3, e.type());
        p.setString(4, e.detail());
        p.setString(5, e.user());
        p.setLong(6, e.recordedAt().toEpochMilli());
        p.setLong(7, e.seq());
        p.setLong(8, e.corrects());
    }

    /** Reads {@link #READING_COLUMNS}. */
    static Reading reading(ResultSet rs) throws SQLException {
        String vitalKey = rs.getString(3);
        Vital vital = Vital.fromKey(vitalKey)
                .orElseThrow(() -> new StorageException("stored reading has unknown vital '" + vitalKey + "'"));
        double value = rs.getDouble(4);
        if (rs.wasNull()) {
            value = Double.NaN;
        }
        return new Reading(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), vital, value, flags(rs.getString(5)));
    }

    /** Reads {@link #ALARM_EVENT_COLUMNS}. */
    static AlarmEvent alarmEvent(ResultSet rs) throws SQLException {
        return new AlarmEvent(
                Instant.ofEpochMilli(rs.getLong(1)),
                eventType(rs.getString(2)),
                rs.getString(3),
                Priority.fromKey(rs.getString(4)),
                kind(rs.getString(5)),
                rs.getString(6),
                getDouble(rs, 7),
                getDouble(rs, 8),
                rs.getString(9),
                rs.getString(10));
    }

    /** Reads {@link #SESSION_EVENT_COLUMNS}. */
    static SessionEvent sessionEvent(ResultSet rs) throws SQLException {
        long recorded = rs.getLong(5);
        Instant time = Instant.ofEpochMilli(rs.getLong(1));
        return new SessionEvent(time, rs.getString(2), rs.getString(3), rs.getString(4),
                rs.wasNull() ? time : Instant.ofEpochMilli(recorded), rs.getLong(6), rs.getLong(7));
    }

    static Set<ReadingFlag> flags(String text) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        EnumSet<ReadingFlag> out = EnumSet.noneOf(ReadingFlag.class);
        for (String key : text.split("\\|")) {
            out.add(flag(key));
        }
        return out;
    }

    static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    static Double getDouble(ResultSet rs, int column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }

    static void setDouble(PreparedStatement p, int index, Double value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.REAL);
        } else {
            p.setDouble(index, value);
        }
    }

    private static ReadingFlag flag(String key) {
        for (ReadingFlag f : ReadingFlag.values()) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        throw new StorageException("stored reading has unknown flag '" + key + "'");
    }

    private static AlarmEventType eventType(String key) {
        for (AlarmEventType t : AlarmEventType.values()) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        throw new StorageException("stored alarm event has unknown event '" + key + "'");
    }

    private static AlarmKind kind(String key) {
        for (AlarmKind k : AlarmKind.values()) {
            if (k.name().equalsIgnoreCase(key)) {
                return k;
            }
        }
        throw new StorageException("stored alarm event has unknown kind '" + key + "'");
    }
}
