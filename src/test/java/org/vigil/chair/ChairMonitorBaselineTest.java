package org.vigil.chair;

import org.vigil.testsupport.TestActors;
import org.vigil.session.CuffReading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vigil.testsupport.EventsOnly;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.Baseline;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * Set baseline at a live chair: HR from the monitor and SpO2/PR from the oximeter every second,
 * the cuff every 5 min, as a clinic sends them (the monitor's NIBP repetition already reduced to
 * one reading per measurement, as the device layer does).
 */
class ChairMonitorBaselineTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    /** The cuff at 0, 5, 10, 15, 20 and 25 min. */
    private static final int[][] CUFF = {{118, 76}, {122, 78}, {120, 77}, {124, 80}, {128, 82}, {167, 88}};

    private Instant now = T0;
    private final List<AlarmEvent> events = new ArrayList<>();
    private final List<String> records = new ArrayList<>();
    private final ChairMonitor chair = new ChairMonitor(new ChairSpec("c1", "Chair 1", true, List.of(
            device("mon", "ivy", Vital.HR, Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN),
            device("ox", "masimo", Vital.SPO2, Vital.PR))), AlarmConfig.defaults(), () -> now, Runnable::run,
            new EventsOnly((time, type, detail, user) -> records.add(type + " " + detail + " by " + user)));

    ChairMonitorBaselineTest() {
        chair.addAlarmListener(events::add);
    }

    @Test
    void setBaselineAfterTwentyMinutesOfOneHertzNumericsAndAFiveMinuteCuff() {
        runMinutes(0, 20, 72);
        now = T0.plusSeconds(20 * 60 + 1);
        BaselineChange c = chair.setBaselineFromLastCuffReadings(TestActors.nurse("carol"));

        assertTrue(c.accepted(), () -> "refused: " + c.refusal());
        assertEquals(new Baseline(126.0, 81.0, 72.0), c.baseline(), "average of 124/80 (15 min) and 128/82 (20 min)");
        assertEquals(new Baseline(126.0, 81.0, 72.0), chair.baseline().orElseThrow());
        assertEquals(List.of("baseline_set 126/81, hr 72, from the last 2 cuff readings 124/80 and 128/82 by carol"),
                records);
        assertEquals(5, chair.cuffReadings().size());

        // The rise-from-baseline alarms are on: 25 min cuff 167/88 is a rise of 41 systolic.
        runMinutes(21, 25, 90);
        assertTrue(events.stream().anyMatch(e -> e.alarmId().equals("nibp_sys.rise") && e.type() == AlarmEventType.RAISED
                && e.limit() == 166.0), events.toString());
    }

    @Test
    void aBaselineNeedsTwoCuffReadingsEvenWithHoursOfNumerics() {
        runMinutes(0, 4, 72);
        BaselineChange c = chair.setBaselineFromLastCuffReadings(TestActors.nurse("carol"));
        assertFalse(c.accepted());
        assertEquals("Needs 2 cuff readings (1 so far)", c.refusal());
        assertTrue(chair.baseline().isEmpty());
        assertTrue(records.isEmpty());
    }

    @Test
    void aCuffReadingTheStationMarkedInvalidIsNotABaselineReading() {
        runMinutes(0, 5, 72);
        now = T0.plusSeconds(6 * 60);
        chair.onReadings("mon", List.of(r("mon", Vital.NIBP_SYS, 190), r("mon", Vital.NIBP_DIA, 0, ReadingFlag.INVALID)));
        assertEquals(2, chair.cuffReadings().size());
        assertEquals(new Baseline(120.0, 77.0, 72.0), chair.setBaselineFromLastCuffReadings(TestActors.nurse("carol")).baseline());
    }

    @Test
    void theNurseTypesTheBaselineOrPicksTwoReadings() {
        runMinutes(0, 20, 72);
        BaselineChange wrong = chair.setBaselineTyped("78", "124", TestActors.nurse("carol"));
        assertEquals("Diastolic 124 must be below systolic 78", wrong.refusal());
        assertEquals("Systolic '12o' is not a number of mmHg", chair.setBaselineTyped("12o", "80", TestActors.nurse("carol")).refusal());
        assertEquals("Systolic 1240 mmHg is outside 60-260 mmHg", chair.setBaselineTyped("1240", "80", TestActors.nurse("carol")).refusal());
        assertEquals("Diastolic is empty: type it in mmHg", chair.setBaselineTyped("124", " ", TestActors.nurse("carol")).refusal());
        assertTrue(chair.baseline().isEmpty());

        assertTrue(chair.setBaselineTyped("124", "78", TestActors.nurse("carol")).accepted());
        assertEquals(new Baseline(124.0, 78.0, 72.0), chair.baseline().orElseThrow());

        List<CuffReading> cuffs = chair.cuffReadings();
        assertEquals("Pick exactly 2 cuff readings (1 picked)",
                chair.setBaselineFromCuffReadings(List.of(cuffs.get(0)), TestActors.nurse("dave")).refusal());
        assertTrue(chair.setBaselineFromCuffReadings(List.of(cuffs.get(2), cuffs.get(0)), TestActors.nurse("dave")).accepted());
        assertEquals(new Baseline(119.0, 76.5, 72.0), chair.baseline().orElseThrow());
        assertEquals(List.of("baseline_set 124/78, hr 72, typed by carol",
                "baseline_set 119/76.5, hr 72, from the chosen cuff readings 118/76 and 120/77 by dave"), records);
    }

    @Test
    void theCuffHistoryIsBoundedButHoldsADayAtOneCuffAMinute() {
        CuffHistory h = new CuffHistory();
        for (int i = 0; i < CuffHistory.LIMIT + 10; i++) {
            h.add(new CuffReading(T0.plusSeconds(60L * i), "mon", 100 + i % 50, 70, Double.NaN));
        }
        assertEquals(CuffHistory.LIMIT, h.all().size());
        assertEquals(T0.plusSeconds(60L * 10), h.all().get(0).time());
        assertTrue(CuffHistory.LIMIT >= 24 * 60);
    }

    /** Minutes {@code from}..{@code to} inclusive, one frame a second, the cuff on every fifth minute. */
    private void runMinutes(int from, int to, double hr) {
        for (int s = from * 60; s <= to * 60; s++) {
            now = T0.plusSeconds(s);
            List<Reading> monitor = new ArrayList<>(List.of(r("mon", Vital.HR, hr)));
            if (s % 300 == 0) {
                int[] bp = CUFF[s / 300];
                monitor.add(r("mon", Vital.NIBP_SYS, bp[0]));
                monitor.add(r("mon", Vital.NIBP_DIA, bp[1]));
                monitor.add(r("mon", Vital.NIBP_MEAN, bp[1] + (bp[0] - bp[1]) / 3));
            }
            chair.onReadings("mon", monitor);
            chair.onReadings("ox", List.of(r("ox", Vital.SPO2, 98), r("ox", Vital.PR, hr)));
            chair.tick();
        }
    }

    private Reading r(String dev, Vital v, double value, ReadingFlag... flags) {
        return new Reading(now, dev, v, value, Set.of(flags));
    }

    private static ChairSpec.Device device(String id, String p, Vital... vitals) {
        return new ChairSpec.Device(new DeviceInfo(id, id, p, "test", Set.of(vitals), true),
                new DeviceAlarmProfile(id, id, Duration.ofSeconds(10), vitals.length > 2 ? Duration.ofMinutes(5) : null, null));
    }
}
