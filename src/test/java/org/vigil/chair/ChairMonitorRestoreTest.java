package org.vigil.chair;

import org.vigil.testsupport.TestActors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmSettingsState;
import org.vigil.alarm.Baseline;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.alarm.Priority;
import org.vigil.testsupport.RecordedSession;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

/**
 * The alarm settings a nurse put in force at a chair are saved as they change and put back on a
 * fresh chair after a crash ({@link SettingsRestore}), on simulated time: a 1 Hz oximeter stream
 * with a desaturation, cuff readings every 5 min, limit and alarm-off changes at the bedside.
 */
class ChairMonitorRestoreTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private final MutableClock clock = new MutableClock();
    private final RecordedSession recorder = new RecordedSession();
    private final List<AlarmEvent> alarms = recorder.alarms;
    private final List<String> events = recorder.events;
    private final List<AlarmSettingsState> saved = new ArrayList<>();


    private ChairMonitor chair() {
        ChairSpec.Device ox = new ChairSpec.Device(
                new DeviceInfo("ox", "Oximeter", "masimo", "test", Set.of(Vital.SPO2, Vital.PR), true),
                new DeviceAlarmProfile("ox", "Oximeter", Duration.ofSeconds(10), null, null));
        ChairSpec.Device mon = new ChairSpec.Device(
                new DeviceInfo("mon", "Monitor", "ivy", "test", Set.of(Vital.HR, Vital.NIBP_SYS, Vital.NIBP_DIA,
                        Vital.NIBP_MEAN), true),
                new DeviceAlarmProfile("mon", "Monitor", Duration.ofSeconds(10), Duration.ofMinutes(5), null));
        ChairMonitor c = new ChairMonitor(new ChairSpec("c1", "Chair 1", true, List.of(ox, mon)), AlarmConfig.defaults(),
                clock, Runnable::run, recorder);
        c.addSettingsListener(saved::add);
        return c;
    }

    /** One second of the oximeter and the monitor's HR, then a tick, at {@code second}. */
    private void second(ChairMonitor c, int second, double spo2) {
        clock.now = T0.plusSeconds(second);
        c.onReadings("ox", List.of(new Reading(clock.now, "ox", Vital.SPO2, spo2, Set.of()),
                new Reading(clock.now, "ox", Vital.PR, 78.0, Set.of())));
        c.onReadings("mon", List.of(new Reading(clock.now, "mon", Vital.HR, 78.0, Set.of())));
        if (second % 300 == 0) {
            c.onReadings("mon", List.of(new Reading(clock.now, "mon", Vital.NIBP_SYS, 124.0, Set.of()),
                    new Reading(clock.now, "mon", Vital.NIBP_DIA, 78.0, Set.of()),
                    new Reading(clock.now, "mon", Vital.NIBP_MEAN, 93.0, Set.of())));
        }
        c.tick();
    }

    /** A session: bedside limit change, an alarm off, a typed baseline, and a desaturation that latched and ended. */
    private ChairMonitor sessionWithLatchedDesat() {
        ChairMonitor c = chair();
        for (int s = 0; s <= 60; s++) {
            second(c, s, 97);
        }
        assertTrue(c.changeLimit("hr.high", 110, TestActors.nurse("nurse")).changed());
        c.setAlarmEnabled("pr.low", false, TestActors.admin("nurse"));
        assertTrue(c.setBaselineTyped("130", "85", TestActors.nurse("nurse")).accepted());
        for (int s = 61; s <= 80; s++) {
            second(c, s, 82); // desaturation below 85: spo2.desat raises at once and latches
        }
        for (int s = 81; s <= 100; s++) {
            second(c, s, 97); // recovered: the condition ends, the alarm stays latched
        }
        return c;
    }

    private Instant restartAfter(Duration off) {
        Instant lastRecorded = clock.now;
        clock.now = lastRecorded.plus(off);
        return lastRecorded;
    }

    @Test
    void settingsAreSavedEachTimeTheyChange() {
        ChairMonitor c = sessionWithLatchedDesat();

        AlarmSettingsState last = saved.get(saved.size() - 1);
        assertEquals(110.0, last.thresholds().get("hr.high"));
        assertTrue(last.off().contains("pr.low"));
        assertEquals(new Baseline(130.0, 85.0, 78.0), last.baseline());
        assertEquals(List.of("spo2.desat"), last.latched().stream().map(AlarmSettingsState.Latched::id).toList());
        assertEquals(last, c.settings());
        int before = saved.size();
        second(c, 101, 97);
        assertEquals(before, saved.size(), "a reading that changes no setting saves nothing");
    }

    @Test
    void aCrashBringsBackLimitsAlarmOffBaselineAndTheUnacknowledgedLatchedDesat() {
        ChairMonitor before = sessionWithLatchedDesat();
        AlarmSettingsState state = before.settings();
        Instant last = restartAfter(Duration.ofSeconds(20));
        SettingsRestore.Plan plan = SettingsRestore.plan(state, 7, true, last, clock.now, SettingsRestore.DEFAULT_WINDOW)
                .orElseThrow();
        alarms.clear();
        events.clear();

        ChairMonitor after = chair();
        assertEquals(120.0, after.alarmConfig().orElseThrow().rule("hr.high").orElseThrow().threshold(), "fresh: clinic's");
        after.restoreSettings(plan);

        AlarmConfig cfg = after.alarmConfig().orElseThrow();
        assertEquals(110.0, cfg.rule("hr.high").orElseThrow().threshold());
        assertFalse(cfg.rule("pr.low").orElseThrow().enabled());
        assertTrue(after.alarms().disabled().contains("pr.low"));
        assertEquals(new Baseline(130.0, 85.0, 78.0), after.baseline().orElseThrow());
        ActiveAlarm desat = after.alarms().alarms().stream().filter(a -> a.id().equals("spo2.desat")).findFirst().orElseThrow();
        assertEquals(Priority.HIGH, desat.priority());
        assertFalse(desat.acknowledged());
        assertFalse(desat.conditionActive(), "the patient recovered before the crash");
        assertTrue(desat.audible(), "it sounds again");
        assertEquals(82.0, desat.value());
        assertEquals(T0.plusSeconds(61), desat.raisedAt(), "raised when it first raised, before the crash");
        AlarmEvent raised = alarms.stream().filter(e -> e.alarmId().equals("spo2.desat")).findFirst().orElseThrow();
        assertEquals(AlarmEventType.RAISED, raised.type());
        assertTrue(raised.message().contains("latched before the restart"), raised.message());
        AlarmLogEntry notice = after.alarmLog().stream().filter(e -> e.event().equals(ChairMonitor.SETTINGS_RESTORED))
                .findFirst().orElseThrow();
        assertTrue(notice.detail().startsWith("settings restored from session 7 (station off 20s): "), notice.detail());
        for (String part : List.of("hr.high 110", "pr.low off", "baseline 130/85, hr 78", "latched spo2.desat")) {
            assertTrue(notice.detail().contains(part), part + " in " + notice.detail());
        }
        assertTrue(events.stream().anyMatch(e -> e.startsWith("limit_changed|alarm=hr.high old=120 new=110")
                && e.endsWith("|restart (session 7)")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.startsWith(ChairMonitor.SETTINGS_RESTORED + "|settings restored from session 7")),
                events.toString());

        // the fresh data keeps the restored limits: HR 115 now alarms (clinic's 120 would not)
        for (int s = 121; s <= 135; s++) {
            clock.now = T0.plusSeconds(s);
            after.onReadings("mon", List.of(new Reading(clock.now, "mon", Vital.HR, 115.0, Set.of())));
            after.tick();
        }
        assertTrue(after.alarms().alarms().stream().anyMatch(a -> a.id().equals("hr.high")));

        after.acknowledge(TestActors.nurse("nurse"));
        assertTrue(after.alarms().alarms().stream().noneMatch(a -> a.id().equals("spo2.desat")),
                "acknowledged, its condition long over: cleared");
    }

    @Test
    void anAcknowledgedLatchedAlarmWhoseConditionEndedStaysCleared() {
        ChairMonitor before = sessionWithLatchedDesat();
        before.acknowledge(TestActors.nurse("nurse"));
        assertTrue(before.settings().latched().isEmpty());
        Instant last = restartAfter(Duration.ofSeconds(10));

        ChairMonitor after = chair();
        after.restoreSettings(SettingsRestore.plan(before.settings(), 7, true, last, clock.now,
                SettingsRestore.DEFAULT_WINDOW).orElseThrow());

        assertTrue(after.alarms().alarms().isEmpty(), after.alarms().alarms().toString());
        assertEquals(110.0, after.alarmConfig().orElseThrow().rule("hr.high").orElseThrow().threshold());
    }

    @Test
    void theAudioPauseComesBackWithinTheWindowUntilItsOriginalEnd() {
        ChairMonitor before = sessionWithLatchedDesat();
        before.pauseAudio(TestActors.nurse("nurse")); // 2 min from second 100
        Instant pausedUntil = T0.plusSeconds(100).plus(Duration.ofMinutes(2));
        assertEquals(pausedUntil, before.settings().audioPausedUntil());
        Instant last = restartAfter(Duration.ofSeconds(25));

        ChairMonitor after = chair();
        after.restoreSettings(SettingsRestore.plan(before.settings(), 7, true, last, clock.now,
                SettingsRestore.DEFAULT_WINDOW).orElseThrow());

        assertEquals(pausedUntil, after.alarms().audioPausedUntil());
        ActiveAlarm desat = after.alarms().alarms().get(0);
        assertEquals("spo2.desat", desat.id());
        assertFalse(desat.audible(), "it was silenced by the pause before the crash, and the pause goes on");
        clock.now = pausedUntil;
        after.tick();
        assertNull(after.alarms().audioPausedUntil());
        assertTrue(after.alarms().alarms().get(0).audible(), "the pause ends at its original time and it sounds");
    }

    @Test
    void afterALongerLossTheAudioPauseDoesNotComeBackButTheRestDoes() {
        ChairMonitor before = sessionWithLatchedDesat();
        before.pauseAudio(TestActors.nurse("nurse"));
        Instant last = restartAfter(Duration.ofSeconds(31));

        ChairMonitor after = chair();
        after.restoreSettings(SettingsRestore.plan(before.settings(), 7, true, last, clock.now,
                SettingsRestore.DEFAULT_WINDOW).orElseThrow());

        assertNull(after.alarms().audioPausedUntil());
        assertTrue(after.alarms().alarms().get(0).audible(), "the latched desaturation sounds");
        assertEquals(110.0, after.alarmConfig().orElseThrow().rule("hr.high").orElseThrow().threshold());
        String notice = after.alarmLog().stream().filter(e -> e.event().equals(ChairMonitor.SETTINGS_RESTORED))
                .findFirst().orElseThrow().detail();
        assertTrue(notice.contains("not restored: audio pause (station off 31s, longer than 30s)"), notice);
    }

    @Test
    void aSavedLimitOutsideTheClinicBoundsNowIsNotRestoredAndSaysWhy() {
        ChairMonitor before = sessionWithLatchedDesat();
        Instant last = restartAfter(Duration.ofSeconds(5));
        LimitPolicy strict = new LimitPolicy() {
            @Override
            public java.util.Optional<String> refuse(org.vigil.alarm.LimitRule rule, double t) {
                return rule.id().equals("hr.high") && t < 115 ? java.util.Optional.of("below the clinic minimum 115")
                        : java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<ThresholdRange> allowedRange(org.vigil.alarm.LimitRule rule) {
                return java.util.Optional.empty();
            }
        };
        ChairMonitor after = new ChairMonitor(new ChairSpec("c1", "Chair 1", true, List.of()), AlarmConfig.defaults(),
                clock, Runnable::run, recorder, strict);
        after.restoreSettings(SettingsRestore.plan(before.settings(), 7, true, last, clock.now,
                SettingsRestore.DEFAULT_WINDOW).orElseThrow());

        assertEquals(120.0, after.alarmConfig().orElseThrow().rule("hr.high").orElseThrow().threshold());
        String notice = after.alarmLog().stream().filter(e -> e.event().equals(ChairMonitor.SETTINGS_RESTORED))
                .findFirst().orElseThrow().detail();
        assertTrue(notice.contains("hr.high 110 (below the clinic minimum 115)"), notice);
        assertNotNull(after.baseline().orElse(null), "the rest comes back");
    }

    private static final class MutableClock implements InstantSource {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }
    }
}
