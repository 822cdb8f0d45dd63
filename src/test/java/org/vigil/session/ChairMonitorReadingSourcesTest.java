package org.vigil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.AlarmConfig;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

class ChairMonitorReadingSourcesTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private Instant now = T0;
    private final List<String> log = new ArrayList<>();

    private ChairMonitor chair(ChairSpec.Device... devices) {
        InstantSource clock = () -> now;
        ChairMonitor c = new ChairMonitor(new ChairSpec("c", "Chair", true, List.of(devices)), AlarmConfig.defaults(),
                clock, Runnable::run, SessionRecorder.NONE);
        c.addAlarmListener(this::record);
        return c;
    }

    private void record(AlarmEvent e) {
        log.add(Duration.between(T0, e.time()).toSeconds() + " " + e.type().key() + " " + e.alarmId());
    }

    private static ChairSpec.Device device(String id, String p, Set<Vital> vitals) {
        return new ChairSpec.Device(new DeviceInfo(id, id, p, "test", vitals, true),
                new DeviceAlarmProfile(id, id, Duration.ofSeconds(10), null, null));
    }

    private Reading reading(String device, Vital v, double value) {
        return new Reading(now, device, v, value, Set.of());
    }

    @Test
    void aVitalTheDeviceIsNotConfiguredForNeitherEndsAnotherDevicesConditionNorShows() {
        ChairMonitor c = chair(
                device("ox", "masimo", Set.of(Vital.SPO2, Vital.PR)),
                device("mon", "ivy", Set.of(Vital.HR)));
        for (int s = 0; s <= 20; s++) {
            now = T0.plusSeconds(s);
            c.onReadings("ox", List.of(reading("ox", Vital.SPO2, 86), reading("ox", Vital.PR, 72)));
            // the monitor's protocol always carries an SpO2 field; this chair takes SpO2 from the oximeter
            c.onReadings("mon", List.of(reading("mon", Vital.HR, 72), reading("mon", Vital.SPO2, Double.NaN),
                    reading("mon", Vital.PR, Double.NaN)));
            c.tick();
        }
        assertEquals(List.of("15 raised spo2.low"), log);
        assertTrue(c.history().stream().noneMatch(r -> r.deviceId().equals("mon") && r.vital() != Vital.HR),
                c.history()::toString);
    }

    @Test
    void aMessageWithNothingTheChairUsesStillShowsTheDeviceTalks() {
        ChairMonitor c = chair(device("mon", "ivy", Set.of(Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN)));
        for (int s = 0; s <= 30; s++) {
            now = T0.plusSeconds(s);
            // the NIBP repeats were already reduced away; only the unused HR field is left
            c.onReadings("mon", s % 2 == 0 ? List.of(reading("mon", Vital.HR, Double.NaN)) : List.of());
            c.tick();
        }
        assertEquals(List.of(), log);
        assertEquals(ConnectionState.CONNECTED, c.connectionStates().get("mon"));
        for (int s = 31; s <= 45; s++) {
            now = T0.plusSeconds(s);
            c.tick();
        }
        assertEquals(List.of("40 raised mon.no_data"), log);
    }
}
