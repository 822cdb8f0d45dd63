package org.vigil.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.Priority;

class CursorReadoutTest {

    private final Track hr = Track.of("hr", "HR", "/min", "#33e06a");
    private final Track spo2 = Track.of("spo2", "SpO2", "%", "#27d3f2");
    private final List<Lane> lanes = List.of(Lane.of("heart", "Heart", "/min", 40, 140, hr),
            Lane.of("ox", "SpO2", "%", 80, 100, spo2));
    private final Map<String, TimeSeries> data = Map.of(
            "hr", TimeSeries.wrap(new long[] {0, 1000, 2000, 30_000}, new double[] {70, 71, Double.NaN, 90}),
            "spo2", TimeSeries.wrap(new long[] {0, 1000, 2000}, new double[] {97, 96, 95}));
    private final List<PhaseBand> phases = List.of(new PhaseBand(0, 10_000, "baseline"),
            new PhaseBand(10_000, 60_000, "infusion"));
    private final List<AlarmBand> alarms = List.of(AlarmBand.of(500, 1500, Priority.HIGH, "SpO2 low"),
            AlarmBand.of(900, 5000, Priority.LOW, "HR high"));
    private final List<CuffReading> cuffs = List.of(new CuffReading(0, 120, 80, 93), new CuffReading(20_000, 130, 85, 100));

    @Test
    void readsEachTrackThePhaseTheAlarmsAndTheLastCuff() {
        CursorReadout r = CursorReadout.at(1100, lanes, data, phases, alarms, cuffs);
        assertEquals(71, r.value("hr").orElseThrow().value());
        assertEquals(1000, r.value("hr").orElseThrow().sampleTime());
        assertEquals(96, r.value("spo2").orElseThrow().value());
        assertEquals("baseline", r.phase().orElseThrow());
        assertEquals(List.of("SpO2 low", "HR high"), r.alarms().stream().map(AlarmBand::text).toList());
        assertEquals(120, r.lastCuff().orElseThrow().sys());
    }

    @Test
    void aGapOrASilenceGivesNoValue() {
        CursorReadout atGap = CursorReadout.at(2000, lanes, data, phases, alarms, cuffs);
        assertTrue(atGap.value("hr").isEmpty(), "NaN is a gap");
        CursorReadout silent = CursorReadout.at(15_000, lanes, data, phases, alarms, cuffs);
        assertTrue(silent.value("hr").isEmpty(), "nearest sample 13 s away: beyond the 5 s gap");
        assertTrue(silent.value("spo2").isEmpty());
        assertEquals("infusion", silent.phase().orElseThrow());
        assertTrue(silent.alarms().isEmpty());
        assertEquals(0, silent.lastCuff().orElseThrow().time());
        assertTrue(CursorReadout.at(-1, lanes, data, phases, alarms, cuffs).lastCuff().isEmpty());
    }
}
