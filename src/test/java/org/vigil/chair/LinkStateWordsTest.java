package org.vigil.chair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.device.LinkState;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/**
 * The link state of a device as a nurse reads it: connecting, negotiating (a request/response
 * device answering the greeting; its control frames do not make it OK), OK, sensor off (frames
 * arrive but say so; pleth-only frames in between do not hide it), no data, disconnected.
 */
class LinkStateWordsTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private final MutableClock clock = new MutableClock();

    private static final class MutableClock implements java.time.InstantSource {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }
    }

    private ChairMonitor chair() {
        clock.now = T0;
        ChairSpec.Device ox = new ChairSpec.Device(new DeviceInfo("ox", "Oximeter", "intellivue", "test",
                Set.of(Vital.SPO2, Vital.PR), false), new DeviceAlarmProfile("ox", "Oximeter", Duration.ofSeconds(10), null, null));
        return new ChairMonitor(new ChairSpec("c1", "Chair 1", false, List.of(ox)), AlarmConfig.defaults(), clock, Runnable::run,
                SessionRecorder.NONE);
    }

    private Reading spo2(double v, ReadingFlag... flags) {
        return new Reading(clock.now, "ox", Vital.SPO2, v, Set.of(flags));
    }

    @Test
    void connectingNegotiatingOkSensorOffNoDataDisconnected() {
        ChairMonitor m = chair();
        assertEquals(ConnectionState.CONNECTING, m.connectionStates().get("ox"));
        m.onConnected("ox", "/dev/ttyUSB0");
        m.onLinkState("ox", LinkState.NEGOTIATING);
        assertEquals(ConnectionState.NEGOTIATING, m.connectionStates().get("ox"));
        m.onReadings("ox", List.of()); // the association's answer: a frame without values
        assertEquals(ConnectionState.NEGOTIATING, m.connectionStates().get("ox"));
        m.onLinkState("ox", LinkState.CONNECTED);
        clock.now = T0.plusSeconds(1);
        m.onReadings("ox", List.of(spo2(97)));
        assertEquals(ConnectionState.CONNECTED, m.connectionStates().get("ox"));
        clock.now = T0.plusSeconds(2);
        m.onReadings("ox", List.of(spo2(Double.NaN, ReadingFlag.INVALID, ReadingFlag.SENSOR_OFF)));
        assertEquals(ConnectionState.SENSOR_OFF, m.connectionStates().get("ox"));
        m.onReadings("ox", List.of()); // pleth samples between value frames
        assertEquals(ConnectionState.SENSOR_OFF, m.connectionStates().get("ox"));
        clock.now = T0.plusSeconds(3);
        m.onReadings("ox", List.of(spo2(96)));
        assertEquals(ConnectionState.CONNECTED, m.connectionStates().get("ox"));
        clock.now = T0.plusSeconds(14);
        m.tick();
        assertEquals(ConnectionState.NO_DATA, m.connectionStates().get("ox"));
        m.onDisconnected("ox", "/dev/ttyUSB0 went away");
        assertEquals(ConnectionState.DISCONNECTED, m.connectionStates().get("ox"));
    }
}
