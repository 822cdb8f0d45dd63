package org.vigil.chair;

import org.vigil.testsupport.TestActors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.Baseline;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.alarm.LimitRule;
import org.vigil.alarm.Priority;
import org.vigil.testsupport.RecordedSession;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

/** Threshold changes at a chair, alarm off/on and the on-screen alarm log. */
class ChairMonitorLimitsTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** Allows spo2.low 85..95 and spo2.desat 75..90 only. */
    private static final LimitPolicy SPO2_ONLY = new LimitPolicy() {
        @Override
        public Optional<String> refuse(LimitRule rule, double t) {
            ThresholdRange r = allowedRange(rule).orElse(null);
            if (r == null) {
                return Optional.of(rule.id() + " has no clinic bounds");
            }
            return r.contains(t) ? Optional.empty() : Optional.of("outside " + r.min() + ".." + r.max());
        }

        @Override
        public Optional<ThresholdRange> allowedRange(LimitRule rule) {
            return switch (rule.id()) {
                case "spo2.low" -> Optional.of(new ThresholdRange(85, 95));
                case "spo2.desat" -> Optional.of(new ThresholdRange(75, 90));
                default -> Optional.empty();
            };
        }
    };

    private final MutableClock clock = new MutableClock();
    private final RecordedSession recorder = new RecordedSession();
    private final List<AlarmEvent> alarms = recorder.alarms;
    private final List<String> events = recorder.events;


    private ChairMonitor chair(Executor core, LimitPolicy policy) {
        ChairSpec.Device ox = new ChairSpec.Device(
                new DeviceInfo("ox", "ox", "masimo", "test", Set.of(Vital.SPO2, Vital.PR), true),
                new DeviceAlarmProfile("ox", "ox", Duration.ofSeconds(10), null, null));
        return new ChairMonitor(new ChairSpec("c1", "Chair 1", true, List.of(ox)), AlarmConfig.defaults(), clock, core,
                recorder, policy);
    }

    private ChairMonitor chair() {
        return chair(Runnable::run, SPO2_ONLY);
    }

    private static double threshold(ChairFeed c, String id) {
        return c.alarmConfig().orElseThrow().rule(id).orElseThrow().threshold();
    }

    private void spo2(ChairMonitor c, int second, double value) {
        clock.now = T0.plusSeconds(second);
        c.onReadings("ox", List.of(new Reading(clock.now, "ox", Vital.SPO2, value, Set.of())));
    }

    @Test
    void aChangeInsideTheClinicBoundsIsInForceAndLoggedWithWhoOldAndNew() {
        ChairMonitor c = chair();
        clock.now = T0.plusSeconds(30);

        LimitChange answer = c.changeLimit("spo2.low", 92, TestActors.nurse("alice"));

        assertTrue(answer.accepted());
        assertTrue(answer.changed());
        assertEquals(90.0, answer.previous());
        assertEquals(92.0, threshold(c, "spo2.low"));
        assertEquals(List.of("limit_changed|alarm=spo2.low old=90 new=92 scope=chair|alice"), events,
                "one session event, and no separate config_changed for the same change");
        AlarmLogEntry e = c.alarmLog().get(c.alarmLog().size() - 1);
        assertEquals(new AlarmLogEntry(T0.plusSeconds(30), AlarmLogEntry.LIMIT_CHANGED, "spo2.low", Priority.MEDIUM,
                "spo2", null, 92.0, "alice", null, "90 \u2192 92"), e);
    }

    @Test
    void aChangeOutsideTheClinicBoundsIsRefusedWithTheReasonAndChangesNothing() {
        ChairMonitor c = chair();

        LimitChange answer = c.changeLimit("spo2.low", 97, TestActors.nurse("alice"));

        assertFalse(answer.accepted());
        assertEquals("outside 85.0..95.0", answer.refusal());
        assertEquals(90.0, threshold(c, "spo2.low"));
        assertTrue(events.isEmpty(), events.toString());
        assertTrue(c.alarmLog().isEmpty());
    }

    @Test
    void unknownIdsNonNumbersNegativeValuesAndAlarmsWithoutBoundsAreRefused() {
        ChairMonitor c = chair(Runnable::run, LimitPolicy.PERMISSIVE);
        assertEquals("unknown alarm id 'spo2.lo'", c.changeLimit("spo2.lo", 92, TestActors.nurse("a")).refusal());
        assertNull(c.changeLimit("spo2.lo", 92, TestActors.nurse("a")).previous());
        assertEquals("not a number", c.changeLimit("spo2.low", Double.NaN, TestActors.nurse("a")).refusal());
        assertEquals("not a number", c.changeLimit("spo2.low", Double.POSITIVE_INFINITY, TestActors.nurse("a")).refusal());
        assertEquals("-5 can never be reached (hr is never below 15 /min): untick \"Alarm on\" (admin) to switch"
                + " the alarm off",
                c.changeLimit("hr.low", -5, TestActors.nurse("a")).refusal());
        assertEquals("hr.low has no clinic bounds", chair().changeLimit("hr.low", 45, TestActors.nurse("a")).refusal());
        assertTrue(events.isEmpty(), events.toString());
    }

    @Test
    void aHighPriorityTierMayNotBeReachedBeforeItsMediumTier() {
        ChairMonitor c = chair();
        assertEquals("90 would be above the medium-priority limit spo2.low (88)",
                c.changeLimit("spo2.low", 88, TestActors.nurse("a")).accepted() ? c.changeLimit("spo2.desat", 90, TestActors.nurse("a")).refusal() : "");
        assertEquals("84 would be below the high-priority limit spo2.desat (85)",
                chair(Runnable::run, LimitPolicy.PERMISSIVE).changeLimit("spo2.low", 84, TestActors.nurse("a")).refusal());
    }

    @Test
    void aThresholdThatWouldSwitchTheAlarmOffSilentlyIsRefusedWhateverThePolicy() {
        ChairMonitor c = chair(Runnable::run, LimitPolicy.PERMISSIVE);
        assertEquals("0 can never be reached (spo2 is never below 1 %): untick \"Alarm on\" (admin) to switch the"
                + " alarm off",
                c.changeLimit("spo2.low", 0, TestActors.nurse("a")).refusal());
        assertEquals("301 can never be reached (hr is never above 300 /min): untick \"Alarm on\" (admin) to switch"
                + " the alarm off",
                c.changeLimit("hr.high", 301, TestActors.nurse("a")).refusal());
        assertEquals("2 is outside the safe range 5..100 for a rise of nibp_sys (mmHg)",
                c.changeLimit("nibp_sys.rise", 2, TestActors.nurse("a")).refusal());
        assertTrue(events.isEmpty(), events.toString());
    }

    @Test
    void aLowLimitAtOrAboveAHighLimitOfTheSameVitalIsRefused() {
        ChairMonitor c = chair(Runnable::run, LimitPolicy.PERMISSIVE);
        assertEquals("160 is not below the high limit nibp_sys.high (160): every value would alarm",
                c.changeLimit("nibp_sys.low", 160, TestActors.nurse("a")).refusal());
        assertEquals("55 is not above the low limit nibp_mean.low (60): every value would alarm",
                c.changeLimit("nibp_mean.high", 55, TestActors.nurse("a")).refusal());
        assertTrue(c.changeLimit("nibp_sys.low", 100, TestActors.nurse("a")).accepted());
        assertEquals("100 is not above the low limit nibp_sys.low (100): every value would alarm",
                c.changeLimit("nibp_sys.high", 100, TestActors.nurse("a")).refusal(), "judged against the edit just accepted");
    }

    @Test
    void tierOrderIsCheckedOnBothSidesOfTheVital() {
        ChairMonitor c = chair(Runnable::run, LimitPolicy.PERMISSIVE);
        assertEquals("135 would be above the high-priority limit hr.very_high (130)",
                c.changeLimit("hr.high", 135, TestActors.nurse("a")).refusal());
        assertEquals("115 would be below the medium-priority limit hr.high (120)",
                c.changeLimit("hr.very_high", 115, TestActors.nurse("a")).refusal());
        assertEquals("45 would be above the medium-priority limit hr.low (44)",
                c.changeLimit("hr.low", 44, TestActors.nurse("a")).accepted() ? c.changeLimit("hr.very_low", 45, TestActors.nurse("a")).refusal() : "");
        assertTrue(c.changeLimit("hr.very_high", 122, TestActors.nurse("a")).accepted(), "121 is left to the medium alarm");
    }

    @Test
    void aLimitEditThatLeavesTheMediumAlarmNoWholeNumberToFireAloneIsRefused() {
        ChairMonitor c = chair(Runnable::run, LimitPolicy.PERMISSIVE);
        assertEquals("hr.high > 120 can never fire alone: 121 is already high-priority (hr.very_high \u2265 121)",
                c.changeLimit("hr.very_high", 121, TestActors.nurse("a")).refusal());
        assertEquals("hr.high > 120 can never fire alone: 121 is already high-priority (hr.very_high \u2265 120)",
                c.changeLimit("hr.very_high", 120, TestActors.nurse("a")).refusal());
        assertEquals("rr.high > 29 can never fire alone: 30 is already high-priority (rr.very_high \u2265 30)",
                c.changeLimit("rr.high", 29, TestActors.nurse("a")).refusal());
        assertEquals("rr.low < 9 can never fire alone: 8 is already high-priority (rr.very_low \u2264 8)",
                c.changeLimit("rr.low", 9, TestActors.nurse("a")).refusal());
        assertTrue(c.changeLimit("rr.high", 28, TestActors.nurse("a")).accepted(), "29 is left to the medium alarm");
        assertEquals(130.0, threshold(c, "hr.very_high"), "a refused edit changes nothing");
    }

    @Test
    void twoQuickChangesAreJudgedAgainstTheFirstEvenBeforeTheCoreAppliedIt() {
        List<Runnable> queued = new ArrayList<>();
        ChairMonitor c = chair(queued::add, SPO2_ONLY);

        assertTrue(c.changeLimit("spo2.low", 86, TestActors.nurse("a")).accepted());
        assertEquals("87 would be above the medium-priority limit spo2.low (86)",
                c.changeLimit("spo2.desat", 87, TestActors.nurse("a")).refusal());
        assertTrue(c.changeLimit("spo2.desat", 80, TestActors.nurse("a")).accepted());
        assertEquals(90.0, threshold(c, "spo2.low"), "nothing applied before the core thread runs");

        queued.forEach(Runnable::run);

        assertEquals(86.0, threshold(c, "spo2.low"));
        assertEquals(80.0, threshold(c, "spo2.desat"));
        assertEquals(List.of("limit_changed|alarm=spo2.low old=90 new=86 scope=chair|a",
                "limit_changed|alarm=spo2.desat old=85 new=80 scope=chair|a"), events);
    }

    @Test
    void theSameThresholdAgainIsAcceptedWithoutALogEntry() {
        ChairMonitor c = chair();
        LimitChange same = c.changeLimit("spo2.low", 90, TestActors.nurse("a"));
        assertTrue(same.accepted());
        assertFalse(same.changed());
        assertTrue(events.isEmpty());
        assertTrue(c.alarmLog().isEmpty());
    }

    @Test
    void aRaisedLimitThatThePresentValueViolatesAlarmsAfterItsDelayFromTheChange() {
        ChairMonitor c = chair();
        for (int s = 0; s <= 20; s++) {
            spo2(c, s, 91);
        }
        assertTrue(alarms.isEmpty());
        clock.now = T0.plusSeconds(20);
        assertTrue(c.changeLimit("spo2.low", 92, TestActors.nurse("alice")).accepted());
        for (int s = 21; s <= 35; s++) {
            spo2(c, s, 91);
        }
        assertEquals(1, alarms.size(), alarms.toString());
        assertEquals("spo2.low", alarms.get(0).alarmId());
        assertEquals(92.0, alarms.get(0).limit());
        assertEquals(T0.plusSeconds(35), alarms.get(0).time(), "15 s delay counted from the change");
        List<String> log = c.alarmLog().stream().map(AlarmLogEntry::event).toList();
        assertEquals(List.of("limit_changed", "raised"), log);
    }

    @Test
    void theAlarmLogHoldsAlarmEventsAndSilencingRecordsOldestFirst() {
        ChairMonitor c = chair();
        spo2(c, 0, 80);
        clock.now = T0.plusSeconds(5);
        c.pauseAudio(TestActors.nurse("bob"));
        clock.now = T0.plusSeconds(6);
        c.acknowledge(TestActors.nurse("bob"));
        clock.now = T0.plusSeconds(7);
        c.setAlarmEnabled("spo2.low", false, TestActors.admin("admin"));
        c.setAlarmEnabled("spo2.low", true, TestActors.admin("admin"));
        c.setBaseline(new Baseline(124.0, 78.0, 72.0), "bob");

        List<AlarmLogEntry> log = c.alarmLog();
        assertEquals(List.of("raised", "audio_paused", "acknowledged", "alarm_off", "alarm_on", "baseline_set"),
                log.stream().map(AlarmLogEntry::event).toList());
        AlarmLogEntry raised = log.get(0);
        assertEquals("spo2.desat", raised.alarmId());
        assertEquals(Priority.HIGH, raised.priority());
        assertEquals("spo2", raised.parameter());
        assertEquals(80.0, raised.value());
        assertEquals(85.0, raised.limit());
        AlarmLogEntry paused = log.get(1);
        assertEquals("bob", paused.user());
        assertEquals(T0.plusSeconds(5).plus(Duration.ofMinutes(2)), paused.until());
        assertEquals("bob", log.get(2).user());
        assertEquals("spo2.low", log.get(3).alarmId());
        assertEquals(Priority.MEDIUM, log.get(3).priority());
        assertEquals("admin", log.get(3).user());
        assertEquals("bob", log.get(5).user());
        assertFalse(log.get(5).detail().isEmpty(), "the baseline values are in the detail");
    }

    @Test
    void anAlarmSwitchedOffIsOffInTheConfigurationTheScreenReads() {
        ChairMonitor c = chair();
        c.setAlarmEnabled("spo2.low", false, TestActors.admin("admin"));
        assertFalse(c.alarmConfig().orElseThrow().rule("spo2.low").orElseThrow().enabled());
        assertTrue(c.alarms().disabled().contains("spo2.low"));
        assertTrue(events.contains("alarm_off|alarm=spo2.low|admin"), events.toString());
    }

    @Test
    void switchingAnUnknownAlarmIsLoggedAndIgnoredWithoutStoppingTheCore() {
        ChairMonitor c = chair();
        c.setAlarmEnabled("nope.low", false, TestActors.admin("admin"));
        assertTrue(c.alarmLog().isEmpty());
        spo2(c, 0, 80);
        assertEquals(1, alarms.size(), "the chair still works");
    }

    @Test
    void clinicDefaultsAreAppliedAndLoggedWithScopeClinic() {
        ChairMonitor c = chair();
        AlarmConfig before = AlarmConfig.defaults();
        AlarmConfig defaults = before.withRule(before.rule("spo2.low").orElseThrow().withThreshold(93));
        clock.now = T0.plusSeconds(60);

        c.applyClinicLimits(defaults, before, "carol (admin)");

        assertEquals(93.0, threshold(c, "spo2.low"));
        assertEquals(List.of("limit_changed|alarm=spo2.low old=90 new=93 scope=clinic clinic_old=90|carol (admin)"),
                events);
        AlarmLogEntry e = c.alarmLog().get(0);
        assertEquals("90 \u2192 93 (clinic defaults, were 90)", e.detail());
        assertEquals(93.0, c.requestedLimits().rule("spo2.low").orElseThrow().threshold());
    }

    @Test
    void theChairTheDefaultsWereSavedFromLogsTheClinicChangeEvenThoughItsOwnLimitStays() {
        ChairMonitor c = chair();
        assertTrue(c.changeLimit("spo2.low", 93, TestActors.nurse("alice")).accepted());
        events.clear();
        AlarmConfig before = AlarmConfig.defaults();

        c.applyClinicLimits(c.requestedLimits(), before, "carol (admin)");

        assertEquals(List.of("limit_changed|alarm=spo2.low old=93 new=93 scope=clinic clinic_old=90|carol (admin)"),
                events);
    }

    @Test
    void theLogKeepsOnlyTheNewestEntriesPastItsBound() {
        AlarmLogBook book = new AlarmLogBook(3);
        for (int i = 0; i < 5; i++) {
            book.add(new AlarmLogEntry(T0.plusSeconds(i), "raised", "a" + i, Priority.LOW, null, null, null, null, null,
                    null));
        }
        assertEquals(List.of("a2", "a3", "a4"), book.entries().stream().map(AlarmLogEntry::alarmId).toList());
        assertEquals(2, book.dropped());
    }

    private static final class MutableClock implements InstantSource {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }
    }
}
