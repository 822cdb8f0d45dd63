package org.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

class AlarmEngineOrderTest {

    @Test
    void eventsOfOneTickAreOrderedByAlarmId() {
        EngineHarness h = new EngineHarness();
        h.engine.addDevice(new DeviceAlarmProfile("zeta", "Z", Duration.ofHours(1), null, null));
        h.engine.addDevice(new DeviceAlarmProfile("alpha", "A", Duration.ofHours(1), null, null));
        h.engine.addDevice(new DeviceAlarmProfile("beta", "B", Duration.ofSeconds(15), null, null));
        h.feed(0, "zeta", Vital.SPO2, 88);
        h.feed(5, "zeta", Vital.PI, Double.NaN, ReadingFlag.PULSE_SEARCH);
        h.feed(5, "alpha", Vital.HR, 45);
        h.tickAt(14.9);
        assertEquals(List.of(), h.rows());
        h.tickAt(15);
        assertEquals(List.of(
                "15,raised,beta.no_data,medium,beta,,",
                "15,raised,hr.low,medium,hr,45,50",
                "15,raised,spo2.low,medium,spo2,88,90",
                "15,raised,zeta.pulse_search,low,zeta,,"), h.rows());
    }

    @Test
    void eventTimesNeverGoBackwards() {
        EngineHarness h = new EngineHarness().withDevices();
        for (int t = 0; t < 900; t++) {
            h.feed(t, "ox", Vital.SPO2, t % 120 < 40 ? 84 : 97);
            h.feed(t, "ox", Vital.PR, t % 200 < 30 ? 135 : 80);
            if (t % 300 == 0) {
                h.nibp(t, 150 + t / 20.0, 85);
            }
            if (t % 250 == 100) {
                h.engine.acknowledge("nurse1");
            }
            h.tickAt(t + 0.5);
        }
        assertTrue(h.events.size() > 20);
        for (int i = 1; i < h.events.size(); i++) {
            assertTrue(!h.events.get(i).time().isBefore(h.events.get(i - 1).time()), "event " + i + " out of order");
        }
    }

    @Test
    void theSnapshotShowsHighestPriorityFirstThenNewest() {
        EngineHarness h = new EngineHarness().withQuietDevices();
        h.nibp(0, 165, 70);
        h.feed(1, "ox", Vital.SPO2, 84);
        h.nibp(2, 185, 70);
        List<String> ids = h.engine.snapshot().alarms().stream().map(ActiveAlarm::id).toList();
        assertEquals(List.of("nibp_sys.very_high", "spo2.desat", "nibp_sys.high"), ids);
        assertEquals(Priority.HIGH, h.engine.snapshot().highest().orElseThrow());
    }

    @Test
    void theVersionChangesWithWhatTheScreenShows() {
        EngineHarness h = new EngineHarness().withQuietDevices();
        long v0 = h.engine.version();
        h.feed(0, "ox", Vital.SPO2, 97);
        h.tickAt(1);
        assertEquals(v0, h.engine.version());
        h.feed(2, "ox", Vital.SPO2, 80);
        long v1 = h.engine.version();
        assertNotEquals(v0, v1);
        h.clock.set(EngineHarness.at(3));
        h.engine.pauseAudio("nurse1");
        assertNotEquals(v1, h.engine.version());
    }
}
