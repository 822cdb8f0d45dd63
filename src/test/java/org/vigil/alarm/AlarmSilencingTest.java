package org.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Vital;

class AlarmSilencingTest {

    private final EngineHarness h = new EngineHarness().withQuietDevices();

    private void at(double seconds) {
        h.clock.set(EngineHarness.at(seconds));
    }

    @Test
    void desatLatchesUntilAcknowledged() {
        h.feed(0, "ox", Vital.SPO2, 83);
        h.feed(5, "ox", Vital.SPO2, 96);
        h.tickUntil(60, 1);
        ActiveAlarm a = h.shown("spo2.desat");
        assertFalse(a.conditionActive());
        assertTrue(a.audible(), "a latched alarm keeps sounding until acknowledged");
        at(61);
        h.engine.acknowledge("nurse1");
        assertEquals(List.of(
                "0,raised,spo2.desat,high,spo2,83,85",
                "5,ended,spo2.desat,high,spo2,83,85",
                "61,acknowledged,spo2.desat,high,spo2,83,85",
                "61,cleared,spo2.desat,high,spo2,83,85"), h.rows());
        assertEquals("nurse1", h.events.get(2).user());
        assertTrue(h.engine.snapshot().alarms().isEmpty());
    }

    @Test
    void aNonLatchingAlarmEndsAndClearsAtTheSameInstant() {
        h.nibp(0, 85, 60);
        h.tickUntil(60, 1);
        h.nibp(61, 120, 70);
        assertEquals(List.of(
                "0,raised,nibp_sys.low,medium,nibp_sys,85,90",
                "61,ended,nibp_sys.low,medium,nibp_sys,85,90",
                "61,cleared,nibp_sys.low,medium,nibp_sys,85,90"), h.rows());
    }

    @Test
    void aLatchedAlarmWhoseConditionReturnsIsRaisedAgainOnTheSameScreenEntry() {
        h.feed(0, "ox", Vital.SPO2, 83);
        h.feed(5, "ox", Vital.SPO2, 96);
        h.feed(9, "ox", Vital.SPO2, 82);
        assertEquals(List.of(
                "0,raised,spo2.desat,high,spo2,83,85",
                "5,ended,spo2.desat,high,spo2,83,85",
                "9,raised,spo2.desat,high,spo2,82,85"), h.rows());
        assertEquals(1, h.engine.snapshot().alarms().size());
        assertTrue(h.shown("spo2.desat").conditionActive());
    }

    @Test
    void acknowledgingWhileActiveKeepsTheVisualAndClearsWhenTheConditionEnds() {
        h.feed(0, "ox", Vital.SPO2, 83);
        at(2);
        h.engine.acknowledge("nurse1");
        ActiveAlarm a = h.shown("spo2.desat");
        assertTrue(a.acknowledged());
        assertFalse(a.audible());
        assertTrue(a.conditionActive());
        h.feed(4, "ox", Vital.SPO2, 97);
        assertEquals(List.of(
                "0,raised,spo2.desat,high,spo2,83,85",
                "2,acknowledged,spo2.desat,high,spo2,83,85",
                "4,ended,spo2.desat,high,spo2,83,85",
                "4,cleared,spo2.desat,high,spo2,83,85"), h.rows());
    }

    @Test
    void acknowledgingSilencesOnlyWhatIsActiveNow() {
        h.feed(0, "ox", Vital.SPO2, 83);
        at(1);
        h.engine.acknowledge("nurse1");
        h.nibp(2, 185, 80);
        assertTrue(h.shown("nibp_sys.very_high").audible(), "an alarm raised after acknowledging sounds");
        assertFalse(h.shown("spo2.desat").audible());
        assertEquals(Priority.HIGH, h.engine.snapshot().audiblePriority().orElseThrow());
    }

    @Test
    void acknowledgingTwiceDoesNothingMore() {
        h.feed(0, "ox", Vital.SPO2, 83);
        at(1);
        h.engine.acknowledge("nurse1");
        h.engine.acknowledge("nurse2");
        assertEquals(2, h.rows().size());
    }

    @Test
    void aConditionThatReturnsAfterBeingClearedIsANewAlarm() {
        h.feed(0, "ox", Vital.SPO2, 83);
        h.feed(1, "ox", Vital.SPO2, 97);
        at(2);
        h.engine.acknowledge("nurse1");
        h.feed(3, "ox", Vital.SPO2, 84);
        assertEquals("3,raised,spo2.desat,high,spo2,84,85", h.rows().get(4));
        ActiveAlarm a = h.shown("spo2.desat");
        assertFalse(a.acknowledged());
        assertTrue(a.audible());
    }

