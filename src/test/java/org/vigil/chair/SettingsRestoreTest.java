package org.vigil.chair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.AlarmSettingsState;
import org.vigil.alarm.Baseline;
import org.vigil.alarm.Priority;

/** What comes back after a restart, and when. */
class SettingsRestoreTest {

    private static final Instant CRASH = Instant.parse("2026-01-05T10:00:00Z");
    private static final AlarmSettingsState.Latched DESAT = new AlarmSettingsState.Latched("spo2.desat", Priority.HIGH,
            AlarmKind.PHYSIOLOGICAL, "spo2", 82.0, 85.0, "SpO2 82 < 85", CRASH.minusSeconds(40), false, false);
    private static final AlarmSettingsState SAVED = new AlarmSettingsState(Map.of("hr.high", 110.0), Set.of("pr.low"),
            new Baseline(130.0, 85.0, 78.0), CRASH.plusSeconds(90), List.of(DESAT));

    @Test
    void afterANormalCloseNothingComesBack() {
        assertTrue(SettingsRestore.plan(SAVED, 3, false, CRASH, CRASH.plusSeconds(5), Duration.ofSeconds(30)).isEmpty());
    }

    @Test
    void withinTheWindowEverythingComesBack() {
        SettingsRestore.Plan p = SettingsRestore.plan(SAVED, 3, true, CRASH, CRASH.plusSeconds(30), Duration.ofSeconds(30))
                .orElseThrow();
        assertEquals(SAVED, p.state());
        assertEquals(Duration.ofSeconds(30), p.offFor());
        assertEquals(List.of(), p.notRestored());
    }

    @Test
    void pastTheWindowTheAudioPauseStaysBehindAndTheRestComesBack() {
        SettingsRestore.Plan p = SettingsRestore.plan(SAVED, 3, true, CRASH, CRASH.plusSeconds(31), Duration.ofSeconds(30))
                .orElseThrow();
        assertNull(p.state().audioPausedUntil());
        assertEquals(SAVED.thresholds(), p.state().thresholds());
        assertEquals(SAVED.off(), p.state().off());
        assertEquals(SAVED.baseline(), p.state().baseline());
        assertEquals(List.of(DESAT), p.state().latched(), "an unacknowledged latched alarm comes back after any crash");
        assertEquals(List.of("audio pause (station off 31s, longer than 30s)"), p.notRestored());
    }

    @Test
    void aPauseThatEndedWhileTheStationWasOffStaysBehind() {
        SettingsRestore.Plan p = SettingsRestore.plan(SAVED, 3, true, CRASH, CRASH.plusSeconds(20), Duration.ofMinutes(10))
                .orElseThrow();
        assertEquals(CRASH.plusSeconds(90), p.state().audioPausedUntil(), "still running at the restart");
        p = SettingsRestore.plan(SAVED, 3, true, CRASH, CRASH.plusSeconds(90), Duration.ofMinutes(10)).orElseThrow();
        assertNull(p.state().audioPausedUntil());
        assertEquals(List.of("audio pause (it ended while the station was off)"), p.notRestored());
    }

    @Test
    void theWindowIsConfigurable() {
        SettingsRestore.Plan p = SettingsRestore.plan(SAVED, 3, true, CRASH, CRASH.plusSeconds(11), Duration.ofSeconds(10))
                .orElseThrow();
        assertNull(p.state().audioPausedUntil());
    }
}
