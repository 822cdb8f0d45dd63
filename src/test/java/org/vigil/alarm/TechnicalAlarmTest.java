package org.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

class TechnicalAlarmTest {

    private final EngineHarness h = new EngineHarness();

    private void oximeterOnly() {
        h.engine.addDevice(new DeviceAlarmProfile("ox", "SpO2 device", Duration.ofSeconds(10), null, null));
    }

    @Test
    void noDataIsRaisedExactlyWhenTheSilenceTimeoutElapses() {
        oximeterOnly();
        h.feed(0, "ox", Vital.SPO2, 97);
        h.feed(1, "ox", Vital.SPO2, 97);
        h.tickAt(10.999);
        assertEquals(List.of(), h.rows());
        h.tickAt(11);
        assertEquals(List.of("11,raised,ox.no_data,medium,ox,,"), h.rows());
        AlarmEvent e = h.events.get(0);
        assertEquals(AlarmKind.TECHNICAL, e.kind());
        assertNull(e.value());
        assertNull(e.limit());
        assertEquals("SpO2 device: no data", e.message());
    }

    @Test
    void noDataCountsFromRegistrationAndEndsOnTheNextReading() {
        oximeterOnly();
        h.tickAt(9.9);
        h.tickAt(10);
        h.tickAt(12);
        h.feed(12.5, "ox", Vital.SPO2, 97);
        assertEquals(List.of(
                "10,raised,ox.no_data,medium,ox,,",
                "12.5,ended,ox.no_data,medium,ox,,",
                "12.5,cleared,ox.no_data,medium,ox,,"), h.rows());
    }

    @Test
    void disconnectedIsRaisedAtOnceAndReplacesNoDataUntilReconnected() {
        oximeterOnly();
        h.feed(0, "ox", Vital.SPO2, 97);
        h.clock.set(EngineHarness.at(2));
        h.engine.onDeviceDisconnected("ox", "cable pulled");
        h.tickUntil(60, 0.25);
        assertEquals(List.of("2,raised,ox.disconnected,medium,ox,,"), h.rows());
        assertEquals("SpO2 device: port disconnected (cable pulled)", h.shown("ox.disconnected").message());
        h.clock.set(EngineHarness.at(61));
        h.engine.onDeviceConnected("ox");
        h.tickUntil(70.75, 0.25);
        assertEquals(List.of(
                "2,raised,ox.disconnected,medium,ox,,",
                "61,ended,ox.disconnected,medium,ox,,",
                "61,cleared,ox.disconnected,medium,ox,,"), h.rows());
        h.tickAt(71);
        assertEquals("71,raised,ox.no_data,medium,ox,,", h.rows().get(3), "no data counts from the reconnection");
    }

    @Test
    void aDisconnectedDeviceEndsItsVitalsConditions() {
        oximeterOnly();
        h.feed(0, "ox", Vital.SPO2, 88);
        h.clock.set(EngineHarness.at(5));
        h.engine.onDeviceDisconnected("ox", "port closed");
        h.tickUntil(30, 1);
        assertTrue(h.rows("spo2.low").isEmpty());
    }

    @Test
    void sensorOffIsRaisedOnTheReadingAndEndsOnAReadingWithoutIt() {
        oximeterOnly();
        h.feed(0, "ox", Vital.SPO2, Double.NaN, ReadingFlag.SENSOR_OFF, ReadingFlag.INVALID);
        h.feed(0, "ox", Vital.PR, Double.NaN, ReadingFlag.SENSOR_OFF, ReadingFlag.INVALID);
        h.feed(1, "ox", Vital.SPO2, Double.NaN, ReadingFlag.NO_SENSOR, ReadingFlag.INVALID);
        h.feed(1, "ox", Vital.PR, Double.NaN, ReadingFlag.NO_SENSOR, ReadingFlag.INVALID);
        assertEquals(List.of("0,raised,ox.sensor_off,medium,ox,,"), h.rows());
        h.feed(2, "ox", Vital.SPO2, 97);
        assertEquals(1, h.rows().size(), "the PR reading still says sensor off");
        h.feed(2, "ox", Vital.PR, 72);
        assertEquals(List.of(
                "0,raised,ox.sensor_off,medium,ox,,",
                "2,ended,ox.sensor_off,medium,ox,,",
                "2,cleared,ox.sensor_off,medium,ox,,"), h.rows());
    }

