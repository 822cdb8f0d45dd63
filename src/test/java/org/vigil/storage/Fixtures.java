package org.vigil.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/** Shared test values. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private Fixtures() {
    }

    static NewSession newSession(String chair, Instant start) {
        return new NewSession(chair, start, "0.1.0-test", false, List.of(
                new SessionDevice("ox", "Oximeter", "masimo", "/dev/ttyUSB0"),
                new SessionDevice("mon", "Bedside monitor", "ivy", "/dev/ttyUSB1")));
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
