package org.vigil.app;

import org.vigil.testsupport.TestActors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.vigil.chair.ChairMonitor;
import org.vigil.config.ConfigLoader;
import org.vigil.config.StationConfig;
import org.vigil.session.ActionResult;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.PatientDirectory;

/**
 * The station core in a JVM of its own for {@link KillDuringSessionTest}: starts the station on
 * the given configuration (simulated devices on pseudo-terminals); when chair 1 has no clinical
 * session, checks a patient in, types a baseline and starts the infusion; prints
 * {@code session <id>}; then, over and over, flushes the recorder and prints
 * {@code committed <t_ms> <n>}: every reading received up to {@code t_ms} is on disk, and the
 * session has {@code n} readings up to that time. It runs until it is killed.
 */
public final class ResumingStation {

    private ResumingStation() {
    }

    public static void main(String[] args) throws Exception {
        StationConfig cfg = ConfigLoader.forCurrentUser().load(Path.of(args[0]));
        Station station = Station.start(cfg, InstantSource.system(), false);
        ChairMonitor chair = station.chairs().get(0);
        // on a loaded machine the database may open after the chairs started: its session then resumes late
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (station.patients().isEmpty() && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        station.flush();
        station.flush();
        if (chair.clinicalSession().isEmpty()) {
            PatientDirectory patients = station.patients().orElseThrow();
            Patient p = patients.byMrn("MRN-KILL").orElseGet(() -> patients.create(
                    new Patient(0, "MRN-KILL", "Test, Patient", LocalDate.of(1975, 1, 2), 80.0, "")));
            check(chair.clinical().checkIn(p, new InfusionOrder(80, 0.5, 10, 40, "Dr Grey"), false, TestActors.nurse("nurse"))
                    .get(10, TimeUnit.SECONDS));
            check(chair.clinical().typeBaseline("120", "80", "70", "98", "", TestActors.nurse("nurse")).get(10, TimeUnit.SECONDS));
            check(chair.clinical().startInfusion(TestActors.nurse("nurse")).get(10, TimeUnit.SECONDS));
        }
        station.flush();
        long session = station.currentSessionIdOf(0).orElseThrow();
        System.out.println("session " + session);
        System.out.flush();
        try (Connection c = org.vigil.storage.VigilDatabase.connection(cfg.database(), org.vigil.storage.DatabaseKeys.standard());
                PreparedStatement count = c.prepareStatement(
                        "SELECT count(*) FROM reading WHERE session_id = ? AND t_ms <= ?")) {
            while (true) {
                Instant upTo = InstantSource.system().instant();
                station.flush();
                count.setLong(1, session);
                count.setLong(2, upTo.toEpochMilli());
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    System.out.println("committed " + upTo.toEpochMilli() + " " + rs.getLong(1));
                    System.out.flush();
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    private static void check(ActionResult r) {
        if (!r.done()) {
            throw new IllegalStateException(r.reasonText());
        }
    }
}
