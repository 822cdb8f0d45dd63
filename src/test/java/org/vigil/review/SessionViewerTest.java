package org.vigil.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Actor;
import org.vigil.domain.AuditEntry;
import org.vigil.domain.Role;
import org.vigil.storage.VigilDatabase;
import org.vigil.testsupport.ArchiveFixture;

/** Opening a past session is recorded and changes nothing in the session database. */
class SessionViewerTest {

    @TempDir
    Path dir;

    private static final Actor CAROL = new Actor("u7", "Carol", Role.NURSE, Instant.parse("2026-12-01T07:00:00Z"), "login");

    @Test
    void openingASessionIsRecordedWithWhoWhenAndWhich() {
        List<AuditEntry> audit = new ArrayList<>();
        Instant now = Instant.parse("2026-12-01T09:30:00Z");
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            long id = ArchiveFixture.session(db, ArchiveFixture.patient(db, "M1", "Doe, Jane"), "chair1", ArchiveFixture.T0, 60);
            SessionViewer viewer = new SessionViewer(new SessionArchive(db), audit::add, InstantSource.fixed(now));
            ReviewedSession s = viewer.open(id, CAROL, "review", 500).orElseThrow();
            assertThat(s.header().id()).isEqualTo(id);
            assertThat(viewer.open(9_999, CAROL, "review", 500)).isEmpty();
        }
        assertThat(audit).hasSize(2);
        AuditEntry first = audit.get(0);
        assertThat(first.at()).isEqualTo(now);
        assertThat(first.actor()).isEqualTo(CAROL);
        assertThat(first.action()).isEqualTo(SessionViewer.VIEWED);
        assertThat(first.target()).isEqualTo("session:1");
        assertThat(first.detail()).containsEntry("view", "review");
        assertThat(audit.get(1).target()).isEqualTo("session:9999");
    }

    @Test
    void openingASessionAndItsCourseLeavesEveryRowAndTheFileAsTheyWere() throws Exception {
        long id;
        try (VigilDatabase db = ArchiveFixture.open(dir)) {
            id = ArchiveFixture.session(db, ArchiveFixture.patient(db, "M1", "Doe, Jane"), "chair1", ArchiveFixture.T0, 60);
        }
        Path file = dir.resolve("review.db");
        Map<String, String> before = contents(file);
        String bytesBefore = sha256(file);
        List<AuditEntry> audit = new ArrayList<>();
        try (VigilDatabase db = VigilDatabase.open(file)) {
            SessionArchive archive = new SessionArchive(db);
            SessionViewer viewer = new SessionViewer(archive, audit::add, InstantSource.system());
            ReviewedSession s = viewer.open(id, CAROL, "review", 1_000).orElseThrow();
            new TraceLoader(archive).vitals(id, s.from(), s.from().plusSeconds(600), ReviewedSession.TREND_VITALS, 800);
            CourseEntry.of(archive, s.header());
            archive.list(SessionFilter.all().withPatient("doe"));
        }
        assertThat(audit).hasSize(1);
        assertThat(contents(file)).isEqualTo(before);
        assertThat(sha256(file)).as("the database file is not written").isEqualTo(bytesBefore);
        assertThat(Files.exists(dir.resolve("review.db-wal")) ? Files.size(dir.resolve("review.db-wal")) : 0L)
                .as("nothing left to write in the WAL").isZero();
    }

    /** Every table's row count and a digest of its rows, in rowid order. */
    private static Map<String, String> contents(Path file) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = org.vigil.storage.VigilDatabase.connection(file, org.vigil.storage.DatabaseKeys.standard());
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                long n = 0;
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        n++;
                        for (int i = 1; i <= cols; i++) {
                            md.update(String.valueOf(rs.getObject(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            md.update((byte) 0);
                        }
                    }
                }
                out.put(t, n + " rows " + HexFormat.of().formatHex(md.digest()));
            }
        }
        assertThat(out).containsKeys("session", "reading", "session_event", "alarm_event");
        return out;
    }

    private static String sha256(Path file) throws IOException, java.security.NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
