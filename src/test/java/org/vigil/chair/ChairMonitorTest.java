package org.vigil.chair;

import org.vigil.testsupport.TestActors;
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
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.DeviceAlarmProfile;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

class ChairMonitorTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private final MutableClock clock = new MutableClock();
    private final List<AlarmEvent> events = new ArrayList<>();
    private final List<Reading> recorded = new ArrayList<>();

    private ChairMonitor chair(ChairSpec.Device... devices) {
        ChairMonitor m = new ChairMonitor(new ChairSpec("c1", "Chair 1", true, List.of(devices)), AlarmConfig.defaults(),
                clock, Runnable::run, new SessionRecorder() {
                    @Override
                    public void reading(Reading reading) {
                        recorded.add(reading);
                    }

                    @Override
                    public void alarm(AlarmEvent event) {
                    }

                    @Override
                    public void event(org.vigil.domain.RecordedEvent event) {
                    }
                });
        m.addAlarmListener(events::add);
        return m;
    }

    private static ChairSpec.Device device(String id, String p, Vital... vitals) {
        return new ChairSpec.Device(new DeviceInfo(id, id, p, "test", Set.of(vitals), true),
                new DeviceAlarmProfile(id, id, Duration.ofSeconds(10), null, null));
    }

    private Reading at(int s, String dev, Vital v, double value, ReadingFlag... flags) {
        clock.now = T0.plusSeconds(s);
        return new Reading(clock.now, dev, v, value, Set.of(flags));
    }

    @Test
    void emptyFieldsFromAMonitorNotMeasuringSpo2DoNotEndTheOximetersAlarm() {
        ChairMonitor m = chair(device("ox", "masimo", Vital.SPO2, Vital.PR, Vital.PI),
                device("mon", "ivy", Vital.HR));
        for (int s = 0; s <= 20; s++) {
            m.onReadings("ox", List.of(at(s, "ox", Vital.SPO2, 86)));
            m.onReadings("mon", List.of(at(s, "mon", Vital.SPO2, Double.NaN, ReadingFlag.INVALID),
                    at(s, "mon", Vital.HR, 72)));
        }
        assertTrue(events.stream().anyMatch(e -> e.alarmId().equals("spo2.low") && e.type() == AlarmEventType.RAISED),
                "spo2.low raised after its 15 s delay: " + events);
        assertTrue(recorded.stream().noneMatch(r -> r.deviceId().equals("mon") && r.vital() == Vital.SPO2),
                "a vital the device is not set up for is not recorded");
    }

    @Test
    void theFirstConfiguredDeviceDrivesAVitalMeasuredTwiceAndBothAreRecorded() {
        ChairMonitor m = chair(device("ox", "masimo", Vital.SPO2), device("mon", "ivy", Vital.SPO2));
        m.onReadings("mon", List.of(at(0, "mon", Vital.SPO2, 80)));
        assertTrue(events.isEmpty(), "the second source does not raise: " + events);
        m.onReadings("ox", List.of(at(1, "ox", Vital.SPO2, 80)));
        assertEquals("spo2.desat", events.get(0).alarmId());
        assertEquals(2, recorded.size());
        List<Reading> screen = new ArrayList<>();
        m.drainReadings(screen::add, 10);
        assertEquals(List.of("ox"), screen.stream().map(Reading::deviceId).toList());
    }

    @Test
    void aSilentDeviceShowsNoDataAfterItsTimeout() {
        ChairMonitor m = chair(device("ox", "masimo", Vital.SPO2));
        m.onReadings("ox", List.of(at(0, "ox", Vital.SPO2, 97)));
        assertEquals(ConnectionState.CONNECTED, m.connectionStates().get("ox"));
        clock.now = T0.plusSeconds(9);
        m.tick();
        assertEquals(ConnectionState.CONNECTED, m.connectionStates().get("ox"));
        clock.now = T0.plusSeconds(10);
        m.tick();
        assertEquals(ConnectionState.NO_DATA, m.connectionStates().get("ox"));
        assertTrue(m.alarms().alarms().stream().anyMatch(a -> a.id().equals("ox.no_data")));
    }

    @Test
    void baselineFromTheLastTwoCuffReadingsIsTheirAverage() {
        ChairMonitor m = chair(device("mon", "ivy", Vital.NIBP_SYS, Vital.NIBP_DIA, Vital.NIBP_MEAN, Vital.HR));
        assertEquals(false, m.setBaselineFromLastCuffReadings(TestActors.nurse("nurse")).accepted());
        m.onReadings("mon", List.of(at(0, "mon", Vital.NIBP_SYS, 120), at(0, "mon", Vital.NIBP_DIA, 80)));
        m.onReadings("mon", List.of(at(300, "mon", Vital.NIBP_SYS, 130), at(300, "mon", Vital.NIBP_DIA, 84)));
        assertTrue(m.setBaselineFromLastCuffReadings(TestActors.nurse("nurse")).accepted());
        // 125/82 baseline: 165 is a rise of 40 → nibp_sys.rise
        m.onReadings("mon", List.of(at(600, "mon", Vital.NIBP_SYS, 165), at(600, "mon", Vital.NIBP_DIA, 84)));
        assertTrue(events.stream().anyMatch(e -> e.alarmId().equals("nibp_sys.rise") && e.limit() == 165.0), events.toString());
    }

    @Test
    void aSecondDeviceForTheSameVitalsIsNotReportedSilent() {
        ChairMonitor m = chair(device("ox", "masimo", Vital.SPO2, Vital.PR),
                device("ox2", "masimo", Vital.SPO2, Vital.PR));
        for (int s = 0; s <= 30; s++) {
            m.onReadings("ox", List.of(at(s, "ox", Vital.SPO2, 97)));
            m.onReadings("ox2", List.of(at(s, "ox2", Vital.SPO2, 96)));
            m.tick();
        }
        assertTrue(events.stream().noneMatch(e -> e.alarmId().equals("ox2.no_data")), events.toString());
        assertEquals(ConnectionState.CONNECTED, m.connectionStates().get("ox2"));
    }

    private static final class MutableClock implements InstantSource {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }
    }
}
