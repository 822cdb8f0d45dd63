package org.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Plausibility;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * Values no patient can have (flagged by {@link Plausibility} as the device stream does) never
 * start or end an alarm condition. The streams are the clinic's: HR and SpO2/PR every second,
 * a cuff every 5 minutes.
 */
class InvalidDataAlarmTest {

    private final EngineHarness h = new EngineHarness().withDevices(Duration.ofSeconds(10));

    /** One second of both devices; {@code hr} as the monitor sent it (flagged when implausible). */
    private void second(int t, double hr) {
        feedMarked(t, "mon", Vital.HR, hr);
        h.feed(t, "ox", Vital.SPO2, 97);
        h.feed(t, "ox", Vital.PR, hr > 300 ? 38 : hr);
        if (t % 300 == 0) {
            h.nibp(t, 118, 76);
        }
        h.tickAt(t + 0.5);
    }

    private void feedMarked(double t, String device, Vital v, double value) {
        Reading marked = Plausibility.mark(List.of(EngineHarness.reading(t, device, v, value))).get(0);
        h.clock.set(EngineHarness.at(t));
        h.engine.onReading(marked);
    }

    @Test
    void hr999FramesDuringARealBradycardiaNeitherDelayNorSilenceItsAlarm() {
        for (int t = 0; t < 600; t++) {
            second(t, 72);
        }
        // from 600 s the patient's heart rate is 38; every 8th second the monitor sends HR 999
        for (int t = 600; t < 700; t++) {
            second(t, (t - 600) % 8 == 3 ? 999 : 38);
        }
        assertEquals(List.of("610,raised,hr.low,medium,hr,38,50", "610,raised,hr.very_low,high,hr,38,40"),
                h.rows().stream().filter(r -> r.contains(",hr.")).toList(),
                "raised one condition delay (10 s) after the first HR 38, as without the bad frames");
        assertTrue(h.rows().stream().noneMatch(r -> r.contains("hr.high") || r.contains(",ended,hr.")),
                "HR 999 neither raised a high alarm nor ended the low ones: " + h.rows());
        assertTrue(h.rows().stream().noneMatch(r -> r.contains("invalid_data")),
                "single bad frames among valid ones are no technical alarm");
        List<SilencingEvent> invalid = h.silencing.stream()
                .filter(e -> e.type() == SilencingEventType.DATA_INVALID).toList();
        assertTrue(invalid.size() >= 12, "each bad frame opens an episode that the next valid reading closes: " + invalid);
        assertEquals("from mon: HR 999 outside the plausible range 15-300 /min; hr alarms not evaluated",
                invalid.get(0).detail());
        long valid = h.silencing.stream().filter(e -> e.type() == SilencingEventType.DATA_VALID).count();
        assertTrue(valid >= invalid.size() - 1 && valid <= invalid.size(), invalid.size() + " invalid, " + valid + " valid");
    }

    @Test
    void aDeviceSendingOnlyImplausibleValuesRaisesInvalidDataAndKeepsTheAlarmItHad() {
        for (int t = 0; t < 30; t++) {
            second(t, 38);
        }
        assertTrue(h.rows().contains("10,raised,hr.very_low,high,hr,38,40"), h.rows().toString());
        h.clearEvents();
        for (int t = 30; t < 60; t++) {
            second(t, 999);
        }
        assertEquals(List.of("40,raised,mon.invalid_data,medium,mon,,",
                        "49,raised,pr.low,medium,pr,38,50", "49,raised,pr.very_low,high,pr,38,40"), h.rows(),
                "after the flag delay a technical alarm; the HR alarms hold (no end, no HR high alarm), and without"
                        + " a valid HR the oximeter's pulse rate is alarmed one delay later");
        assertTrue(h.shown("hr.very_low") != null, "the bradycardia alarm is still shown");
        h.clearEvents();
        second(60, 72);
        h.tickAt(61);
        assertTrue(h.rows().contains("60,ended,mon.invalid_data,medium,mon,,"), h.rows().toString());
        assertTrue(h.rows().stream().anyMatch(r -> r.startsWith("60,ended,hr.very_low,")),
                "a valid value is evaluated again: " + h.rows());
    }

    @Test
    void anInconsistentCuffResultIsNotAMeasurement() {
        for (int t = 0; t < 20; t++) {
            second(t, 72);
        }
        h.clearEvents();
        // diastolic above systolic: would raise nibp_dia.very_high (>= 110) if believed
        List<Reading> cuff = Plausibility.mark(List.of(
                EngineHarness.reading(20, "mon", Vital.NIBP_SYS, 90),
                EngineHarness.reading(20, "mon", Vital.NIBP_DIA, 150),
                EngineHarness.reading(20, "mon", Vital.NIBP_MEAN, 120)));
        h.clock.set(EngineHarness.at(20));
        cuff.forEach(h.engine::onReading);
        h.tickAt(21);
        assertEquals(List.of(), h.rows());
        assertTrue(cuff.stream().allMatch(r -> r.flags().contains(ReadingFlag.IMPLAUSIBLE)));
    }
}
