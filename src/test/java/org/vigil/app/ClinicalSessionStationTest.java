package org.vigil.app;

import org.vigil.testsupport.TestActors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.chair.ChairMonitor;
import org.vigil.config.StationConfig;
import org.vigil.device.transport.PtyPair;
import org.vigil.session.ActionResult;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.Phase;
import org.vigil.storage.EndReason;
import org.vigil.storage.SessionEvent;
import org.vigil.storage.SessionSummary;
import org.vigil.storage.VigilDatabase;

/**
 * A patient's session through the real station on simulated devices: check-in ends the chair's
 * between-sessions record and starts the clinical one; closing the station mid-infusion leaves
 * it open and the next start resumes it in the same row, on the same chair, with a
 * {@code resumed} event; discharge closes it and the chair records on without a patient.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClinicalSessionStationTest {

    @TempDir
    Path dir;

    @Test
    void aSessionRunsAcrossARestartInTheSameRowAndClosesAtDischarge() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        StationConfig cfg = OneChairConfig.write(dir, """
                      - { id: ox, protocol: masimo, port: simulated }
                      - { id: mon, protocol: ivy, port: simulated, vitals: [hr, nibp] }
                """);
        long clinicalId;
        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            Patient p = station.patients().orElseThrow().create(
                    new Patient(0, "MRN-1001", "Doe, Jane", LocalDate.of(1980, 5, 1), 70.0, "none known"));
            ChairMonitor chair = station.chairs().get(0);
            ActionResult in = chair.clinical().checkIn(p, new InfusionOrder(70, 0.5, 10, 40, "Dr Grey"), false, TestActors.nurse("nurse"))
                    .get(5, TimeUnit.SECONDS);
            assertTrue(in.done(), in.reasonText());
            assertTrue(chair.clinical().checkIn(p, new InfusionOrder(70, 0.5, 10, 40, "Dr Grey"), false, TestActors.nurse("nurse"))
                    .get(5, TimeUnit.SECONDS).reasonText().contains("a session is running"));
            done(chair.clinical().typeBaseline("122", "78", "72", "98", "14", TestActors.nurse("nurse")).get(5, TimeUnit.SECONDS));
            done(chair.clinical().startInfusion(TestActors.nurse("nurse")).get(5, TimeUnit.SECONDS));
            assertEquals(Phase.INFUSION, chair.clinicalSession().orElseThrow().phase());
            station.flush();
            clinicalId = station.currentSessionIdOf(0).orElseThrow();
        }
        try (VigilDatabase db = VigilDatabase.open(cfg.database())) {
            List<SessionSummary> all = db.sessions().listSessions();
            assertEquals(2, all.size(), "the between-sessions record and the clinical one: " + all);
            assertEquals(EndReason.CLOSED, db.sessions().session(clinicalId - 1).orElseThrow().endReason());
            assertNull(db.sessions().session(clinicalId).orElseThrow().endReason(), "the patient's session stays open");
            assertEquals(1, db.sessions().patients().sessionCount(db.sessions().patients().byMrn("MRN-1001")
                    .orElseThrow().id()));
        }

        try (Station station = Station.start(cfg, InstantSource.system(), false)) {
            ChairMonitor chair = station.chairs().get(0);
            station.flush();
            assertEquals(clinicalId, station.currentSessionIdOf(0).orElseThrow(), "resumed in the same row");
            var view = chair.clinicalSession().orElseThrow();
            assertEquals("MRN-1001", view.patient().mrn());
            assertEquals(Phase.INFUSION, view.phase());
            assertEquals("122/78", view.baseline().nibp());
            assertEquals(122.0, chair.baseline().orElseThrow().sys(), "the rise-from-baseline alarms are back");
            done(chair.clinical().stopInfusion(TestActors.nurse("nurse")).get(5, TimeUnit.SECONDS));
            done(chair.clinical().score(10, 5, 0, null, TestActors.nurse("nurse")).get(5, TimeUnit.SECONDS));
            ActionResult early = chair.clinical().discharge(true, TestActors.nurse("nurse")).get(5, TimeUnit.SECONDS);
            assertFalse(early.done(), "no BP since the infusion stopped");
            assertTrue(early.reasonText().contains("no BP since the infusion stopped"), early.reasonText());
            station.flush();
        }
        try (VigilDatabase db = VigilDatabase.open(cfg.database())) {
            List<SessionEvent> events = db.sessions().sessionEvents(clinicalId);
            List<String> types = events.stream().map(SessionEvent::type).toList();
            assertEquals(1, types.stream().filter("resumed"::equals).count(), types.toString());
            assertTrue(types.containsAll(List.of("check_in", "dose", "baseline", "infusion", "phase", "score",
                    "discharge_refused")), types.toString());
            SessionEvent resumed = events.stream().filter(e -> e.type().equals("resumed")).findFirst().orElseThrow();
            assertTrue(resumed.details().containsKey("gap_start") && resumed.details().containsKey("gap_end"),
                    resumed.toString());
            long seqs = events.stream().filter(e -> e.seq() > 0).map(SessionEvent::seq).distinct().count();
            assertEquals(events.stream().filter(e -> e.seq() > 0).count(), seqs, "numbering continues after a resume");
            assertEquals("recovery", phaseOf(db, clinicalId));
        }
    }

    private static String phaseOf(VigilDatabase db, long id) throws Exception {
        try (var c = org.vigil.storage.VigilDatabase.connection(db.file(), org.vigil.storage.DatabaseKeys.standard());
                var s = c.createStatement(); var rs = s.executeQuery("SELECT phase FROM session WHERE id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void done(ActionResult r) {
        assertTrue(r.done(), r.reasonText());
    }
}
