package org.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

class NibpAlarmTest {

    private final EngineHarness h = new EngineHarness().withQuietDevices();

    @Test
    void aViolatingMeasurementRaisesAtOnceAndPersistsUntilAMeasurementDoesNot() {
        h.nibp(0, 176, 70);
        assertEquals(List.of("0,raised,nibp_sys.high,medium,nibp_sys,176,160"), h.rows());
        h.tickUntil(299, 1);
        assertTrue(h.shown("nibp_sys.high").conditionActive(), "between measurements the condition persists");
        h.nibp(300, 170, 70);
        h.nibp(600, 150, 70);
        // unacknowledged with its condition present, the medium alarm escalated after 3 min;
        // the second violating measurement is the same alarm
        assertEquals(List.of(
                "0,raised,nibp_sys.high,medium,nibp_sys,176,160",
                "180,escalated,nibp_sys.high,high,nibp_sys,176,160",
                "600,ended,nibp_sys.high,high,nibp_sys,176,160",
                "600,cleared,nibp_sys.high,high,nibp_sys,176,160"), h.rows());
    }

    @Test
    void severeHypertensionRaisesHighAndMediumTogether() {
        h.nibp(0, 182, 112);
        assertEquals(List.of(
                "0,raised,nibp_sys.high,medium,nibp_sys,182,160",
                "0,raised,nibp_sys.very_high,high,nibp_sys,182,180",
                "0,raised,nibp_dia.high,medium,nibp_dia,112,90",
                "0,raised,nibp_dia.very_high,high,nibp_dia,112,110",
                "0,raised,nibp_mean.high,medium,nibp_mean,135,110"), h.rows());
    }

    @Test
    void cuffInflatingReadingsOnlyMeanTheCuffIsUp() {
        h.nibp(0, 176, 70);
        h.feed(300, "mon", Vital.NIBP_SYS, Double.NaN, ReadingFlag.CUFF_INFLATING, ReadingFlag.INVALID);
        h.feed(301, "mon", Vital.NIBP_SYS, 60, ReadingFlag.CUFF_INFLATING);
        assertEquals(1, h.rows().size());
        assertTrue(h.shown("nibp_sys.high").conditionActive());
    }

    @Test
    void aFailedMeasurementLeavesTheLastOneStanding() {
        h.nibp(0, 85, 60);
        h.feed(300, "mon", Vital.NIBP_SYS, Double.NaN, ReadingFlag.INVALID);
        assertEquals(List.of("0,raised,nibp_sys.low,medium,nibp_sys,85,90"), h.rows());
        assertTrue(h.shown("nibp_sys.low").conditionActive());
    }

    @Test
    void nibpIgnoresTheConditionDelay() {
        LimitRule slow = AlarmConfig.defaults().rule("nibp_sys.high").orElseThrow();
        AlarmConfig c = AlarmConfig.defaults().withRule(new LimitRule(slow.id(), slow.vital(), slow.direction(),
                slow.threshold(), slow.inclusive(), slow.reference(), slow.priority(), java.time.Duration.ofMinutes(1),
                slow.latching(), true));
        EngineHarness e = new EngineHarness(c).withQuietDevices();
        e.nibp(5, 170, 80);
        assertEquals(List.of("5,raised,nibp_sys.high,medium,nibp_sys,170,160"), e.rows());
    }

    @Test
    void riseFromBaselineIsInactiveWithoutABaseline() {
        h.nibp(0, 150, 85);
        assertEquals(List.of(), h.rows());
    }

    @Test
    void riseFromBaselineRaisesAtFortyAboveAndPrintsBaselinePlusForty() {
        h.engine.setBaseline(new Baseline(110.0, 70.0, 72.0), "nurse1");
        h.nibp(0, 149, 80);
        assertEquals(List.of(), h.rows(), "a rise of 39 does not alarm");
        h.nibp(300, 150, 80);
        assertEquals(List.of("300,raised,nibp_sys.rise,medium,nibp_sys,150,150"), h.rows());
        h.nibp(600, 150, 95);
        assertEquals(List.of("600,raised,nibp_dia.rise,medium,nibp_dia,95,95"), h.rows("nibp_dia.rise"));
        assertEquals("NIBP dia 95 \u2265 95 (baseline +25)", h.shown("nibp_dia.rise").message());
    }

    @Test
    void settingABaselineReevaluatesTheLastMeasurement() {
        h.nibp(0, 150, 80);
        assertEquals(List.of(), h.rows());
        h.clock.set(EngineHarness.at(10));
        h.engine.setBaseline(new Baseline(105.0, 70.0, null), "nurse1");
        assertEquals(List.of("10,raised,nibp_sys.rise,medium,nibp_sys,150,145"), h.rows());
        h.clock.set(EngineHarness.at(20));
        h.engine.setBaseline(null, "nurse1");
        assertEquals(List.of(
                "10,raised,nibp_sys.rise,medium,nibp_sys,150,145",
                "20,ended,nibp_sys.rise,medium,nibp_sys,150,145",
                "20,cleared,nibp_sys.rise,medium,nibp_sys,150,145"), h.rows());
        assertEquals(SilencingEventType.BASELINE_SET, h.silencing.get(0).type());
        assertEquals("105/70", h.silencing.get(0).detail());
        assertEquals("cleared", h.silencing.get(1).detail());
    }

    @Test
    void baselineIsTheAverageOfTheLastTwoValidCuffMeasurements() {
        List<Reading> history = List.of(
                EngineHarness.reading(0, "mon", Vital.NIBP_SYS, 140),
                EngineHarness.reading(0, "mon", Vital.NIBP_DIA, 90),
                EngineHarness.reading(1, "mon", Vital.HR, 70),
                EngineHarness.reading(300, "mon", Vital.NIBP_SYS, 126),
                EngineHarness.reading(300, "mon", Vital.NIBP_DIA, 80),
                EngineHarness.reading(400, "mon", Vital.NIBP_SYS, Double.NaN, ReadingFlag.CUFF_INFLATING),
                EngineHarness.reading(401, "mon", Vital.NIBP_SYS, 200, ReadingFlag.QUESTIONABLE),
                EngineHarness.reading(600, "mon", Vital.NIBP_SYS, 123),
                EngineHarness.reading(600, "mon", Vital.NIBP_DIA, 77),
                EngineHarness.reading(601, "mon", Vital.HR, 74));
        Baseline b = Baseline.fromLastTwoNibp(history).orElseThrow();
        assertEquals(new Baseline(124.5, 78.5, 74.0), b);
    }

    @Test
    void noBaselineFromFewerThanTwoMeasurements() {
        List<Reading> history = List.of(
                EngineHarness.reading(0, "mon", Vital.NIBP_SYS, 140),
                EngineHarness.reading(0, "mon", Vital.NIBP_DIA, 90),
                EngineHarness.reading(300, "mon", Vital.NIBP_SYS, 130));
        assertFalse(Baseline.fromLastTwoNibp(history).isPresent());
    }
}