    @Test
    void audioPauseSilencesActiveAlarmsUntilItExpiresThenTheySoundAgain() {
        h.feed(0, "ox", Vital.SPO2, 83);
        at(10);
        h.engine.pauseAudio("nurse1");
        assertEquals(EngineHarness.at(130), h.engine.snapshot().audioPausedUntil());
        assertFalse(h.shown("spo2.desat").audible());
        assertTrue(h.engine.snapshot().audiblePriority().isEmpty());
        h.tickAt(129.9);
        assertFalse(h.shown("spo2.desat").audible());
        h.tickAt(130);
        assertTrue(h.shown("spo2.desat").audible(), "still present and unacknowledged: sounds again");
        assertNull(h.engine.snapshot().audioPausedUntil());
        assertEquals(List.of(SilencingEventType.AUDIO_PAUSED, SilencingEventType.AUDIO_PAUSE_ENDED),
                h.silencing.stream().map(SilencingEvent::type).toList());
        SilencingEvent paused = h.silencing.get(0);
        assertEquals(EngineHarness.at(10), paused.time());
        assertEquals(EngineHarness.at(130), paused.until());
        assertEquals("nurse1", paused.user());
        assertNull(h.silencing.get(1).user());
    }

    @Test
    void anAlarmRaisedDuringAPauseIsNotSilencedByIt() {
        h.feed(0, "ox", Vital.SPO2, 83);
        at(1);
        h.engine.pauseAudio("nurse1");
        h.nibp(30, 185, 80);
        assertTrue(h.shown("nibp_sys.very_high").audible());
        assertFalse(h.shown("spo2.desat").audible());
    }

    @Test
    void aPauseDoesNotMakeAnyAlarmDisappear() {
        h.feed(0, "ox", Vital.SPO2, 83);
        h.feed(1, "ox", Vital.SPO2, 97);
        at(2);
        h.engine.pauseAudio("nurse1");
        h.tickUntil(200, 1);
        assertTrue(h.onScreen("spo2.desat").isPresent());
        assertTrue(h.shown("spo2.desat").audible());
    }

    @Test
    void cancellingThePauseResoundsAtOnceAndIsRecorded() {
        h.feed(0, "ox", Vital.SPO2, 83);
        at(1);
        h.engine.pauseAudio("nurse1");
        at(5);
        h.engine.cancelAudioPause("nurse2");
        assertTrue(h.shown("spo2.desat").audible());
        SilencingEvent end = h.silencing.get(1);
        assertEquals(SilencingEventType.AUDIO_PAUSE_ENDED, end.type());
        assertEquals("nurse2", end.user());
        h.engine.cancelAudioPause("nurse2");
        assertEquals(2, h.silencing.size(), "cancelling without a pause records nothing");
    }

    @Test
    void anAlarmSwitchedOffNeverRaisesAndShowsAsOff() {
        at(0);
        h.engine.setAlarmEnabled("spo2.desat", false, "admin");
        h.feed(1, "ox", Vital.SPO2, 80);
        assertTrue(h.rows("spo2.desat").isEmpty());
        assertEquals(java.util.Set.of("spo2.desat"), h.engine.snapshot().disabled());
        assertFalse(h.engine.config().rule("spo2.desat").orElseThrow().enabled());
        SilencingEvent off = h.silencing.get(0);
        assertEquals(SilencingEventType.ALARM_OFF, off.type());
        assertEquals("spo2.desat", off.alarmId());
        assertEquals("admin", off.user());
    }

    @Test
    void switchingARaisedAlarmOffClearsItAndSwitchingItOnRaisesItAgain() {
        h.feed(0, "ox", Vital.SPO2, 80);
        at(1);
        h.engine.setAlarmEnabled("spo2.desat", false, "admin");
        assertEquals(List.of("0,raised,spo2.desat,high,spo2,80,85", "1,cleared,spo2.desat,high,spo2,80,85"), h.rows());
        assertFalse(h.onScreen("spo2.desat").isPresent());
        at(2);
        h.engine.setAlarmEnabled("spo2.desat", true, "admin");
        assertEquals("2,raised,spo2.desat,high,spo2,80,85", h.rows().get(2));
        assertTrue(h.engine.snapshot().disabled().isEmpty());
        assertEquals(SilencingEventType.ALARM_ON, h.silencing.get(1).type());
    }

    @Test
    void technicalAlarmsCanBeSwitchedOffTooButUnknownIdsAreRefused() {
        EngineHarness e = new EngineHarness().withDevices();
        e.clock.set(EngineHarness.at(0));
        e.engine.setAlarmEnabled("mon.nibp_overdue", false, "admin");
        e.engine.setAlarmEnabled("mon.no_data", false, "admin");
        e.tickUntil(600, 1);
        assertTrue(e.rows("mon.nibp_overdue").isEmpty());
        assertTrue(e.rows("mon.no_data").isEmpty());
        assertEquals(List.of("10,raised,ox.no_data,medium,ox,,"), e.rows("ox.no_data").subList(0, 1));
        assertThrows(IllegalArgumentException.class, () -> e.engine.setAlarmEnabled("spo2.nonsense", false, "admin"));
    }

