package org.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

class ArtifactMarkerTest {

    private final ArtifactMarker marker = new ArtifactMarker();

    ArtifactMarkerTest() {
        marker.addDevice(new DeviceAlarmProfile("ox", "SpO2 device", Duration.ofSeconds(10), null, "mon"));
        marker.addDevice(new DeviceAlarmProfile("mon", "Monitor", Duration.ofSeconds(10), Duration.ofMinutes(5), null));
        marker.addDevice(new DeviceAlarmProfile("ox2", "Other arm", Duration.ofSeconds(10), null, null));
    }

    private static Reading r(double t, String device, Vital v, double value, ReadingFlag... flags) {
        return EngineHarness.reading(t, device, v, value, flags);
    }

    private boolean questionable(double t, String device, Vital v) {
        return marker.mark(r(t, device, v, 90)).flags().contains(ReadingFlag.QUESTIONABLE);
    }

    private void inflating(double t) {
        marker.mark(r(t, "mon", Vital.NIBP_SYS, Double.NaN, ReadingFlag.CUFF_INFLATING, ReadingFlag.INVALID));
    }

    @Test
    void sameArmSpo2AndPulseAreQuestionableWhileTheCuffInflates() {
        assertFalse(questionable(0, "ox", Vital.SPO2));
        inflating(1);
        assertTrue(questionable(1, "ox", Vital.SPO2));
        assertTrue(questionable(1, "ox", Vital.PR));
        assertFalse(questionable(1, "ox", Vital.PI), "only SpO2 and PR are marked");
        assertFalse(questionable(1, "ox2", Vital.SPO2), "the other arm is not affected");
    }

    @Test
    void theMarkingLastsThreeSecondsAfterTheLastInflatingReading() {
        inflating(0);
        inflating(20);
        // the monitor's next frame no longer says inflating but has no value yet
        marker.mark(r(21, "mon", Vital.NIBP_SYS, Double.NaN, ReadingFlag.INVALID));
        assertTrue(questionable(23, "ox", Vital.SPO2));
        assertFalse(questionable(23.001, "ox", Vital.SPO2));
    }

    @Test
    void theMarkingEndsAtTheNextValidMeasurement() {
        inflating(0);
        marker.mark(r(1, "mon", Vital.NIBP_SYS, 120));
        assertFalse(questionable(1.5, "ox", Vital.SPO2));
    }

    @Test
    void aCuffDeviceThatFallsSilentWhileInflatingStopsMarkingAfterTheTail() {
        inflating(0);
        inflating(1);
        // the monitor goes silent mid-measurement: a real desaturation must not stay hidden
        assertTrue(questionable(4, "ox", Vital.SPO2));
        assertFalse(questionable(4.5, "ox", Vital.SPO2));
        assertFalse(questionable(100, "ox", Vital.SPO2));
    }

    @Test
    void aCuffStuckInflatingStopsMarkingAfterTheLongestMeasurement() {
        for (int t = 0; t <= 200; t++) {
            inflating(t);
        }
        assertTrue(questionable(180, "ox", Vital.SPO2));
        assertFalse(questionable(180.5, "ox", Vital.SPO2));
    }

    @Test
    void readingsOfOtherVitalsPassUnchanged() {
        inflating(0);
        Reading hr = r(0.5, "ox", Vital.HR, 70);
        assertSame(hr, marker.mark(hr));
        Reading nibp = r(0.5, "mon", Vital.NIBP_SYS, Double.NaN, ReadingFlag.CUFF_INFLATING);
        assertSame(nibp, marker.mark(nibp));
    }

    @Test
    void markedReadingsRaiseNoAlarmInTheEngine() {
        EngineHarness h = new EngineHarness().withQuietDevices();
        h.engine.addDevice(new DeviceAlarmProfile("cuff", "Cuff", Duration.ofHours(1), null, null));
        ArtifactMarker m = new ArtifactMarker();
        m.addDevice(new DeviceAlarmProfile("ox9", "SpO2 device", Duration.ofSeconds(10), null, "cuff"));
        h.engine.addDevice(new DeviceAlarmProfile("ox9", "SpO2 device", Duration.ofHours(1), null, "cuff"));
        for (int t = 0; t < 40; t++) {
            h.clock.set(EngineHarness.at(t));
            h.engine.onReading(m.mark(r(t, "cuff", Vital.NIBP_SYS, Double.NaN, ReadingFlag.CUFF_INFLATING)));
            h.engine.onReading(m.mark(r(t, "ox9", Vital.SPO2, 78)));
            h.tickAt(t + 0.5);
        }
        assertEquals(List.of(), h.rows());
    }
}
