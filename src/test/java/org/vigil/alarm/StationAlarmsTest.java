package org.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Station-wide technical alarms: held once for the station, never by a chair's engine. */
class StationAlarmsTest {

    private final MutableClock clock = new MutableClock(EngineHarness.T0);
    private final List<AlarmEvent> events = new ArrayList<>();
    private final StationAlarms station = new StationAlarms(AlarmConfig.defaults(), clock, events::add);

    private List<String> rows() {
        return events.stream().map(e -> AlarmLogFormat.row(e, EngineHarness.T0)).toList();
    }

    private void tickEvery100msUntil(double seconds) {
        for (long ms = 100; ms <= Math.round(seconds * 1000); ms += 100) {
            clock.set(EngineHarness.T0.plusMillis(ms));
            station.tick();
        }
    }

    @Test
    void aFaultRaisesOnceAndEndsUnderTheStationId() {
        clock.set(EngineHarness.at(3));
        station.fault(TechnicalAlarmType.RECORDING_FAILED, true, "disk full");
        station.fault(TechnicalAlarmType.RECORDING_FAILED, true, "disk full");
        clock.set(EngineHarness.at(8));
        station.fault(TechnicalAlarmType.RECORDING_FAILED, false, null);
        assertEquals(List.of(
                "3,raised,station.recording_failed,medium,station,,",
                "8,ended,station.recording_failed,medium,station,,",
                "8,cleared,station.recording_failed,medium,station,,"), rows());
        assertEquals("Station: recording unavailable (disk full)", events.get(0).message());
        assertThrows(IllegalArgumentException.class, () -> station.fault(TechnicalAlarmType.NO_DATA, true, null));
    }

    @Test
    void oneAcknowledgeForTheStationAndItNoLongerEscalates() {
        station.fault(TechnicalAlarmType.AUDIO_UNAVAILABLE, true, "no sound output device");
        tickEvery100msUntil(60);
        station.acknowledge("nurse");
        tickEvery100msUntil(600);
        ActiveAlarm a = station.snapshot().alarms().get(0);
        assertTrue(a.acknowledged());
        assertEquals(Priority.MEDIUM, a.priority());
        assertEquals(List.of("0,raised,station.audio_unavailable,medium,station,,",
                "60,acknowledged,station.audio_unavailable,medium,station,,"), rows());
    }

    @Test
    void unacknowledgedItEscalatesAsATechnicalAlarmOfItsOwn() {
        station.fault(TechnicalAlarmType.AUDIO_UNAVAILABLE, true, "no sound output device");
        tickEvery100msUntil(180);
        assertEquals("180,escalated,station.audio_unavailable,high,station,,", rows().get(1));
        assertEquals(Priority.HIGH, station.snapshot().highest().orElseThrow());
    }

    @Test
    void aChairsEngineHasNoStationAlarm() {
        EngineHarness h = new EngineHarness().withDevices();
        assertThrows(IllegalArgumentException.class,
                () -> h.engine.setAlarmEnabled("station.audio_unavailable", false, "admin"));
    }
}
