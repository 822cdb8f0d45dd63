package org.vigil.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void aVitalsMeasurementGetsItsMdcCodeAndUnitAndNoDeviceTime() {
        Measurement m = Measurement.of(Vital.SPO2, 97);
        assertEquals(new MetricCode("MDC", "MDC_PULS_OXIM_SAT_O2"), m.metric());
        assertEquals("%", m.unit());
        assertNull(m.deviceTime());
        assertTrue(m.isAlarmable());
        assertEquals(m, new Measurement(Vital.SPO2, 97, Set.of()), "the three-argument form is the same value");
        assertEquals("mmHg", Measurement.absent(Vital.NIBP_SYS, Set.of()).unit());
    }

    @Test
    void everyVitalHasAnMdcCode() {
        for (Vital v : Vital.values()) {
            assertEquals(MetricCode.MDC, MetricCode.of(v).system());
            assertTrue(MetricCode.of(v).code().startsWith("MDC_"), v.key());
        }
    }

    @Test
    void theDevicesTimeAndCodeTravelWithTheValue() {
        Instant cuff = Instant.parse("2026-12-03T00:00:00Z");
        Measurement m = Measurement.of(Vital.NIBP_SYS, 120).withDeviceTime(cuff).withMetric(MetricCode.mdc("MDC_PRESS_BLD_NONINV_SYS"));
        assertEquals(cuff, m.deviceTime());
        assertEquals("MDC_PRESS_BLD_NONINV_SYS", m.metric().code());
        assertEquals(Vital.NIBP_SYS, m.vital());
        assertEquals(120.0, m.value());
    }

    @Test
    void aMetricThatIsNoVitalIsKeptWithItsCodeAndUnit() {
        Measurement m = Measurement.unalarmed(MetricCode.mdc("MDC_PRESS_BLD_ART_ABP_SYS"), 118, "mmHg", Set.of());
        assertFalse(m.isAlarmable());
        assertNull(m.vital());
        assertEquals("mmHg", m.unit());
        assertThrows(NullPointerException.class, () -> new Measurement(null, 1, Set.of(), null, "x", null));
        assertThrows(IllegalArgumentException.class, () -> MetricCode.mdc(" "));
    }
}
