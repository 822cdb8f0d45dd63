package org.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

class ContinuousVitalAlarmTest {

    private final EngineHarness h = new EngineHarness().withQuietDevices();

    @Test
    void lowSpo2IsRaisedExactlyWhenItsDelayHasElapsedNotBefore() {
        h.feed(0, "ox", Vital.SPO2, 88);
        h.tickAt(14.999);
        assertEquals(List.of(), h.rows());
        h.tickAt(15);
        assertEquals(List.of("15,raised,spo2.low,medium,spo2,88,90"), h.rows());
        assertTrue(h.shown("spo2.low").audible());
    }

    @Test
    void aConditionIsRaisedOnTheReadingThatCompletesItsDelay() {
        h.hold("ox", Vital.HR, 45, 0, 10);
        assertEquals(List.of("10,raised,hr.low,medium,hr,45,50"), h.rows());
    }

    @Test
    void theValuePrintedIsTheReadingThatRaisedIt() {
        h.feed(0, "ox", Vital.SPO2, 89);
        h.feed(7, "ox", Vital.SPO2, 87);
        h.tickAt(15);
        assertEquals(List.of("15,raised,spo2.low,medium,spo2,87,90"), h.rows());
    }

    @Test
    void aConditionThatEndsBeforeItsDelayNeverRaises() {
        h.hold("ox", Vital.SPO2, 88, 0, 14);
        h.feed(14.5, "ox", Vital.SPO2, 95);
        h.tickUntil(60, 0.25);
        assertEquals(List.of(), h.rows());
        assertTrue(h.engine.snapshot().alarms().isEmpty());
    }

    @Test
    void aConditionThatComesBackStartsItsDelayAgain() {
        h.feed(0, "ox", Vital.SPO2, 88);
        h.feed(10, "ox", Vital.SPO2, 95);
        h.feed(11, "ox", Vital.SPO2, 88);
        h.tickAt(25.9);
        assertEquals(List.of(), h.rows());
        h.tickAt(26);
        assertEquals(List.of("26,raised,spo2.low,medium,spo2,88,90"), h.rows());
    }

    @Test
    void desaturationBelow85IsRaisedOnTheViolatingReadingItself() {
        h.feed(3, "ox", Vital.SPO2, 84);
        assertEquals(List.of("3,raised,spo2.desat,high,spo2,84,85"), h.rows());
        assertEquals(Priority.HIGH, h.engine.snapshot().audiblePriority().orElseThrow());
    }

    @Test
    void aRespirationRateOf25RaisesTheMediumAlarmAloneWithTheDefaultLimits() {
        // 1 Hz RR from the monitor: 14, then a climb to 25-27 breaths/min held for 20 s.
        h.hold("mon", Vital.RR, 14, 0, 29);
        h.hold("mon", Vital.RR, 25, 30, 40);
        h.hold("mon", Vital.RR, 27, 41, 50);
        assertEquals(List.of("45,raised,rr.high,medium,rr,27,24"), h.rows());
        assertEquals(Priority.MEDIUM, h.engine.snapshot().audiblePriority().orElseThrow());
        h.hold("mon", Vital.RR, 30, 51, 66);
        assertEquals(List.of("45,raised,rr.high,medium,rr,27,24", "66,raised,rr.very_high,high,rr,30,30"), h.rows());
    }

    @Test
    void spo2TiersAreIndependentAlarms() {
        h.feed(0, "ox", Vital.SPO2, 84);
        h.feed(1, "ox", Vital.SPO2, 87);
        h.tickAt(15);
        assertEquals(List.of(
                "0,raised,spo2.desat,high,spo2,84,85",
                "1,ended,spo2.desat,high,spo2,84,85",
                "15,raised,spo2.low,medium,spo2,87,90"), h.rows());
        // desat latches: still on screen, its condition gone
        assertFalse(h.shown("spo2.desat").conditionActive());
        assertTrue(h.shown("spo2.low").conditionActive());
    }

    @Test
    void aValueTheDeviceFlagsInvalidNeverCountsAsLow() {
        h.feed(0, "ox", Vital.SPO2, 40, ReadingFlag.INVALID);
        h.feed(1, "ox", Vital.SPO2, 0, ReadingFlag.SENSOR_OFF);
        h.feed(2, "ox", Vital.SPO2, 30, ReadingFlag.PULSE_SEARCH);
        h.feed(3, "ox", Vital.SPO2, Double.NaN);
        h.tickUntil(40, 0.5);
        assertTrue(h.rows("spo2.desat").isEmpty());
        assertTrue(h.rows("spo2.low").isEmpty());
    }

    @Test
    void anUnknownReadingEndsTheCondition() {
        h.feed(0, "ox", Vital.HR, 140);
        h.tickAt(10);
        h.feed(11, "ox", Vital.HR, Double.NaN, ReadingFlag.INVALID);
        assertEquals(List.of(
                "10,raised,hr.high,medium,hr,140,120",
                "10,raised,hr.very_high,high,hr,140,130",
                "11,ended,hr.high,medium,hr,140,120",
                "11,cleared,hr.high,medium,hr,140,120",
                "11,ended,hr.very_high,high,hr,140,130",
                "11,cleared,hr.very_high,high,hr,140,130"), h.rows());
    }

    @Test
    void anUnknownReadingBeforeTheDelayRestartsTheCondition() {
        h.feed(0, "ox", Vital.SPO2, 88);
        h.feed(8, "ox", Vital.SPO2, Double.NaN, ReadingFlag.INVALID);
        h.feed(9, "ox", Vital.SPO2, 88);
        h.tickAt(15);
        h.tickAt(23.9);
        assertEquals(List.of(), h.rows());
        h.tickAt(24);
        assertEquals(List.of("24,raised,spo2.low,medium,spo2,88,90"), h.rows());
    }

