package org.vigil.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.domain.Reading;
import org.vigil.storage.VigilDatabase;

class SessionLogReaderTest {

    @TempDir
    Path dir;

    @Test
    void aStoredSessionReadsBackWithPatientOrderEventsAlarmsAndEveryReadingInOrder() throws Exception {
        GeneratedSession g = new GeneratedSession(4, ExportFixtures.START, Duration.ofMinutes(150), Duration.ofSeconds(5));
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("v.db"))) {
            long id = g.store(db);
            SessionLogReader reader = new SessionLogReader(new org.vigil.review.SessionArchive(db), ExportFixtures.ZONE);
            assertEquals(id, reader.last().orElseThrow());
            SessionLog log = reader.read(id).orElseThrow();
            SessionLog expected = g.log(id, ExportFixtures.ZONE);
            assertEquals(expected.patient(), log.patient());
            assertEquals(expected.order(), log.order());
            assertEquals(expected.events().size(), log.events().size());
            assertEquals(expected.alarms(), log.alarms());
            assertEquals("closed", log.endReason());
            assertEquals(expected.devices(), log.devices(), "devices with the identities they told, as recorded");
            SessionLog.DevicePart ox = log.devices().get(1);
            assertEquals("0000056661", ox.identityAt(g.start().plusSeconds(60)).serial());
            assertEquals("0000071234", ox.identityAt(g.end().minusSeconds(60)).serial(), "the probe swapped mid-session");
            assertEquals("DE4200A042", log.devices().get(0).identityAt(g.start()).serial());
            List<Reading> want = ExportFixtures.readings(expected);
            List<Reading> got = ExportFixtures.readings(log);
            assertEquals(want.size(), got.size());
            for (int i = 1; i < got.size(); i++) {
                assertTrue(!got.get(i).time().isBefore(got.get(i - 1).time()), "in time order at " + i);
            }
            assertEquals(new java.util.HashSet<>(want), new java.util.HashSet<>(got));
            assertTrue(reader.read(id + 100).isEmpty());
            assertEquals(List.of(id), reader.startedBetween(ExportFixtures.START, ExportFixtures.START.plusSeconds(1)));
            assertEquals(List.of(), reader.startedBetween(ExportFixtures.START.plusSeconds(1), g.end()));
        }
    }
}
