package org.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Vital;

/**
 * What a chair's banner puts first, and what its alarms say, with the streams a clinic sends:
 * SpO2, PR and HR every second, a cuff measurement every 5 minutes.
 */
class BannerOrderTest {

    private final EngineHarness h = new EngineHarness().withDevices();

    /** One second of a quiet patient's 1 Hz numerics (HR {@code hr}, SpO2 {@code spo2}), then a tick half a second later. */
    private void second(double t, double hr, double spo2) {
        h.feed(t, "ox", Vital.SPO2, spo2);
        h.feed(t, "ox", Vital.PR, hr);
        h.feed(t, "mon", Vital.HR, hr);
        h.tickAt(t + 0.5);
    }

    /** Seconds {@code from} to {@code to} inclusive at 1 Hz. */
    private void run(int from, int to, double hr, double spo2) {
        for (int t = from; t <= to; t++) {
            second(t, hr, spo2);
        }
    }

    private List<String> bannerOrder() {
        return h.engine.snapshot().alarms().stream().map(ActiveAlarm::id).toList();
    }

    @Test
    void anAcknowledgedHighAlarmNeverHidesANewerUnacknowledgedOne() {
        h.nibp(0, 124, 78);
        run(1, 299, 72, 97);
        h.nibp(300, 188, 86); // severe hypertension: high and medium at once
        run(300, 320, 72, 97);
        h.clock.set(EngineHarness.at(320.7));
        h.engine.acknowledge("nurse"); // the nurse has seen the blood pressure and called the prescriber
        run(321, 399, 72, 97);
        run(400, 420, 72, 88); // SpO2 drifts below 90 %: spo2.low after its 15 s delay
        // mean 120 > 110 also raised with the cuff; acknowledged alarms of one priority and time go by id
        assertEquals(List.of("spo2.low", "nibp_sys.very_high", "nibp_mean.high", "nibp_sys.high"), bannerOrder(),
                "unacknowledged first, then priority");
        assertFalse(h.shown("spo2.low").acknowledged());
        assertTrue(h.shown("nibp_sys.very_high").acknowledged());
    }

    @Test
    void amongUnacknowledgedAlarmsOfOnePriorityTheNewestComesFirst() {
        h.nibp(0, 124, 78);
        run(1, 299, 72, 97);
        h.clearEvents();
        for (int t = 300; t <= 340; t++) {
            second(t, t >= 320 ? 125 : 72, 88);
        }
        // spo2.low raised at 315, hr.high (and pr.high is off while ECG HR is valid) at 330
        assertEquals("315,raised,spo2.low,medium,spo2,88,90", h.rows("spo2.low").get(0));
        assertEquals("330,raised,hr.high,medium,hr,125,120", h.rows("hr.high").get(0));
        assertEquals(List.of("hr.high", "spo2.low"), bannerOrder());
    }

    @Test
    void theScreenShowsTheCurrentValueWhileTheLogKeepsTheOneThatRaised() {
        h.nibp(0, 150, 80);
        run(1, 299, 72, 97);
        h.nibp(300, 167, 84);
        run(300, 599, 72, 97);
        assertEquals("NIBP sys 167 > 160", h.shown("nibp_sys.high").message());
        h.nibp(600, 174, 88);
        second(600, 72, 97);
        ActiveAlarm a = h.shown("nibp_sys.high");
        assertEquals("NIBP sys 174 > 160", a.message(), "the current measurement, not the one that raised it");
        assertEquals(174.0, a.current());
        assertEquals(167.0, a.value(), "the value that raised the alarm stays known");
        assertEquals("300,raised,nibp_sys.high,medium,nibp_sys,167,160", h.rows("nibp_sys.high").get(0));
        assertEquals("480.5,escalated,nibp_sys.high,high,nibp_sys,167,160", h.rows("nibp_sys.high").get(1),
                "every later row of the alarm repeats the value that raised it");
    }

    @Test
    void aContinuousAlarmFollowsTheCurrentValueEverySecond() {
        run(1, 20, 125, 97);
        assertEquals("HR 125 > 120", h.shown("hr.high").message());
        for (int t = 21; t <= 25; t++) {
            second(t, 128, 97);
        }
        assertEquals("HR 128 > 120", h.shown("hr.high").message());
        assertEquals(125.0, h.shown("hr.high").value());
    }
}
