package org.vigil.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a recording JVM with SIGKILL after a flush (no close, no shutdown hook, the WAL not
 * checkpointed) and checks what a fresh connection finds in the file.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    void flushedRowsSurviveAKilledProcessAndTheSessionIsRecoveredAsEndedAbnormally() throws Exception {
        Path file = dir.resolve("vigil.db");
        long id = runAndKill(file);

        assertTrue(Files.exists(dir.resolve("vigil.db-wal")), "the killed process left its write-ahead log behind");
        try (Connection c = org.vigil.storage.VigilDatabase.connection(file, org.vigil.storage.DatabaseKeys.standard())) {
            assertEquals(CrashingRecorder.FLUSHED, Fixtures.count(c, "SELECT count(*) FROM reading WHERE session_id = " + id),
                    "every flushed reading is there; the unflushed ones were only in memory");
            assertEquals(1, Fixtures.count(c, "SELECT count(*) FROM alarm_event WHERE session_id = " + id));
            assertEquals(1, Fixtures.count(c, "SELECT count(*) FROM session_event WHERE session_id = " + id));
            assertEquals(1, Fixtures.count(c, "SELECT count(*) FROM session WHERE ended_at IS NULL AND id = " + id));
            assertEquals("ok", Fixtures.text(c, "PRAGMA integrity_check"));
        }

        try (VigilDatabase db = VigilDatabase.open(file)) {
            Instant now = Fixtures.T0.plus(Duration.ofHours(5));
            assertEquals(List.of(id), db.sessions().recoverUnfinished(now));
            SessionInfo s = db.sessions().session(id).orElseThrow();
            assertEquals(EndReason.ENDED_ABNORMALLY, s.endReason());
            assertEquals(Fixtures.T0.plusSeconds(1000), s.end(), "last recorded time: the session event");
            assertEquals(CrashingRecorder.FLUSHED, db.sessions().readings(id).size());
        }
    }

    private static long runAndKill(Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingRecorder.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String flushed = null;
            StringBuilder seen = new StringBuilder();
            while (flushed == null && (line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("flushed ")) {
                    flushed = line;
                }
            }
            assertNotNull(flushed, "the recorder JVM ended before flushing:\n" + seen);
            p.destroyForcibly();
            p.waitFor();
            return Long.parseLong(flushed.substring("flushed ".length()).trim());
        } finally {
            p.destroyForcibly();
        }
    }
}