    @Test
    void questionableReadingsNeitherStartNorEndNorRaise() {
        // neither starts
        h.feed(0, "ox", Vital.SPO2, 70, ReadingFlag.QUESTIONABLE);
        h.tickUntil(20, 1);
        assertEquals(List.of(), h.rows());
        // a real low reading starts the condition; questionable ones after it do not carry it to raise
        h.feed(21, "ox", Vital.SPO2, 88);
        h.feed(22, "ox", Vital.SPO2, 88, ReadingFlag.QUESTIONABLE);
        h.tickUntil(40, 1);
        assertEquals(List.of(), h.rows());
        // the next real reading still violates: the condition has lasted past its delay, so it raises
        h.feed(41, "ox", Vital.SPO2, 88);
        assertEquals(List.of("41,raised,spo2.low,medium,spo2,88,90"), h.rows());
        // nor ends
        h.feed(42, "ox", Vital.SPO2, 99, ReadingFlag.QUESTIONABLE);
        assertTrue(h.shown("spo2.low").conditionActive());
        h.feed(43, "ox", Vital.SPO2, 99);
        assertEquals("43,ended,spo2.low,medium,spo2,88,90", h.rows().get(1));
    }

    @Test
    void aQuestionableDesaturationDuringCuffInflationRaisesNothing() {
        h.feed(0, "ox", Vital.SPO2, 80, ReadingFlag.QUESTIONABLE);
        assertEquals(List.of(), h.rows());
    }

    @Test
    void pulseRateIsSilentWhileAValidHeartRateArrivesAndAlarmsOnceItStops() {
        EngineHarness e = new EngineHarness().withDevices(Duration.ofHours(1));
        e.engine.addDevice(new DeviceAlarmProfile("ecg", "ECG", Duration.ofSeconds(10), null, null));
        for (int t = 0; t <= 30; t++) {
            e.feed(t, "ecg", Vital.HR, 72);
            e.feed(t, "ox", Vital.PR, 35);
            e.tickAt(t + 0.5);
        }
        assertTrue(e.rows("pr.low").isEmpty(), "pr alarms while hr is valid");
        // the ECG stops at 30 s: hr is stale at 40 s, pr alarms count from then
        for (int t = 31; t <= 60; t++) {
            e.feed(t, "ox", Vital.PR, 35);
            e.tickAt(t + 0.5);
        }
        assertEquals(List.of("50,raised,pr.low,medium,pr,35,50"), e.rows("pr.low"));
        assertEquals(List.of("50,raised,pr.very_low,high,pr,35,40"), e.rows("pr.very_low"));
    }

    @Test
    void aValidHeartRateEndsRunningPulseRateConditions() {
        h.feed(0, "ox", Vital.PR, 130);
        h.tickAt(10);
        assertEquals(2, h.rows().size());
        h.feed(11, "mon", Vital.HR, 80);
        assertFalse(h.onScreen("pr.high").isPresent());
        assertFalse(h.onScreen("pr.very_high").isPresent());
    }

    @Test
    void pulseRateAlarmsWithHeartRateWhenTheClinicTurnsSuppressionOff() {
        AlarmConfig c = AlarmConfig.defaults();
        AlarmConfig both = new AlarmConfig(c.rules(), c.technicalPriorities(), c.latchingTechnical(), c.audioPause(),
                c.escalateMediumAfter(), c.nibpGrace(), false);
        EngineHarness e = new EngineHarness(both).withQuietDevices();
        for (int t = 0; t <= 10; t++) {
            e.feed(t, "mon", Vital.HR, 72);
            e.feed(t, "ox", Vital.PR, 45);
        }
        assertEquals(List.of("10,raised,pr.low,medium,pr,45,50"), e.rows());
    }

    @Test
    void respirationRateUsesItsFifteenSecondDelay() {
        h.feed(0, "mon", Vital.RR, 7);
        h.tickAt(14.9);
        assertEquals(List.of(), h.rows());
        h.tickAt(15);
        assertEquals(List.of("15,raised,rr.low,medium,rr,7,10", "15,raised,rr.very_low,high,rr,7,8"), h.rows());
    }

    @Test
    void aSilentDeviceEndsTheConditionsOfItsVitals() {
        EngineHarness e = new EngineHarness().withDevices();
        e.feed(0, "mon", Vital.NIBP_SYS, 120);
        e.hold("ox", Vital.SPO2, 88, 0, 20);
        assertEquals(List.of("15,raised,spo2.low,medium,spo2,88,90"), e.rows("spo2.low"));
        e.tickUntil(31, 0.25);
        assertEquals(List.of(
                "15,raised,spo2.low,medium,spo2,88,90",
                "30,ended,spo2.low,medium,spo2,88,90",
                "30,cleared,spo2.low,medium,spo2,88,90"), e.rows("spo2.low"));
        assertEquals(List.of("30,raised,ox.no_data,medium,ox,,"), e.rows("ox.no_data"));
    }

    @Test
    void readingsFromAnUnregisteredDeviceStillRaisePhysiologicalAlarms() {
        EngineHarness e = new EngineHarness();
        e.feed(0, "stray", Vital.SPO2, 80);
        assertEquals(List.of("0,raised,spo2.desat,high,spo2,80,85"), e.rows());
        e.tickUntil(60, 1);
        assertTrue(e.events.stream().noneMatch(ev -> ev.kind() == AlarmKind.TECHNICAL),
                "no technical alarms for a device the engine does not know");
    }
}
