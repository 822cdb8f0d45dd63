package org.vigil.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;
import org.vigil.session.DoseCalculation;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.SessionRules;

/**
 * Schema step 3 (patients, clinical sessions, typed events): a database written by the previous
 * version migrates forward with its sessions intact; patients are found and created; open
 * clinical sessions come back with their typed events in order.
 */
class ClinicalSchemaTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aStepTwoDatabaseMigratesForwardKeepingItsSessions() throws Exception {
        Path file = dir.resolve("vigil.db");
        long old;
        try (VigilDatabase db = VigilDatabase.open(file, Schema.MIGRATIONS.subList(0, 2))) {
            assertEquals(2, db.schemaVersion());
            old = db.sessions().startSession(new NewSession("chair-1", T0, "0.9", true, List.of()));
            try (Connection c = db.connect()) {
                c.createStatement().executeUpdate("INSERT INTO session_event (session_id, t_ms, type, detail, user) VALUES ("
                        + old + ", " + T0.toEpochMilli() + ", 'limit_changed', '{\"alarm\":\"hr.high\"}', 'nurse')");
            }
        }
        try (VigilDatabase db = VigilDatabase.open(file)) {
            assertEquals(Schema.latestVersion(Schema.MIGRATIONS), db.schemaVersion());
            SessionEvent e = db.sessions().sessionEvents(old).get(0);
            assertEquals("limit_changed", e.type());
            assertEquals(T0, e.recordedAt(), "an old event was written when it happened");
            assertEquals(SessionEventType.LIMIT_CHANGED, e.toRecorded().orElseThrow().type());
            assertEquals("hr.high", e.toRecorded().orElseThrow().get("alarm"));
        }
    }

    @Test
    void patientsAreFoundByMrnOrNameAndAnMrnIsNeverTakenTwice() {
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("vigil.db"))) {
            PatientRepository patients = db.sessions().patients();
            Patient jane = patients.create(new Patient(0, "MRN-1", "Doe, Jane", LocalDate.of(1980, 5, 1), 70.0, "latex"));
            patients.create(new Patient(0, "MRN-2", "Roe, Richard", null, null, ""));
            patients.create(new Patient(0, "X_9%", "Percent, Odd", null, null, ""));
            assertTrue(jane.id() > 0);
            assertEquals(List.of("MRN-1"), patients.search("doe", 10).stream().map(Patient::mrn).toList());
            assertEquals(List.of("MRN-2"), patients.search("mrn-2", 10).stream().map(Patient::mrn).toList());
            assertEquals(List.of("X_9%"), patients.search("_9%", 10).stream().map(Patient::mrn).toList(),
                    "LIKE wildcards in the search text are taken literally");
            assertEquals(3, patients.search("", 10).size());
            assertEquals("latex", patients.byMrn("MRN-1").orElseThrow().allergies());
            IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                    () -> patients.create(new Patient(0, "MRN-1", "Other", null, null, "")));
            assertTrue(dup.getMessage().contains("belongs to another patient"), dup.getMessage());
            assertFalse(dup.getMessage().contains("MRN-1"), "an exception may be logged: it never carries the MRN");
            assertThrows(IllegalArgumentException.class,
                    () -> patients.create(new Patient(0, "MRN-3", "Heavy", null, 900.0, "")));
        }
    }

    @Test
    void anOpenClinicalSessionComesBackWithItsTypedEventsInOrder() {
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("vigil.db"))) {
            Patient p = db.sessions().patients().create(new Patient(0, "MRN-7", "Doe, John", null, 82.0, ""));
            InfusionOrder order = new InfusionOrder(82, 0.5, 10, 40, "Dr Grey");
            long id = db.sessions().startSession(new NewSession("chair-2", T0, "1.0", true, List.of())
                    .withClinical(p, DoseCalculation.of(order, SessionRules.DEFAULTS), T0));
            long idle = db.sessions().startSession(new NewSession("chair-3", T0, "1.0", true, List.of()));
            try (Connection c = db.connect()) {
                var insert = c.prepareStatement(Codec.INSERT_SESSION_EVENT);
                Codec.bindSessionEvent(insert, id, SessionEvent.from(new RecordedEvent(T0.plusSeconds(60),
                        SessionEventType.EVENT, Map.of("kind", "nausea"), "nurse", T0.plusSeconds(300), 2, 0)));
                insert.executeUpdate();
                Codec.bindSessionEvent(insert, id, SessionEvent.from(new RecordedEvent(T0,
                        SessionEventType.CHECK_IN, Map.of("mrn", "MRN-7"), "nurse", T0, 1, 0)));
                insert.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
            List<SessionRepository.OpenSession> open = db.sessions().openClinicalSessions();
            assertEquals(1, open.size(), "the free chair's record is not a clinical session");
            SessionRepository.OpenSession o = open.get(0);
            assertEquals(id, o.id());
            assertEquals("chair-2", o.chairId());
            assertEquals("MRN-7", o.patient().mrn());
            assertEquals(order, o.order());
            assertEquals(List.of(SessionEventType.CHECK_IN, SessionEventType.EVENT),
                    o.events().stream().map(RecordedEvent::type).toList(), "in the order they were numbered");
            assertTrue(o.events().get(1).late(), "entered late: both times kept");
            assertEquals(List.of(), db.sessions().recoverUnfinished(T0.plusSeconds(900), java.util.Set.of("chair-2"))
                    .stream().filter(x -> x == id).toList(), "a resuming chair's session stays open");
            assertTrue(db.sessions().session(idle).orElseThrow().endReason() != null, "the free record was ended");
        }
    }
}
