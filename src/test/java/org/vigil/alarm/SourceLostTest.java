package org.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Vital;

/**
 * A monitor drops out while its HR alarm is on: the alarm ends because the station lost its
 * source, not because the patient recovered, and the technical alarm stays.
 */
class SourceLostTest {

    private final EngineHarness h = new EngineHarness().withDevices();

    private void tachycardiaUntil(int last) {
        h.nibp(0, 126, 80);
        for (int t = 0; t <= last; t++) {
            h.feed(t, "ox", Vital.SPO2, 97);
            h.feed(t, "ox", Vital.PR, 136);
            h.feed(t, "mon", Vital.HR, 136);
            h.tickAt(t + 0.5);
        }
    }

    private AlarmEvent ended(String id) {
        return h.events.stream().filter(e -> e.alarmId().equals(id) && e.type() == AlarmEventType.ENDED).findFirst()
                .orElseThrow(() -> new AssertionError(id + " did not end: " + h.events));
    }

    @Test
    void aSilentMonitorEndsItsHeartRateAlarmAsSourceLost() {
        tachycardiaUntil(60);
        assertTrue(h.onScreen("hr.very_high").isPresent());
        // the monitor falls silent after its reading at 60 s; the oximeter carries on at 1 Hz
        for (int t = 61; t <= 75; t++) {
            h.feed(t, "ox", Vital.SPO2, 97);
            h.feed(t, "ox", Vital.PR, 136);
            h.tickAt(t + 0.5);
        }
        AlarmEvent e = ended("hr.very_high");
        assertEquals("HR 136 \u2265 130 \u00B7 ended: source lost (Monitor: no data)", e.message());
        assertTrue(e.sourceLost());
        assertTrue(ended("hr.high").message().endsWith("ended: source lost (Monitor: no data)"));
        assertTrue(h.onScreen("mon.no_data").isPresent(), "the technical alarm stays");
        assertFalse(h.onScreen("hr.very_high").isPresent());
        // the scenario CSV keeps its contract: ended, with the value that raised it
        assertEquals(List.of("10,raised,hr.very_high,high,hr,136,130", "70.5,ended,hr.very_high,high,hr,136,130",
                "70.5,cleared,hr.very_high,high,hr,136,130"), h.rows("hr.very_high"));
    }

    @Test
    void anUnpluggedMonitorEndsItsHeartRateAlarmAsSourceLost() {
        tachycardiaUntil(30);
        h.clock.set(EngineHarness.at(30.7));
        h.engine.onDeviceDisconnected("mon", "adapter unplugged");
        assertEquals("HR 136 \u2265 130 \u00B7 ended: source lost (Monitor: port disconnected (adapter unplugged))",
                ended("hr.very_high").message());
        assertTrue(h.onScreen("mon.disconnected").isPresent());
    }

    @Test
    void aHeartRateThatComesBackToNormalEndsWithoutASourceLost() {
        tachycardiaUntil(30);
        h.feed(31, "mon", Vital.HR, 88);
        assertEquals("HR 136 \u2265 130", ended("hr.very_high").message());
        assertFalse(ended("hr.very_high").sourceLost(), "the patient's heart rate came down: a real end");
    }
}
