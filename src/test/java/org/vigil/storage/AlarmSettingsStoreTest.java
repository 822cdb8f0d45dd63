package org.vigil.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.AlarmSettingsState;
import org.vigil.alarm.Baseline;
import org.vigil.alarm.Priority;

/** The alarm settings in force per chair, saved, read back after reopening the file, and forgotten. */
class AlarmSettingsStoreTest {

    @TempDir
    Path dir;

    private static final AlarmSettingsState STATE = new AlarmSettingsState(
            Map.of("hr.high", 110.0, "spo2.desat", 85.0, "nibp_sys.rise", 40.0), Set.of("pr.low", "mon.nibp_overdue"),
            new Baseline(130.0, 85.0, null), Fixtures.T0.plusSeconds(120),
            List.of(new AlarmSettingsState.Latched("spo2.desat", Priority.HIGH, AlarmKind.PHYSIOLOGICAL, "spo2", 82.0, 85.0,
                    "SpO2 82 < 85\twith a tab", Fixtures.T0.plusSeconds(61), false, true),
                    new AlarmSettingsState.Latched("ox.sensor_off", Priority.MEDIUM, AlarmKind.TECHNICAL, "ox", null, null,
                            "Oximeter: sensor off", Fixtures.T0.plusSeconds(70), true, false)));

    @Test
    void savedSettingsSurviveReopeningTheFileAndAreForgottenOnRequest() {
        Path file = dir.resolve("vigil.db");
        long session;
        try (VigilDatabase db = VigilDatabase.open(file); AlarmSettingsStore store = db.alarmSettings()) {
            session = db.sessions().startSession(Fixtures.newSession("chair-1", Fixtures.T0));
            store.save("chair-1", session, Fixtures.T0.plusSeconds(100), STATE);
        }
        try (VigilDatabase db = VigilDatabase.open(file); AlarmSettingsStore store = db.alarmSettings()) {
            AlarmSettingsStore.Saved saved = store.load("chair-1").orElseThrow();
            assertEquals(session, saved.sessionId());
            assertEquals(Fixtures.T0.plusSeconds(100), saved.savedAt());
            assertEquals(STATE.thresholds(), saved.state().thresholds());
            assertEquals(STATE.off(), saved.state().off());
            assertEquals(STATE.baseline(), saved.state().baseline());
            assertEquals(STATE.audioPausedUntil(), saved.state().audioPausedUntil());
            assertEquals("SpO2 82 < 85 with a tab", saved.state().latched().get(0).message());
            assertEquals(STATE.latched().get(1), saved.state().latched().get(1));
            assertTrue(store.load("chair-2").isEmpty());

            store.save("chair-1", session, Fixtures.T0.plusSeconds(200),
                    new AlarmSettingsState(Map.of(), Set.of(), null, null, List.of()));
            assertEquals(new AlarmSettingsState(Map.of(), Set.of(), null, null, List.of()),
                    store.load("chair-1").orElseThrow().state(), "replaced, not added to");

            store.delete("chair-1");
            assertTrue(store.load("chair-1").isEmpty());
        }
    }
}