    @Test
    void anUnacknowledgedMediumAlarmEscalatesAfterThreeMinutes() {
        h.hold("ox", Vital.SPO2, 88, 0, 194);
        h.tickAt(194.999);
        assertEquals(1, h.rows().size());
        h.tickAt(195);
        assertEquals(List.of(
                "15,raised,spo2.low,medium,spo2,88,90",
                "195,escalated,spo2.low,high,spo2,88,90"), h.rows());
        ActiveAlarm a = h.shown("spo2.low");
        assertTrue(a.escalated());
        assertEquals(Priority.HIGH, a.priority());
    }

    @Test
    void anAcknowledgedMediumAlarmDoesNotEscalate() {
        h.hold("ox", Vital.SPO2, 88, 0, 20);
        at(20.5);
        h.engine.acknowledge("nurse1");
        h.hold("ox", Vital.SPO2, 88, 21, 400);
        assertEquals(List.of(
                "15,raised,spo2.low,medium,spo2,88,90",
                "20.5,acknowledged,spo2.low,medium,spo2,88,90"), h.rows());
    }

    @Test
    void aLatchedAlarmWhoseConditionEndedDoesNotEscalate() {
        LimitRule r = AlarmConfig.defaults().rule("spo2.low").orElseThrow();
        AlarmConfig c = AlarmConfig.defaults().withRule(new LimitRule(r.id(), r.vital(), r.direction(), r.threshold(),
                r.inclusive(), r.reference(), r.priority(), r.conditionDelay(), true, true));
        EngineHarness e = new EngineHarness(c).withQuietDevices();
        e.hold("ox", Vital.SPO2, 88, 0, 20);
        e.feed(21, "ox", Vital.SPO2, 96);
        e.tickUntil(400, 1);
        assertEquals(List.of(
                "15,raised,spo2.low,medium,spo2,88,90",
                "21,ended,spo2.low,medium,spo2,88,90"), e.rows());
        assertTrue(e.shown("spo2.low").audible());
    }

    @Test
    void escalationCanBeSwitchedOff() {
        AlarmConfig d = AlarmConfig.defaults();
        EngineHarness e = new EngineHarness(new AlarmConfig(d.rules(), d.technicalPriorities(), d.latchingTechnical(),
                d.audioPause(), null, d.nibpGrace(), true)).withQuietDevices();
        e.hold("ox", Vital.SPO2, 88, 0, 400);
        assertEquals(List.of("15,raised,spo2.low,medium,spo2,88,90"), e.rows());
    }

    @Test
    void anEditedLimitIsInForceAtOnceAndPresentConditionsAreReevaluated() {
        h.hold("ox", Vital.SPO2, 91, 0, 5);
        at(6);
        AlarmConfig stricter = h.engine.config().withRule(h.engine.config().rule("spo2.low").orElseThrow().withThreshold(92));
        h.engine.updateConfig(stricter, "admin");
        h.tickAt(20.9);
        assertEquals(List.of(), h.rows(), "the condition starts when the new limit comes into force");
        h.tickAt(21);
        assertEquals(List.of("21,raised,spo2.low,medium,spo2,91,92"), h.rows());
        at(30);
        h.engine.updateConfig(AlarmConfig.defaults(), "admin");
        assertEquals(List.of(
                "21,raised,spo2.low,medium,spo2,91,92",
                "30,ended,spo2.low,medium,spo2,91,92",
                "30,cleared,spo2.low,medium,spo2,91,92"), h.rows());
        assertEquals(List.of(SilencingEventType.CONFIG_CHANGED, SilencingEventType.CONFIG_CHANGED),
                h.silencing.stream().map(SilencingEvent::type).toList());
        assertEquals("admin", h.silencing.get(0).user());
    }

    @Test
    void aRuleRemovedFromTheConfigurationLeavesTheScreen() {
        h.feed(0, "ox", Vital.SPO2, 80);
        h.feed(1, "ox", Vital.SPO2, 97);
        AlarmConfig d = AlarmConfig.defaults();
        List<LimitRule> rules = d.rules().stream().filter(r -> !r.id().equals("spo2.desat")).toList();
        at(2);
        h.engine.updateConfig(new AlarmConfig(rules, d.technicalPriorities(), d.latchingTechnical(), d.audioPause(),
                d.escalateMediumAfter(), d.nibpGrace(), true), "admin");
        assertFalse(h.onScreen("spo2.desat").isPresent());
        assertEquals("2,cleared,spo2.desat,high,spo2,80,85", h.rows().get(2));
    }
}
