package org.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlarmLogFormatTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private static AlarmEvent event(Duration at, AlarmEventType type, String id, Priority p, String param, Double value,
            Double limit) {
        return new AlarmEvent(T0.plus(at), type, id, p, value == null ? AlarmKind.TECHNICAL : AlarmKind.PHYSIOLOGICAL,
                param, value, limit, "text", null);
    }

    @Test
    void headerIsTheScenarioContract() {
        assertEquals("t_seconds,event,alarm_id,priority,parameter,value,limit", AlarmLogFormat.HEADER);
    }

    @Test
    void wholeSecondsAndValuesPrintWithoutDecimals() {
        AlarmEvent e = event(Duration.ofSeconds(1800), AlarmEventType.RAISED, "spo2.low", Priority.MEDIUM, "spo2",
                86.0, 90.0);
        assertEquals("1800,raised,spo2.low,medium,spo2,86,90", AlarmLogFormat.row(e, T0));
    }

    @Test
    void fractionsPrintWithUpToThreeDecimals() {
        AlarmEvent e = event(Duration.ofMillis(1840250), AlarmEventType.ESCALATED, "nibp_sys.rise", Priority.HIGH,
                "nibp_sys", 164.5, 164.5);
        assertEquals("1840.25,escalated,nibp_sys.rise,high,nibp_sys,164.5,164.5", AlarmLogFormat.row(e, T0));
        assertEquals("0.001", AlarmLogFormat.seconds(Duration.ofNanos(1_200_000)));
        assertEquals("2", AlarmLogFormat.seconds(Duration.ofNanos(1_999_999_999)));
        assertEquals("97.333", AlarmLogFormat.number(97.33333));
        assertEquals("-3", AlarmLogFormat.number(-3.0));
        assertEquals("0", AlarmLogFormat.number(-0.0));
    }

    @Test
    void technicalAlarmsHaveEmptyValueAndLimit() {
        AlarmEvent e = event(Duration.ofSeconds(2460), AlarmEventType.CLEARED, "ox.sensor_off", Priority.MEDIUM, "ox",
                null, null);
        assertEquals("2460,cleared,ox.sensor_off,medium,ox,,", AlarmLogFormat.row(e, T0));
    }

    @Test
    void fieldsWithCommasAreQuoted() {
        AlarmEvent e = event(Duration.ZERO, AlarmEventType.RAISED, "bed,1.no_data", Priority.LOW, "bed,1", null, null);
        assertEquals("0,raised,\"bed,1.no_data\",low,\"bed,1\",,", AlarmLogFormat.row(e, T0));
    }
}