    @Test
    void transientPulseSearchDoesNotAlarmButAPersistentOneDoesAfterTenSeconds() {
        oximeterOnly();
        for (int t = 0; t < 9; t++) {
            h.feed(t, "ox", Vital.SPO2, Double.NaN, ReadingFlag.PULSE_SEARCH, ReadingFlag.INVALID);
            h.tickAt(t + 0.5);
        }
        h.feed(9, "ox", Vital.SPO2, 97);
        h.tickAt(9.5);
        assertEquals(List.of(), h.rows());
        for (int t = 20; t <= 31; t++) {
            h.feed(t, "ox", Vital.SPO2, Double.NaN, ReadingFlag.PULSE_SEARCH, ReadingFlag.INVALID);
            h.tickAt(t + 0.5);
        }
        assertEquals(List.of("30,raised,ox.pulse_search,low,ox,,"), h.rows());
    }

    @Test
    void lowPerfusionAndLowSignalQualityUseTheTenSecondDelay() {
        oximeterOnly();
        for (int t = 0; t <= 12; t++) {
            h.feed(t, "ox", Vital.SPO2, 96, ReadingFlag.LOW_PERFUSION, ReadingFlag.INTERFERENCE);
            h.tickAt(t + 0.5);
        }
        assertEquals(List.of("10,raised,ox.low_perfusion,low,ox,,", "10,raised,ox.low_signal_iq,low,ox,,"), h.rows());
        assertTrue(h.rows("spo2.low").isEmpty());
    }

    @Test
    void nibpOverdueAfterIntervalPlusGraceCountedFromRegistration() {
        h.engine.addDevice(new DeviceAlarmProfile("mon", "Monitor", Duration.ofHours(1), Duration.ofMinutes(5), null));
        h.tickAt(419.9);
        assertEquals(List.of(), h.rows());
        h.tickAt(420);
        assertEquals(List.of("420,raised,mon.nibp_overdue,low,mon,,"), h.rows());
        assertEquals("Monitor: NIBP overdue", h.shown("mon.nibp_overdue").message());
        h.feed(430, "mon", Vital.NIBP_SYS, Double.NaN, ReadingFlag.CUFF_INFLATING);
        assertEquals(1, h.rows().size(), "an inflating cuff is not a measurement yet");
        h.nibp(460, 120, 80);
        assertEquals("460,ended,mon.nibp_overdue,low,mon,,", h.rows().get(1));
        h.tickAt(879.9);
        assertEquals(3, h.rows().size());
        h.tickAt(880);
        assertEquals("880,raised,mon.nibp_overdue,low,mon,,", h.rows().get(3));
    }

    @Test
    void technicalPrioritiesAndLatchingComeFromTheConfiguration() {
        AlarmConfig d = AlarmConfig.defaults();
        AlarmConfig c = new AlarmConfig(d.rules(), Map.of(TechnicalAlarmType.SENSOR_OFF, Priority.HIGH),
                Set.of(TechnicalAlarmType.SENSOR_OFF), d.audioPause(), d.escalateMediumAfter(), d.nibpGrace(), true);
        EngineHarness e = new EngineHarness(c);
        e.engine.addDevice(new DeviceAlarmProfile("ox", "SpO2 device", Duration.ofSeconds(10), null, null));
        e.feed(0, "ox", Vital.SPO2, Double.NaN, ReadingFlag.SENSOR_OFF);
        e.feed(1, "ox", Vital.SPO2, 97);
        assertEquals(List.of("0,raised,ox.sensor_off,high,ox,,", "1,ended,ox.sensor_off,high,ox,,"), e.rows());
        assertFalse(e.shown("ox.sensor_off").conditionActive());
    }

    @Test
    void aSilentDeviceEndsItsFlagConditions() {
        oximeterOnly();
        h.feed(0, "ox", Vital.SPO2, Double.NaN, ReadingFlag.SENSOR_OFF);
        h.tickUntil(10, 0.5);
        assertEquals(List.of(
                "0,raised,ox.sensor_off,medium,ox,,",
                "10,raised,ox.no_data,medium,ox,,",
                "10,ended,ox.sensor_off,medium,ox,,",
                "10,cleared,ox.sensor_off,medium,ox,,"), h.rows());
    }

    @Test
    void aDeviceIdIsRegisteredOnce() {
        oximeterOnly();
        assertThrows(IllegalArgumentException.class, this::oximeterOnly);
    }
}
