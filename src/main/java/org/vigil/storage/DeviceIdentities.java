package org.vigil.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;

/**
 * The {@code device_identity} rows (schema step 8): each time a device of a session told a
 * different identity, and the identities in force when a session's record starts. A reading's
 * device and time name its identity ({@link DeviceIdentityChange#at}); readings carry no serial
 * of their own.
 */
final class DeviceIdentities {

    static final String INSERT = "INSERT INTO device_identity (session_id, device_id, since_ms, manufacturer, model, serial, "
            + "software, eui64) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private DeviceIdentities() {
    }

    static void bind(PreparedStatement p, long sessionId, DeviceIdentityChange c) throws SQLException {
        DeviceIdentity id = c.identity();
        p.setLong(1, sessionId);
        p.setString(2, c.deviceId());
        p.setLong(3, c.since().toEpochMilli());
        p.setString(4, id.manufacturer());
        p.setString(5, id.model());
        p.setString(6, id.serial());
        p.setString(7, id.software());
        p.setString(8, id.eui64());
    }

    /**
     * The session's identity changes in time order, a row that repeats its device's identity in
     * force left out (a station restarted during the session hears the same device again).
     */
    static List<DeviceIdentityChange> of(Connection c, long sessionId) throws SQLException {
        List<DeviceIdentityChange> out = new ArrayList<>();
        Map<String, DeviceIdentity> inForce = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT device_id, since_ms, manufacturer, model, serial, software, eui64 "
                + "FROM device_identity WHERE session_id = ? ORDER BY since_ms, rowid")) {
            p.setLong(1, sessionId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String device = rs.getString(1);
                    String eui = rs.getString(7);
                    DeviceIdentity id = new DeviceIdentity(rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), DeviceIdentity.isEui64(eui) ? eui : "");
                    if (!id.equals(inForce.put(device, id))) {
                        out.add(new DeviceIdentityChange(device, Instant.ofEpochMilli(rs.getLong(2)), id));
                    }
                }
            }
        }
        return out;
    }
}
