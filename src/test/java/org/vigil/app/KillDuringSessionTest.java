package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.device.transport.PtyPair;
import org.vigil.storage.SessionEvent;
import org.vigil.storage.VigilDatabase;

/**
 * Nothing lost on a crash: the station core runs in a child JVM on simulated devices with a
 * patient's infusion running, and is killed with SIGKILL at a random moment, 20 times. After each
 * kill, every reading the child had seen committed is still in the database; at each restart the
 * session resumes in the same row, on the same chair, with a {@code resumed} event whose gap
 * starts no earlier than the last committed reading before the kill. The seed is printed so a
 * failure can be replayed.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class KillDuringSessionTest {

    static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void everyCommittedReadingSurvivesTwentyKillsAndTheSessionResumesInItsRow() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        Path config = OneChairConfig.file(dir, """
                      - { id: ox, protocol: masimo, port: simulated }
                      - { id: mon, protocol: ivy, port: simulated, vitals: [hr, nibp] }
                """);
        Path db = dir.resolve("data").resolve("vigil.db");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Long session = null;
        List<Long> gapsMs = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            long runMs = 200 + random.nextInt(2_800);
            Run run = runAndKill(config, runMs);
            if (session == null) {
                session = run.session;
            }
            assertEquals(session, run.session, "kill " + i + " (seed " + seed + "): resumed in the same row");
            assertNotNull(run.lastCommitted, "kill " + i + ": the child reported a commit before it was killed");
            try (Connection c = org.vigil.storage.VigilDatabase.connection(db, org.vigil.storage.DatabaseKeys.standard());
                    PreparedStatement count = c.prepareStatement(
                            "SELECT count(*) FROM reading WHERE session_id = ? AND t_ms <= ?")) {
                count.setLong(1, session);
                count.setLong(2, run.lastCommitted[0]);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    assertEquals(run.lastCommitted[1], rs.getLong(1), "kill " + i + " (seed " + seed
                            + "): readings committed up to " + Instant.ofEpochMilli(run.lastCommitted[0]) + " are all there");
                }
            }
            gapsMs.add(run.killedAt - run.lastCommitted[0]);
        }
        try (VigilDatabase d = VigilDatabase.open(db)) {
            assertNull(d.sessions().session(session).orElseThrow().endReason(), "still open: the patient is in the chair");
            List<SessionEvent> resumed = d.sessions().sessionEvents(session).stream()
                    .filter(e -> e.type().equals("resumed")).toList();
            assertEquals(KILLS - 1, resumed.size(), "one resumed event per restart");
            for (SessionEvent e : resumed) {
                Instant start = Instant.parse(e.details().get("gap_start"));
                Instant end = Instant.parse(e.details().get("gap_end"));
                assertTrue(start.isBefore(end), e.toString());
            }
        }
        try (Connection c = org.vigil.storage.VigilDatabase.connection(db, org.vigil.storage.DatabaseKeys.standard());
                var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM session WHERE patient_id IS NOT NULL")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "one clinical session for the patient, however often the station died");
        }
        System.out.println("kill test seed " + seed + ": last committed reading before each kill, ms before it: " + gapsMs);
    }

    private record Run(long session, long[] lastCommitted, long killedAt) {
    }

    private static Run runAndKill(Path config, long runMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ResumingStation.class.getName(), config.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            Long session = null;
            long[] last = null;
            long deadline = Long.MAX_VALUE;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                if (line.startsWith("session ")) {
                    session = Long.parseLong(line.substring(8).trim());
                    deadline = System.currentTimeMillis() + runMs;
                } else if (line.startsWith("committed ")) {
                    String[] f = line.split(" ");
                    last = new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
                    if (System.currentTimeMillis() >= deadline) {
                        break;
                    }
                } else if (seen.length() < 20_000) {
                    seen.append(line).append('\n');
                }
            }
            long killedAt = System.currentTimeMillis();
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertNotNull(session, "the station JVM ended before it started a session:\n" + seen);
            assertEquals(137, p.exitValue(), "killed with SIGKILL:\n" + seen);
            return new Run(session, last, killedAt);
        } finally {
            p.destroyForcibly();
        }
    }
}
